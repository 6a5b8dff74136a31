// Runs the built pivor-csv binary on the fixtures, as a user would.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { root, runCli } from '../helpers/pivor-csv.ts';

const fixture = (name: string) => join(root, 'test/fixtures', `${name}.csv`);

async function run(args: string[], stdin?: string) {
  const { code, stdout, stderr } = await runCli(args, {}, stdin ?? '');
  return { code: code ?? -1, stdout, stderr };
}

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pivor-csv-test-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('pivor-csv check --json', () => {
  it('messy-contacts: exit 1, the stable shape, errors on rows 3, 4, 6, 8 and warnings on 7 and 9', async () => {
    const { code, stdout } = await run(['check', 'auto', fixture('messy-contacts'), '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['resource', 'encoding', 'delimiter', 'records', 'valid', 'mapping', 'issues', 'fields']);
    expect(json).toMatchObject({ resource: 'contacts', encoding: 'utf-8', delimiter: ',', records: 8, valid: 4 });
    expect(json.mapping).toEqual({
      first_name: 'first_name', last_name: 'last_name', email: 'email', phone: 'phone', job_title: 'job_title',
      client_name: 'client_name', is_primary: 'is_primary_contact',
    });
    const by = (severity: string) => json.issues.filter((i: { severity: string }) => i.severity === severity).map((i: { row: number }) => i.row);
    expect(by('error')).toEqual([3, 4, 6, 8]);
    expect(by('warning')).toEqual([7, 9]);
    expect(json.issues[1]).toEqual({
      row: 4, column: 'email', field: 'email', severity: 'error', code: 'invalid-email',
      message: 'Row 4: "not-an-email" is not a valid email address (column email).',
    });
  });

  it('pivor-clients-export: exit 1 for row 5, with the reason', async () => {
    const { code, stdout } = await run(['check', 'clients', fixture('pivor-clients-export'), '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ resource: 'clients', encoding: 'utf-8-bom', records: 4, valid: 3 });
    expect(json.issues.map((i: { row: number; code: string }) => [i.row, i.code])).toEqual([[5, 'not-writable'], [5, 'not-writable']]);
  });

  it('excel-semicolon-clients: exit 0, semicolons, and the website notice', async () => {
    const { code, stdout } = await run(['check', 'auto', fixture('excel-semicolon-clients'), '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ resource: 'clients', delimiter: ';', records: 3, valid: 3 });
    expect(json.mapping['Company Name']).toBe('name');
    expect(json.issues).toHaveLength(1);
    expect(json.issues[0]).toMatchObject({ row: 2, code: 'url-scheme-added', column: 'Website' });
  });

  it('hubspot-contacts: exit 0, the CRM-only columns mapped to null', async () => {
    const { code, stdout } = await run(['check', 'auto', fixture('hubspot-contacts'), '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.mapping).toMatchObject({ 'Record ID': null, 'Lifecycle Stage': null, 'Contact owner': null, 'Create Date': null, 'Company Name': 'client_name' });
  });

  it('communications: call becomes phone, normal priority is left out with a warning', async () => {
    const template = JSON.parse((await run(['check', 'auto', fixture('documented-template-communications'), '--json'])).stdout);
    expect(template.issues.map((i: { code: string }) => i.code)).toEqual(['enum-synonym']);
    const exported = await run(['check', 'communications', fixture('pivor-communications-export'), '--json']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).issues.map((i: { row: number; code: string }) => [i.row, i.code])).toEqual([[2, 'omitted-on-create'], [4, 'omitted-on-create']]);
  });

  it('reads day-first dates and a time zone when told, from stdin', async () => {
    const csv = 'type,subject,due_at\nnote,a,02/04/2025 16:30\n';
    const refused = await run(['check', 'communications', '-', '--json'], csv);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).issues[0].code).toBe('ambiguous-date');
    const read = await run(['check', 'communications', '-', '--json', '--day-first', '--tz', 'Europe/Paris'], csv);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).issues[0].message).toBe('Row 2: read "02/04/2025 16:30" (day-first) as 2 April 2025 16:30 Europe/Paris (column due_at).');
  });
});

describe('pivor-csv check (readable)', () => {
  it('prints each row with its status, the counts and the mapping with reasons, without colour off a terminal', async () => {
    const { code, stdout } = await run(['check', 'auto', fixture('messy-contacts')]);
    expect(code).toBe(1);
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toMatch(/^\s+2 {2}ok\s*$/m);
    expect(stdout).toMatch(/^\s+4 {2}error {4}"not-an-email" is not a valid email address \(column email\)\.$/m);
    expect(stdout).toContain('8 rows: 2 valid, 2 with warnings, 4 with errors');
    expect(stdout).toMatch(/is_primary\s+→ is_primary_contact \(field name\)/);
  });
});

describe('pivor-csv: wrong calls and unreadable input exit 2', () => {
  it.each([
    [[]],
    [['check']],
    [['check', 'auto']],
    [['check', 'people', fixture('messy-contacts')]],
    [['check', 'auto', fixture('messy-contacts'), '--day-first', '--month-first']],
    [['check', 'auto', fixture('messy-contacts'), '--tz', 'Mars/Base']],
    [['check', 'auto', fixture('messy-contacts'), '--bogus']],
    [['frobnicate']],
    [['template']],
  ])('%j', async (args) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/pivor-csv|usage/);
  });

  it('a missing file, an empty file and a file of no known kind', async () => {
    const missing = await run(['check', 'auto', join(scratch, 'nope.csv')]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('no such file');
    const empty = await run(['check', 'contacts', '-'], '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('The file is empty');
    const unknown = await run(['check', 'auto', '-'], 'foo,bar\n1,2\n');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Cannot tell whether this file holds clients, contacts or communications');
  });
});

describe('pivor-csv template', () => {
  it("prints Pivor's template columns and an example row that checks clean", async () => {
    const { code, stdout } = await run(['template', 'communications']);
    expect(code).toBe(0);
    const table = readCsv(stdout);
    expect(table.headers).toEqual(['type', 'subject', 'description', 'client_name', 'contact_name', 'status', 'priority', 'due_at', 'completed_at']);
    expect(table.records).toHaveLength(1);
    expect(stdout.charCodeAt(0)).not.toBe(0xfeff);
    const checked = await run(['check', 'auto', '-', '--json'], stdout);
    expect(JSON.parse(checked.stdout)).toMatchObject({ resource: 'communications', records: 1, valid: 1 });
  });

  it('writes a file with a byte-order mark when given --out', async () => {
    const out = join(scratch, 'clients-template.csv');
    const { code, stderr } = await run(['template', 'clients', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('Wrote');
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(readCsv(text).headers).toEqual(['name', 'trading_name', 'type', 'status', 'email', 'phone', 'website', 'address_line_1', 'address_line_2', 'city', 'state', 'postal_code', 'country', 'notes']);
  });
});

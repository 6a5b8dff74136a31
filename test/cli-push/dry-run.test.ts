// `pivor-csv push --dry-run` as a user runs it, against the sandbox (and real Pivor under test:pivor): each row says
// what it will do from the one model the wizard reads (created, updated with the fields by label and the record by
// name, unchanged, skipped with why), infos apart from warnings and errors, the wizard's counts; --json carries the
// same rows; nothing is written.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../shared/csv/index.ts';
import { openSession, type Session } from '../push/sandbox-session.ts';
import { runCli } from '../helpers/pivor-csv.ts';
import { allRecords, apiCreate, type ApiRecord } from '../extension/pivor-server.ts';

let s: Session;
let scratch: string;
let env: Record<string, string>;
let ada: ApiRecord;
let path: string;

beforeAll(async () => {
  s = await openSession();
  scratch = mkdtempSync(join(tmpdir(), 'pivor-dry-run-'));
  env = { XDG_CONFIG_HOME: join(scratch, 'config'), PIVOR_URL: s.sandbox.url, PIVOR_TOKEN: s.token };
  ada = await apiCreate(s.sandbox.url, s.token, 'contacts', { first_name: 'Ada', last_name: 'Byron', email: 'ada@dry.test', job_title: 'Engineer' });
  await apiCreate(s.sandbox.url, s.token, 'contacts', { first_name: 'Bo', last_name: 'Ng', email: 'bo@dry.test' });
  path = join(scratch, 'dry-contacts.csv');
  writeFileSync(path, writeCsv(['first_name', 'last_name', 'email', 'job_title', 'status'], [
    ['Ada', 'Byron', 'ada@dry.test', 'CTO', ''], // 2: an update of one field
    ['Bo', 'Ng', 'bo@dry.test', '', ''], // 3: as in Pivor
    ['  Cy ', 'Ito', 'cy@dry.test', '', 'Active'], // 4: spaces trimmed, a status respelled: infos, the row is ready
    ['Di', 'Roe', 'not-an-email', '', ''], // 5: an error
    ['Ed', 'Ito', 'CY@dry.test', '', ''], // 6: row 4's email again: the plan skips it
    ['Flo', '', 'flo@dry.test', '', ''], // 7: no last name
  ]));
});
afterAll(async () => {
  await s?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('push --dry-run', () => {
  it('says what each row will do, its issues by level, and the counts the wizard shows; nothing is written', async () => {
    const writes = () => Object.entries(s.sandbox.stats().byRoute).filter(([route]) => !route.startsWith('GET')).reduce((n, [, v]) => n + v, 0);
    const before = writes();
    const run = await runCli(['push', 'contacts', path, '--dry-run'], env);
    expect(run.code).toBe(1); // rows are skipped
    const lines = run.stdout.split('\n');
    const block = (row: number) => {
      const start = lines.findIndex((l) => l.startsWith(`  row ${row}: `));
      const end = lines.findIndex((l, i) => i > start && !l.startsWith('      '));
      return lines.slice(start, end);
    };
    expect(lines[0]).toMatch(/^contacts \(.*dry-contacts\.csv\): 6 rows, matched by email: 1 to create, 1 to update, 1 unchanged, 0 to delete, 3 skipped$/);
    expect(block(2)).toEqual([`  row 2: update Ada Byron (#${ada.id}): Job title "Engineer" → "CTO"`]);
    expect(block(3)).toEqual([expect.stringMatching(/^ {2}row 3: unchanged: Bo Ng \(#\d+\)$/)]);
    expect(block(4)[0]).toBe('  row 4: create');
    // infos under their row, never counted against it
    expect(block(4).slice(1).every((l) => /^ {6}info {2}/.test(l))).toBe(true);
    expect(block(4).join('\n')).toMatch(/info {2}.*"Active".*active.*\(column status\)/);
    expect(block(4).join('\n')).toMatch(/info {2}.*(trimmed|spaces).*\(column first_name\)/);
    // skipped with why, the row and the column said once
    expect(block(5)).toEqual(['  row 5: skipped: "not-an-email" is not a valid email address (column email)']);
    expect(block(6)[0]).toMatch(/^ {2}row 6: skipped: .*row 4.*\(column email\)$/);
    expect(block(6).join('\n')).not.toMatch(/Row 6/);
    expect(block(7)[0]).toBe('  row 7: skipped: last name is required (column last_name)');
    expect(run.stdout).toContain('  6 rows: 3 ready, 0 with warnings, 3 not sent (errors); 1 with values written Pivor\'s way (infos, not counted against them)');
    expect(writes()).toBe(before);
    expect((await allRecords(s.sandbox.url, s.token, 'contacts')).map((c) => c.email).sort()).toEqual(['ada@dry.test', 'bo@dry.test']);
  });

  it('--json keeps the plan and adds the rows and counts of the one model', async () => {
    const run = await runCli(['push', 'contacts', path, '--dry-run', '--json'], env);
    expect(run.code).toBe(1);
    const [file] = (JSON.parse(run.stdout) as { files: any[] }).files;
    expect(file.plan.counts).toMatchObject({ create: 1, update: 1, unchanged: 1 });
    expect(file.actions.map((a: { row: number; kind: string }) => [a.row, a.kind])).toContainEqual([2, 'update']);
    expect(file.outcomes.counts).toEqual({ records: 6, create: 1, update: 1, unchanged: 1, held: 0, skip: 3, valid: 3, warnings: 0, errors: 3, normalized: 1 });
    const byRow = new Map(file.outcomes.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({
      action: 'update', status: 'valid', record: { id: ada.id, name: `Ada Byron (#${ada.id})` },
      changes: [{ field: 'job_title', label: 'Job title', from: 'Engineer', to: 'CTO' }],
    });
    expect(byRow.get(4)).toMatchObject({ action: 'create', status: 'valid' });
    expect((byRow.get(4) as { issues: { severity: string }[] }).issues.map((i) => i.severity)).toEqual(['info', 'info']);
    expect(byRow.get(5)).toMatchObject({ action: 'skip', status: 'error', issues: [{ severity: 'error', column: 'email' }] });
  });
});

// `pivor-csv check --json` on the real-world shaped files and the broken ones, run as a user runs it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../helpers/pivor-csv.ts';

const realWorld = (name: string) => join(root, 'test/fixtures/real-world', name);

async function checkJson(args: string[], stdin = '') {
  const run = await runCli(['check', ...args, '--json'], {}, stdin);
  return { code: run.code, stderr: run.stderr, json: run.stdout ? JSON.parse(run.stdout) : null };
}

describe('pivor-csv check --json on real files: the header', () => {
  it("LinkedIn's Connections.csv: contacts, the header found on row 4, the notes above it reported", async () => {
    const { code, json } = await checkJson(['auto', realWorld('linkedin-connections.csv')]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ resource: 'contacts', encoding: 'utf-8', delimiter: ',', records: 4, valid: 4 });
    expect(json.mapping).toMatchObject({ 'First Name': 'first_name', 'Last Name': 'last_name', 'Email Address': 'email' });
    expect(json.issues[0]).toEqual({
      row: 4, column: null, field: null, severity: 'warning', code: 'rows-before-header',
      message: 'The header is on row 4; the 3 rows above it are not data and were skipped: row 1 "Notes:", ' +
        'row 2 "When exporting your connection data, you may notice that so…" and row 3 (blank).',
    });
  });

  it('a spreadsheet export with a title row: clients, rows numbered as the sheet shows them', async () => {
    const { code, json } = await checkJson(['auto', realWorld('excel-title-row-clients.csv')]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ resource: 'clients', encoding: 'utf-8-bom', records: 3, valid: 3 });
    expect(json.issues.map((i: { row: number; code: string }) => [i.row, i.code])).toEqual([
      [3, 'rows-before-header'], [4, 'country-code'], [4, 'url-scheme-added'], [5, 'country-code'], [6, 'country-code'],
    ]);
  });

  it.each([
    ['a preamble only', 'Notes:\n"When exporting your connection data, some email addresses may be missing."\n\n',
      'No header row found: none of rows 1–2 names a column or holds more than one value (row 1 reads "Notes:").'],
    ['a header that never comes', 'Notes:\n"Exported on request."\n\nJane,Doe,jane@example.com\nJo,Li,jo@example.com\n',
      'No header row found: row 4, read as the header, holds "jane@example.com", a value rather than a column name.'],
    ['every column empty', ',,\r\n,,\r\n,,\r\n', 'No header row found: none of rows 1–3 names a column or holds more than one value.'],
  ])('%s: exit 2 and a sentence saying so', async (_case, text, message) => {
    const { code, stderr } = await checkJson(['contacts', '-'], text);
    expect(code).toBe(2);
    expect(stderr).toContain(`pivor-csv: standard input: ${message}`);
  });

  it('every value empty below a header: nothing to send, and said so', async () => {
    const { code, json } = await checkJson(['contacts', '-'], 'First Name,Last Name,Email\r\n,,\r\n,,\r\n');
    expect(code).toBe(0);
    expect(json).toMatchObject({ records: 0, valid: 0 });
    expect(json.issues).toEqual([{
      row: 1, column: null, field: null, severity: 'warning', code: 'blank-rows', message: '2 rows have no values and are skipped (rows 2, 3).',
    }]);
  });
});

describe('pivor-csv check --json on real files: the encoding', () => {
  it('Excel "CSV (Macintosh)": read as Mac Roman, and the report says which fallback was used', async () => {
    const { code, json } = await checkJson(['auto', realWorld('excel-mac-contacts.csv')]);
    // Read right, "Ångström" starts outside ASCII, so Pivor's initials bug holds its row back (exit 1).
    expect(code).toBe(1);
    expect(json).toMatchObject({ resource: 'contacts', encoding: 'macintosh', records: 4, valid: 3 });
    expect(json.issues).toMatchObject([
      { row: 1, severity: 'warning', code: 'encoding-fallback' },
      { row: 4, column: 'Last Name', severity: 'error', code: 'non-ascii-initial' },
    ]);
    expect(json.issues[0].message).toContain('it was read as Mac Roman');
    expect(json.issues[1].message).toContain('"Ångström"');
  });

  it('UTF-8 with one stray byte: row 4 alone carries the warning, naming the byte and the value', async () => {
    const { code, json } = await checkJson(['contacts', realWorld('utf8-stray-byte-contacts.csv')]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ encoding: 'utf-8', records: 5, valid: 5 });
    expect(json.issues).toEqual([{
      row: 4, column: null, field: null, severity: 'warning', code: 'invalid-utf8',
      message: 'Row 4 holds a byte that is not valid UTF-8, read as Windows-1252: 0xE9 as "é" in "René". The rest of the file is read as UTF-8; check this value.',
    }]);
  });
});

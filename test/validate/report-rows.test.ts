// The report's rows build their values from their cells when first read, and a row read from a line without
// quotes makes its cells again from that line. Whoever reads them, copies them or changes them must see what a
// plain row would give: these tests pin that down.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { checkCsv, plainReport, plainRow } from '../../shared/validate/index.ts';

const csv = [
  'Full Name,email,is_primary,status,country,linkedin_url,client_name,Favourite colour',
  ' Ann Lee ,ann@example.com,YES,Active,Germany,linkedin.com/in/ann,Acme Corp,first',
  'Bob,not-an-email,maybe,inactive,FR,,Nowhere Inc,',
  'Cy Dee,cy@example.com,no,,,https://www.linkedin.com/in/cy,acme corp,',
].join('\n');
const references = { clients: [{ id: 7, name: 'Acme Corp' }] };

describe('report rows', () => {
  it('give each row its normalized values, names split and ids resolved, and none for failed or empty cells', () => {
    const report = checkCsv(csv, 'contacts', { references });
    expect(report.rows.map((r) => r.values)).toEqual([
      {
        full_name: 'Ann Lee', email: 'ann@example.com', is_primary_contact: true, status: 'active', country: 'DE',
        linkedin_url: 'https://linkedin.com/in/ann', client_name: 'Acme Corp', first_name: 'Ann', last_name: 'Lee', client_id: 7,
      },
      { full_name: 'Bob', status: 'inactive', country: 'FR', client_name: 'Nowhere Inc', first_name: 'Bob' },
      {
        full_name: 'Cy Dee', email: 'cy@example.com', is_primary_contact: false, linkedin_url: 'https://www.linkedin.com/in/cy',
        client_name: 'acme corp', first_name: 'Cy', last_name: 'Dee', client_id: 7,
      },
    ]);
    expect(report.rows[1]!.status).toBe('error');
    expect(report.rows[1]!.issues.map((i) => i.code)).toEqual(['invalid-email', 'invalid-boolean', 'unknown-reference', 'required']);
  });

  it('keep one values object per row: changes made to it are there on the next read', () => {
    const row = checkCsv(csv, 'contacts').rows[0]!;
    row.values.client_id = 42;
    expect(row.values.client_id).toBe(42);
    row.values = { email: 'x@example.com' };
    expect(row.values).toEqual({ email: 'x@example.com' });
  });

  it('copy whole into JSON and through structured clone (a worker posting the report)', () => {
    const report = checkCsv(csv, 'contacts');
    const first = report.rows[0]!;
    const json = JSON.parse(JSON.stringify(report.rows)) as unknown[];
    expect(json[0]).toEqual({ row: 2, status: first.status, values: first.values, issues: first.issues, cells: first.cells });
    const cloned = structuredClone(plainReport(report));
    expect(cloned.rows).toEqual(report.rows.map(plainRow));
    expect(cloned.rows[0]!.values.is_primary_contact).toBe(true);
    expect(cloned.counts).toEqual(report.counts);
  });

  it('share one frozen empty issue list between rows without issues, so a push onto it fails loudly', () => {
    const report = checkCsv('first_name,last_name\nAnn,Lee\nBob,Roe\n', 'contacts');
    const [a, b] = report.rows;
    expect(a!.issues).toHaveLength(0);
    expect(a!.issues).toBe(b!.issues);
    expect(() => (a!.issues as unknown as unknown[]).push({})).toThrow(TypeError);
    a!.issues = [...a!.issues, { row: 2, column: null, field: null, severity: 'warning', code: 'x', message: 'x' }];
    expect(b!.issues).toHaveLength(0);
  });

  it('give the cells the reader read, for lines with and without quotes, whatever the delimiter and line ending', () => {
    for (const [delimiter, newline] of [[',', '\n'], [';', '\r\n'], ['\t', '\r'], ['|', '\r\n']] as const) {
      const lines = [
        ['first_name', 'last_name', 'email', 'notes'],
        ['Ann', 'Lee', 'ann@example.com', "'=1+2"], // the spreadsheet-safety apostrophe comes off
        ['Bob', 'Stone', ' bob@example.com ', ''], // an empty last cell before the line ending
        ['"Cy, Jr"', '"Dee ""the"" Third"', 'cy@example.com', '"two\nlines"'], // quoted: read by Papa Parse
        ['Di', "O'Neill", 'di@example.com', "'@home"],
      ];
      const text = lines.map((cells) => cells.join(delimiter)).join(newline) + newline;
      const report = checkCsv(text, 'contacts');
      const table = readCsv(text);
      expect(report.delimiter).toBe(delimiter);
      expect(report.rows.map((r) => r.cells)).toEqual(table.records.map((r) => r.cells));
      expect(report.rows[0]!.cells).toEqual(['Ann', 'Lee', 'ann@example.com', '=1+2']);
      expect(report.rows[1]!.cells).toEqual(['Bob', 'Stone', ' bob@example.com ', '']);
      // read once, the same array from then on
      expect(report.rows[0]!.cells).toBe(report.rows[0]!.cells);
      expect(JSON.parse(JSON.stringify(report.rows)).map((r: { cells: string[] }) => r.cells)).toEqual(table.records.map((r) => r.cells));
    }
  });
});

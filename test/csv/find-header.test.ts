// Finding the header below a preamble (LinkedIn's notes, a spreadsheet's title row), with row numbers kept as a
// spreadsheet shows them, and the files where no header ever comes.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { codes, utf8 } from './helpers.ts';
import { readInSlices, realWorld } from './real-world.ts';

describe('a header below a preamble', () => {
  it("LinkedIn's Connections.csv: notes, a quoted paragraph and a blank line, then the header on row 4", () => {
    const table = readCsv(realWorld('linkedin-connections.csv'));
    expect(table.headers).toEqual(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
    expect(table.records.map((r) => r.row)).toEqual([5, 6, 7, 8]);
    expect(table.records[1]!.cells.slice(0, 2)).toEqual(['Tomasz', 'Wiśniewski']);
    expect(table.problems).toEqual([{
      row: 4, severity: 'warning', code: 'rows-before-header',
      message: 'The header is on row 4; the 3 rows above it are not data and were skipped: row 1 "Notes:", ' +
        'row 2 "When exporting your connection data, you may notice that so…" and row 3 (blank).',
    }]);
  });

  it('a spreadsheet title row and an empty row padded to the width, in Excel\'s "CSV UTF-8" (BOM, CRLF)', () => {
    const table = readCsv(realWorld('excel-title-row-clients.csv'));
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.headers).toEqual(['Company Name', 'Email', 'Phone', 'City', 'Country', 'Website']);
    expect(table.records.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(table.problems).toMatchObject([{
      row: 3, code: 'rows-before-header',
      message: 'The header is on row 3; the 2 rows above it are not data and were skipped: row 1 "Client list - exported 01/03/2025" and row 2 (blank).',
    }]);
  });

  it('a title with no delimiter above a ";" table: the delimiter is judged from the table', () => {
    const table = readCsv('Kontakte Export\r\nVorname;Nachname;E-Mail\r\nAnna;Schmidt;anna@example.com\r\nJan;Berg;jan@example.com\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Vorname', 'Nachname', 'E-Mail']);
    expect(table.records.map((r) => r.row)).toEqual([3, 4]);
    expect(codes(table.problems)).toEqual(['rows-before-header']);
  });

  it('without a row naming fields, a table that plainly starts lower is still found by its width', () => {
    const table = readCsv('Quarterly report\nprepared by the sales team\nalpha,beta,gamma\n1,2,3\n4,5,6\n', { headerScore: () => 0 });
    expect(table.headers).toEqual(['alpha', 'beta', 'gamma']);
    expect(table.records.map((r) => r.row)).toEqual([4, 5]);
    expect(table.problems[0]!.message).toContain('row 1 "Quarterly report" and row 2 "prepared by the sales team"');
  });

  it('lists at most five rows of a long preamble, and counts the rest', () => {
    const preamble = Array.from({ length: 8 }, (_, i) => `line ${i + 1}`).join('\n');
    const table = readCsv(`${preamble}\nFirst Name,Last Name,Email\nAnn,Lee,ann@example.com\n`);
    expect(table.records.map((r) => r.row)).toEqual([10]);
    expect(table.problems[0]!.message).toBe(
      'The header is on row 9; the 8 rows above it are not data and were skipped: row 1 "line 1", row 2 "line 2", row 3 "line 3", row 4 "line 4", row 5 "line 5" and 3 more rows.',
    );
  });

  it('gives the same header, records and problems when the file arrives in small pieces', () => {
    const bytes = realWorld('linkedin-connections.csv');
    const whole = readCsv(bytes);
    for (const size of [7, 64, 333]) {
      const { headers, records, problems } = readInSlices(bytes, size, { sampleBytes: 16, sampleChars: 32, batchChars: 40 });
      expect({ headers, records, problems }).toEqual({ headers: whole.headers, records: whole.records, problems: whole.problems });
    }
  });
});

describe('the first row stays the header', () => {
  it('when a data row below names fields better: data rows hold no more values than the header', () => {
    const table = readCsv('Kind,Detail,Other\nemail,phone,name\nx,y,z\n');
    expect(table.headers).toEqual(['Kind', 'Detail', 'Other']);
    expect(table.problems).toEqual([]);
  });

  it('when the rows below it mostly share its width, even if none names a field', () => {
    const table = readCsv('alpha,,gamma\n1,2,3\n4,5,6\n');
    expect(table.headers).toEqual(['alpha', '', 'gamma']);
    expect(table.records.map((r) => r.row)).toEqual([2, 3]);
  });

  it('and blank lines above it are reported as before', () => {
    const table = readCsv('\n\nname,email\nAcme,info@acme.example.com\n');
    expect(table.records.map((r) => r.row)).toEqual([4]);
    expect(codes(table.problems)).toEqual(['blank-rows-before-header']);
  });
});

describe('no header', () => {
  it('a preamble only (LinkedIn with no connections): said so, not read as a one-column table', () => {
    const table = readCsv(utf8('Notes:\n"When exporting your connection data, some email addresses may be missing."\n\n'));
    expect(table.problems.filter((p) => p.code === 'no-header')).toEqual([{
      row: 1, severity: 'warning', code: 'no-header',
      message: 'No header row found: none of rows 1–2 names a column or holds more than one value (row 1 reads "Notes:"). ' +
        "A CSV's header row names its columns, such as First Name, Last Name, Email.",
    }]);
  });

  it('a header that never comes: the notes run straight into the data', () => {
    const table = readCsv('Notes:\n"Exported on request."\n\nJane,Doe,jane@example.com\nJo,Li,jo@example.com\n');
    expect(table.problems.filter((p) => p.code === 'no-header').map((p) => p.message)).toEqual([
      'No header row found: row 4, read as the header, holds "jane@example.com", a value rather than a column name. ' +
        'Add a header row naming the columns (such as First Name, Last Name, Email) above the data.',
    ]);
  });

  it('every column empty: rows of delimiters only', () => {
    const table = readCsv(',,\r\n,,\r\n');
    expect(codes(table.problems)).toContain('no-header');
    expect(table.problems.find((p) => p.code === 'no-header')!.message).toMatch(/^No header row found: none of rows 1–2 names a column/);
  });

  it('a one-column file whose header names a field is a table, not a preamble', () => {
    const table = readCsv('email\nann@example.com\nbo@example.com\n');
    expect(table.problems).toEqual([]);
    expect(table.records).toHaveLength(2);
  });
});

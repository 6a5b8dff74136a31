// writeCsv: the exact bytes it produces, its refusals, and the round trip
// readCsv(writeCsv(table)) === table for random tables.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../shared/csv/index.ts';
import { utf8 } from './helpers.ts';

describe('writeCsv', () => {
  it('writes BOM, commas, CRLF, quotes only where needed, and escapes formulas', () => {
    const csv = writeCsv(
      ['name', 'notes', '=total'],
      [
        ['Acme, Inc', 'said "hi"', '=1+2'],
        ['Beta', 'line 1\nline 2', ' padded '],
        ['Gamma', 'a;b|c\td', "O'Neill"],
        ['', '', ''],
      ],
    );
    expect(csv).toBe(
      '\uFEFFname,notes,\'=total\r\n' +
        '"Acme, Inc","said ""hi""",\'=1+2\r\n' +
        'Beta,"line 1\nline 2"," padded "\r\n' +
        'Gamma,"a;b|c\td",O\'Neill\r\n' +
        ',,\r\n',
    );
  });

  it('leaves the BOM out on request', () => {
    expect(writeCsv(['a'], [['1']], { bom: false })).toBe('a\r\n1\r\n');
  });

  it('writes a lone empty cell as "" so it is not a blank line', () => {
    expect(writeCsv(['a'], [[''], ['x']], { bom: false })).toBe('a\r\n""\r\nx\r\n');
  });

  it('refuses rows that do not fit the header, and an empty header', () => {
    expect(() => writeCsv(['a', 'b'], [['1', '2'], ['3']])).toThrow('writeCsv: row 3 has 1 cells but there are 2 headers.');
    expect(() => writeCsv([], [])).toThrow(/at least one header/);
  });

  it('writes Pivor-style files that read back with the same values', () => {
    const headers = ['name', 'phone', 'notes'];
    const rows = [['Société Générale', '+33 1 23 45 67 89', 'Line one\r\nline two; with a semicolon']];
    const table = readCsv(utf8(writeCsv(headers, rows)));
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.headers).toEqual(headers);
    expect(table.records).toEqual([{ row: 2, cells: rows[0] }]);
  });
});

// Cells full of what breaks CSV writers: quotes, every delimiter, CR/LF,
// formula starts, apostrophes, edge spaces, BOM characters, emoji and empties.
const cell = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', ',', ';', '\t', '|', '\r', '\n', '\r\n', ' ', "'", '=', '+', '-', '@', '\uFEFF', 'é', '😀', '👩‍👩‍👧'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

const table = fc.integer({ min: 1, max: 6 }).chain((width) =>
  fc.record({
    headers: fc.array(cell, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
  }),
);

/** Read back as written: the first row is the header even when a row below it names Pivor fields better. */
function readBack(csv: string | Uint8Array): ReturnType<typeof readCsv> {
  return readCsv(csv, { headerScore: () => 0 });
}

function expectSameTable(read: ReturnType<typeof readCsv>, headers: string[], rows: string[][]): void {
  expect(read.headers).toEqual(headers);
  expect(read.records.map((r) => r.cells)).toEqual(rows);
  expect(read.records.map((r) => r.row)).toEqual(rows.map((_, i) => i + 2));
  expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
}

describe('readCsv(writeCsv(table))', () => {
  it('gives the table back exactly, from text and from UTF-8 bytes', () => {
    fc.assert(
      fc.property(table, fc.boolean(), ({ headers, rows }, bom) => {
        const csv = writeCsv(headers, rows, { bom });
        expectSameTable(readBack(csv), headers, rows);
        expectSameTable(readBack(utf8(csv)), headers, rows);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back single-column tables of empty cells (which look like blank lines)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', ' ', '=', '"'), { maxLength: 6 }), (column) => {
        const rows = column.map((value) => [value]);
        expectSameTable(readBack(writeCsv([''], rows)), [''], rows);
      }),
    );
  });
});

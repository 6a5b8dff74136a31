// readCsv on broken and unusual files, each built in the test: every case
// ends in records plus clear problems, never a crash, a hang or a silent drop.

import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { codes, utf16, utf8, windows1252 } from './helpers.ts';

describe('encodings', () => {
  it('reads Windows-1252 bytes (not valid UTF-8) and says so', () => {
    const table = readCsv(windows1252('name;city\r\nMüller & Söhne;Zürich\r\nCafé “Œuvre” – 5 €;Besançon\r\n'));
    expect(table.encoding).toBe('windows-1252');
    expect(table.delimiter).toBe(';');
    expect(table.records.map((r) => r.cells)).toEqual([
      ['Müller & Söhne', 'Zürich'],
      ['Café “Œuvre” – 5 €', 'Besançon'],
    ]);
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const text = 'name,city\r\nØkonomi AS,Oslo\r\n😀 Emoji Ltd,東京\r\n';
    for (const [littleEndian, encoding] of [[true, 'utf-16le'], [false, 'utf-16be']] as const) {
      const table = readCsv(utf16(text, littleEndian));
      expect(table.encoding).toBe(encoding);
      expect(table.headers).toEqual(['name', 'city']);
      expect(table.records.map((r) => r.cells)).toEqual([['Økonomi AS', 'Oslo'], ['😀 Emoji Ltd', '東京']]);
    }
  });

  it('strips the UTF-8 BOM from bytes and from text', () => {
    const bytes = utf8('\uFEFFname\r\nAcme\r\n');
    expect(readCsv(bytes)).toMatchObject({ encoding: 'utf-8-bom', headers: ['name'] });
    expect(readCsv('\uFEFFname\r\nAcme\r\n')).toMatchObject({ encoding: 'utf-8-bom', headers: ['name'] });
  });

  it('honours a forced encoding', () => {
    // Valid UTF-8, but the caller knows better.
    const table = readCsv(utf8('name\r\nMüller\r\n'), { encoding: 'windows-1252' });
    expect(table.encoding).toBe('windows-1252');
    expect(table.records[0]!.cells).toEqual(['MÃ¼ller']);
  });
});

describe('line endings', () => {
  it('reads CR-only (old Mac) files', () => {
    const table = readCsv('a,b\r1,2\r"x\ry",3\r');
    expect(table.records).toEqual([
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['x\ry', '3'] },
    ]);
  });

  it('reads LF files and CRLF files alike, even mixed', () => {
    const expected = [
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['3', '4'] },
    ];
    expect(readCsv('a,b\n1,2\n3,4\n').records).toEqual(expected);
    expect(readCsv('a,b\r\n1,2\r\n3,4\r\n').records).toEqual(expected);
    expect(readCsv('a,b\r\n1,2\n3,4\r\n').records).toEqual(expected);
    expect(readCsv('a,b\n1,2\r\n3,4').records).toEqual(expected);
  });

  it('keeps a CR that is inside quotes at the end of a value', () => {
    expect(readCsv('a,b\n1,"2\r"\n').records[0]!.cells).toEqual(['1', '2\r']);
    expect(readCsv('a,b\r\n1,"2\r"\r\n').records[0]!.cells).toEqual(['1', '2\r']);
    expect(readCsv('a\r\n"\r"\r\nx\r\r\n').records.map((r) => r.cells)).toEqual([['\r'], ['x\r']]);
  });

  it('skips blank lines but keeps their row numbers; a final line break is not a row', () => {
    const table = readCsv('a,b\r\n\r\n1,2\r\n\r\n\r\n3,4\r\n');
    expect(table.records.map((r) => r.row)).toEqual([3, 6]);
    expect(table.problems).toEqual([]);
  });

  it('skips blank rows above the header and says where the header is', () => {
    const table = readCsv('\n\nname\nAcme\n');
    expect(table.headers).toEqual(['name']);
    expect(table.records).toEqual([{ row: 4, cells: ['Acme'] }]);
    expect(table.problems).toMatchObject([{ row: 3, code: 'blank-rows-before-header', severity: 'warning' }]);
  });

  it('reads a quoted empty value alone on its line as a record, not a blank line', () => {
    expect(readCsv('name\n""\n\nAcme\n').records).toEqual([
      { row: 2, cells: [''] },
      { row: 4, cells: ['Acme'] },
    ]);
  });
});

describe('broken content', () => {
  it('reports binary content (NUL bytes) and reads nothing', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const table = readCsv(bytes);
    expect(table.records).toEqual([]);
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]).toMatchObject({ code: 'binary', severity: 'error', row: 1 });
    expect(table.problems[0]!.message).toContain('This file looks binary, not CSV');
  });

  it('reads the rows before a NUL byte that comes late in a file, then stops', () => {
    const table = readCsv(`name\n${'Acme\n'.repeat(20_000)}Be\u0000ta\nGamma\n`);
    expect(table.records).toHaveLength(20_000);
    expect(table.problems).toMatchObject([{ row: 20_002, code: 'binary', severity: 'error' }]);
  });

  it('names an Excel workbook and BOM-less UTF-16 in the binary message', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0]);
    expect(readCsv(xlsx).problems[0]!.message).toMatch(/binary, not CSV.*xlsx/);
    expect(readCsv(utf16('name,city\r\nAcme,Paris\r\n', true, false)).problems[0]!.message).toMatch(/UTF-16/);
  });

  it('reports an unclosed quote at the row where it starts', () => {
    const table = readCsv('name,notes\nAcme,fine\nBeta,"never closed\nGamma,lost\n');
    expect(table.records).toEqual([{ row: 2, cells: ['Acme', 'fine'] }]);
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]).toMatchObject({ row: 3, code: 'unclosed-quote', severity: 'error' });
    expect(table.problems[0]!.message).toMatch(/^Row 3 /);
  });

  it('reports a stray quote after a closing quote', () => {
    const table = readCsv('name,notes\nAcme,"said "hi" twice"\nBeta,ok\n');
    expect(codes(table.problems)).toContain('malformed-quote');
    expect(table.problems[0]!.row).toBe(2);
    expect(table.records.every((r) => r.row !== 2)).toBe(true);
  });

  it('reports an empty file, also one holding only a BOM and blank lines', () => {
    for (const input of ['', new Uint8Array(0), utf8('\uFEFF'), '\r\n\r\n']) {
      const table = readCsv(input);
      expect(table).toMatchObject({ headers: [], records: [], delimiter: ',' });
      expect(table.problems).toMatchObject([{ code: 'empty-file', severity: 'error', row: 1 }]);
    }
  });

  it('warns about a header with no records', () => {
    for (const input of ['name,email', 'name,email\r\n', 'name,email\r\n\r\n']) {
      const table = readCsv(input);
      expect(table.headers).toEqual(['name', 'email']);
      expect(table.problems).toMatchObject([{ code: 'no-records', severity: 'warning' }]);
    }
  });

  it('warns about duplicate headers, naming both columns, and keeps both', () => {
    const table = readCsv('name,email,phone,email\nAcme,a@x.io,1,b@x.io\n');
    expect(table.headers).toEqual(['name', 'email', 'phone', 'email']);
    expect(table.records[0]!.cells).toEqual(['Acme', 'a@x.io', '1', 'b@x.io']);
    expect(table.problems).toEqual([
      {
        row: 1,
        severity: 'warning',
        code: 'duplicate-header',
        column: 'email',
        message: 'Columns B and D have the same header "email"; both are kept.',
      },
    ]);
  });

  it('warns about empty headers and keeps those columns', () => {
    const table = readCsv('name,,email\nAcme,x,a@x.io\n');
    expect(table.headers).toEqual(['name', '', 'email']);
    expect(table.records[0]!.cells).toEqual(['Acme', 'x', 'a@x.io']);
    expect(table.problems).toMatchObject([{ row: 1, code: 'empty-header', severity: 'warning', column: '' }]);
    expect(table.problems[0]!.message).toContain('Column B');
  });

  it('skips rows with too few or too many columns, each reported with its row', () => {
    const table = readCsv('a,b,c\n1,2,3\n1,2\n\n1,2,3,4\n7,8,9\n');
    expect(table.records.map((r) => r.row)).toEqual([2, 6]);
    expect(table.problems).toEqual([
      { row: 3, severity: 'error', code: 'column-count', message: 'Row 3 has 2 columns but the header has 3; the row is skipped.', cells: ['1', '2'] },
      { row: 5, severity: 'error', code: 'column-count', message: 'Row 5 has 4 columns but the header has 3; the row is skipped.', cells: ['1', '2', '3', '4'] },
    ]);
  });

  it('says so when every row was skipped', () => {
    const table = readCsv('a,b\n1\n2\n');
    expect(codes(table.problems)).toEqual(['column-count', 'column-count', 'no-records']);
    expect(table.problems[2]!.message).toContain('all 2 rows');
  });

  it('rejects input that is not text or bytes with a clear error', () => {
    expect(() => readCsv(42 as unknown as string)).toThrow(/expects the file as text/);
    expect(() => readCsv('a', { delimiter: ':' as ',' })).toThrow(/Unsupported delimiter/);
  });
});

describe('size', () => {
  it('reads a single 10 MB line quickly', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const started = performance.now();
    const header = readCsv(big);
    const quotedRow = readCsv(`name,notes\r\nAcme,"${big}\r\n${big}"\r\n`);
    // Linear work takes well under a second; a quadratic reader would take minutes. The bound allows a busy machine.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(header.headers[0]).toHaveLength(big.length);
    expect(quotedRow.records).toHaveLength(1);
    expect(quotedRow.records[0]!.cells[1]).toHaveLength(big.length * 2 + 2);
  });

  it('reads 5,000 columns', () => {
    const headers = Array.from({ length: 5000 }, (_, i) => `col${i}`);
    const rows = Array.from({ length: 20 }, (_, r) => headers.map((_, c) => `${r}:${c}`));
    const text = [headers, ...rows].map((cells) => cells.join(';')).join('\n');
    const started = performance.now();
    const table = readCsv(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(table.delimiter).toBe(';');
    expect(table.headers).toHaveLength(5000);
    expect(table.records).toHaveLength(20);
    expect(table.records[19]!.cells[4999]).toBe('19:4999');
    expect(table.problems).toEqual([]);
  });
});

// Files that are not plain UTF-8: Mac Roman from Excel for Mac, Windows-1252 from Excel for Windows, and UTF-8 with
// a few stray Latin-1 bytes; each read as a careful person would, and the report says how.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { chooseSingleByte, macRomanCodeUnit } from '../../shared/csv/single-byte.ts';
import { codes, utf8, windows1252 } from './helpers.ts';
import { readInSlices, realWorld } from './real-world.ts';

/** Mac Roman bytes for text made only of characters Mac Roman has. */
function macRoman(text: string): Uint8Array {
  const byteOf = new Map<number, number>();
  for (let byte = 0; byte < 256; byte++) byteOf.set(macRomanCodeUnit(byte), byte);
  return Uint8Array.from([...text].map((char) => {
    const byte = byteOf.get(char.charCodeAt(0));
    if (byte === undefined) throw new Error(`${char} is not in Mac Roman`);
    return byte;
  }));
}

const names = [['Renée', 'Lefèvre'], ['Jürgen', 'Groß'], ['Zoë', 'Ångström'], ['Iñigo', 'Núñez']];

describe('Excel\'s "CSV (Macintosh)": Mac Roman with CR line ends', () => {
  it('is read as Mac Roman, names intact, and the report says so', () => {
    const table = readCsv(realWorld('excel-mac-contacts.csv'));
    expect(table.encoding).toBe('macintosh');
    expect(table.records.map((r) => r.cells.slice(0, 2))).toEqual(names);
    expect(table.records.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(table.problems).toEqual([{
      row: 1, severity: 'warning', code: 'encoding-fallback',
      message: 'The file is not UTF-8; it was read as Mac Roman, as Excel\'s "CSV (Macintosh)" writes (read as Windows-1252, ' +
        'its accented letters would be control characters or unlikely letters). It reads "Renée", for example. ' +
        'If accented letters look wrong, save the file as "CSV UTF-8" and check it again.',
    }]);
  });

  it('the same sheet from Excel for Windows stays Windows-1252, also said', () => {
    const table = readCsv(realWorld('excel-windows-contacts.csv'));
    expect(table.encoding).toBe('windows-1252');
    expect(table.records.map((r) => r.cells.slice(0, 2))).toEqual(names);
    expect(table.problems.map((p) => p.message)).toEqual([
      'The file is not UTF-8; it was read as Windows-1252, as Excel\'s "CSV" writes on Windows. It reads "Renée", for example. ' +
        'If accented letters look wrong, save the file as "CSV UTF-8" and check it again.',
    ]);
  });

  it.each([
    'René Müller, Zoë', 'Müller & Söhne;Zürich', 'François Lefèvre;Nüñez', 'Ångström;Øresund;Straße', 'MÜLLER;GÖTEBORG', 'José;São Paulo',
  ])('tells the two apart on "%s"', (text) => {
    expect(chooseSingleByte(macRoman(text))).toBe('macintosh');
    expect(chooseSingleByte(windows1252(text))).toBe('windows-1252');
  });

  it('keeps Windows-1252 when its reading shows nothing odd, even if Mac Roman reads letters too', () => {
    expect(chooseSingleByte(windows1252('École “Ødegaard” €5'))).toBe('windows-1252');
    expect(chooseSingleByte(macRoman('é'))).toBe('windows-1252');
  });

  it('a forced encoding is used as given, with nothing to report', () => {
    const table = readCsv(realWorld('excel-mac-contacts.csv'), { encoding: 'macintosh' });
    expect(table.records[0]!.cells[0]).toBe('Renée');
    expect(table.problems).toEqual([]);
  });
});

describe('UTF-8 with a few stray bytes', () => {
  it('stays UTF-8: only the row holding the byte is reported, with the byte, its Windows-1252 reading and the value', () => {
    const table = readCsv(realWorld('utf8-stray-byte-contacts.csv'));
    expect(table.encoding).toBe('utf-8');
    expect(table.records.map((r) => r.cells[0])).toEqual(['José', 'Søren', 'René', 'Ana', 'Chloé']);
    expect(table.records[3]!.cells[1]).toBe('Müller');
    expect(table.problems).toEqual([{
      row: 4, severity: 'warning', code: 'invalid-utf8',
      message: 'Row 4 holds a byte that is not valid UTF-8, read as Windows-1252: 0xE9 as "é" in "René". ' +
        'The rest of the file is read as UTF-8; check this value.',
    }]);
  });

  it('names every row holding stray bytes, each byte once', () => {
    const bytes = new Uint8Array([
      ...utf8('name;city\nJosé;Zürich\n'), ...windows1252('Müller;Köln\n'), ...utf8('Ana;Göteborg\n'), ...windows1252('Grün'), ...utf8(';Málaga\n'),
    ]);
    const table = readCsv(bytes);
    expect(table.encoding).toBe('utf-8');
    expect(table.problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'Row 3 holds 2 bytes that are not valid UTF-8, read as Windows-1252: 0xFC as "ü" in "Müller" and 0xF6 as "ö" in "Köln". ' +
        'The rest of the file is read as UTF-8; check these values.'],
      [5, 'Row 5 holds a byte that is not valid UTF-8, read as Windows-1252: 0xFC as "ü" in "Grün". The rest of the file is read as UTF-8; check this value.'],
    ]);
    expect(table.records.map((r) => r.cells)).toEqual([['José', 'Zürich'], ['Müller', 'Köln'], ['Ana', 'Göteborg'], ['Grün', 'Málaga']]);
  });

  it('reads a file with more stray bytes than UTF-8 letters as Windows-1252, whole', () => {
    const bytes = new Uint8Array([...windows1252('name\nMüller\nSöhne\nZürich\n'), ...utf8('José\n')]);
    const table = readCsv(bytes);
    expect(table.encoding).toBe('windows-1252');
    expect(codes(table.problems)).toEqual(['encoding-fallback']);
  });

  it('reports the same rows when the file arrives in small pieces, the encoding chosen from its start', () => {
    const bytes = realWorld('utf8-stray-byte-contacts.csv');
    const whole = readCsv(bytes);
    for (const size of [1, 5, 64]) {
      const { records, problems, encoding } = readInSlices(bytes, size, { sampleBytes: 8, sampleChars: 16, batchChars: 32 });
      expect(encoding).toBe('utf-8');
      expect({ records, problems }).toEqual({ records: whole.records, problems: whole.problems });
    }
  });
});

// The reader splits quote-free lines itself and hands rows with quotes to Papa Parse: both ways must read
// exactly alike. The reference is the same reader with every row going through Papa Parse.

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createCsvStreamReader, readCsv, type CsvRecord, type ReadProblem } from '../../shared/csv/index.ts';
import { readerTuning } from '../../shared/csv/csv-stream.ts';
import { utf8 } from './helpers.ts';

function bothWays<T>(read: () => T): { split: T; reference: T } {
  readerTuning.splitQuoteFreeLines = true;
  const split = read();
  readerTuning.splitQuoteFreeLines = false;
  try {
    return { split, reference: read() };
  } finally {
    readerTuning.splitQuoteFreeLines = true;
  }
}

function readInPieces(text: string, cuts: number[], batchChars: number) {
  const records: CsvRecord[] = [];
  const problems: ReadProblem[] = [];
  let headers: string[] = [];
  const reader = createCsvStreamReader({ batchChars, sampleChars: 8 }, (h) => (headers = h), (r) => records.push(r), (p) => problems.push(p));
  const points = [0, ...[...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b), text.length];
  for (let i = 1; i < points.length; i++) reader.pushText(text.slice(points[i - 1], points[i]));
  return { headers, records, problems, summary: reader.end() };
}

// Mostly plain lines, with quotes, line breaks and delimiters of every kind in between.
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', "'", '=', '😀'), maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', '"', ',', ';', '\t', '|', '\r', '\n', ' '), maxLength: 6 }) },
);
const csvLines = fc
  .tuple(
    fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 12 }),
    fc.constantFrom(',', ';', '\t', '|'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([rows, delimiter, newline, last]) => rows.map((cells) => cells.join(delimiter)).join(newline) + (last ? newline : ''));

const anyText = fc.string({
  unit: fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '|', '"', '"', '\r', '\n', '\r\n', "'", '='),
  maxLength: 120,
});

describe('quote-free lines split by the reader', () => {
  afterEach(() => {
    readerTuning.splitQuoteFreeLines = true;
  });

  it('read as Papa Parse reads them, whole or in pieces', () => {
    fc.assert(
      fc.property(fc.oneof(csvLines, anyText), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 48 }), (text, cuts, batchChars) => {
        const whole = bothWays(() => readCsv(text));
        expect(whole.split).toEqual(whole.reference);
        const pieces = bothWays(() => readInPieces(text, cuts, batchChars));
        expect(pieces.split).toEqual(pieces.reference);
        expect(bothWays(() => readCsv(utf8(text))).split).toEqual(whole.split);
      }),
      { numRuns: 3000 },
    );
  });

  it('hand back to splitting after a quoted stretch, keeping row numbers', () => {
    const text = 'name,notes\nAcme,plain\nBeta,"two\nlines"\nGamma,"x"\n\nDelta,plain\r\n"Eps""ilon",\'=1\n';
    const { split, reference } = bothWays(() => readCsv(text));
    expect(split).toEqual(reference);
    expect(split.records).toEqual([
      { row: 2, cells: ['Acme', 'plain'] },
      { row: 3, cells: ['Beta', 'two\nlines'] },
      { row: 4, cells: ['Gamma', 'x'] },
      { row: 6, cells: ['Delta', 'plain'] },
      { row: 7, cells: ['Eps"ilon', '=1'] },
    ]);
  });
});

// The incremental reader: chunked input reads exactly like whole input, big
// inputs stream in bounded memory, and late problems are tied to their rows.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvStreamReader, readCsv, type CsvRecord, type ReadProblem, type StreamReadOptions } from '../../shared/csv/index.ts';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { utf8, windows1252 } from './helpers.ts';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function readInPieces(bytes: Uint8Array, cuts: number[], options: StreamReadOptions) {
  let headers: string[] = [];
  const records: CsvRecord[] = [];
  const problems: ReadProblem[] = [];
  const reader = createCsvStreamReader(options, (h) => (headers = h), (r) => records.push(r), (p) => problems.push(p));
  const points = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
  for (let i = 1; i < points.length; i++) reader.pushBytes(bytes.subarray(points[i - 1], points[i]));
  const summary = reader.end();
  return { headers, records, problems, encoding: summary.encoding, delimiter: summary.delimiter };
}

// Text made of the characters that matter to a CSV reader, so quotes, breaks
// and delimiters land everywhere, broken files included.
const csvText = fc.string({
  unit: fc.constantFrom('a', 'b', 'é', '😀', ' ', ',', ';', '\t', '|', '"', '"', '\r', '\n', '\r\n', "'", '='),
  maxLength: 120,
});

describe('createCsvStreamReader', () => {
  it('reads any text cut anywhere exactly as readCsv reads it whole', () => {
    fc.assert(
      fc.property(
        csvText,
        fc.uniqueArray(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 16, max: 64 }),
        (text, rawCuts, batchChars) => {
          const bytes = utf8(text);
          const cuts = rawCuts.map((cut) => cut % (bytes.length + 1));
          expect(readInPieces(bytes, cuts, { batchChars, sampleBytes: 3 })).toEqual(readCsv(bytes));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('also when the layout is judged from a small first sample', () => {
    fc.assert(
      fc.property(csvText, fc.uniqueArray(fc.nat(), { maxLength: 10 }), fc.integer({ min: 1, max: 40 }), (text, rawCuts, sampleChars) => {
        const bytes = utf8(text);
        const cuts = rawCuts.map((cut) => cut % (bytes.length + 1));
        const options = { delimiter: ',' as const };
        expect(readInPieces(bytes, cuts, { ...options, sampleChars, batchChars: 16 })).toEqual(readCsv(bytes, options));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads a row far longer than a parse batch, arriving in small pieces', () => {
    const long = 'x'.repeat(300_000);
    const bytes = utf8(`id,notes\r\n1,"${long}\r\n${long}"\r\n2,short\r\n`);
    const cuts = Array.from({ length: Math.floor(bytes.length / 4096) }, (_, i) => (i + 1) * 4096);
    const result = readInPieces(bytes, cuts, { batchChars: 1024 });
    expect(result.records.map((r) => [r.row, r.cells[1]!.length])).toEqual([[2, long.length * 2 + 2], [3, 5]]);
  });

  it('streams 100 MB in 64 KB chunks without keeping the text', () => {
    const row = 'Name,Last,user@example.com,+1 555 0100,,"Head of Ops, EMEA",Operations,Acme Corp,no,active,"Notes ""quoted"""\r\n';
    const chunk = utf8(row.repeat(Math.floor(65536 / row.length)));
    const chunks = Math.ceil((100 * 1024 * 1024) / chunk.length);
    let records = 0;
    let lastRow = 0;
    const reader = createCsvStreamReader(
      {},
      () => {},
      (record) => {
        records++;
        lastRow = record.row;
      },
      (problem) => {
        throw new Error(problem.message);
      },
    );
    reader.pushBytes(utf8('first_name,last_name,email,phone,mobile,job_title,department,client_name,is_primary,status,notes\r\n'));
    // Memory still reachable (after a full collection) while the reader is mid-stream.
    const retained = (): number => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const before = retained();
    let peak = before;
    for (let i = 0; i < chunks; i++) {
      reader.pushBytes(chunk);
      if (i % 400 === 399) peak = Math.max(peak, retained());
    }
    const summary = reader.end();
    const expected = chunks * Math.floor(65536 / row.length);
    expect(summary.records).toBe(expected);
    expect(records).toBe(expected);
    expect(lastRow).toBe(expected + 1);
    // Holding the text would keep 100 MB or more; the reader keeps about one parse batch.
    expect(peak - before).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);

  it('ties invalid UTF-8 met late in a stream to its row', () => {
    const head = utf8(`name,city\r\n${'Acme,Paris\r\n'.repeat(10)}`);
    const bytes = new Uint8Array([...head, ...windows1252('Müller,Zürich\r\nBeta,Oslo\r\n')]);
    const result = readInPieces(bytes, [head.length], { sampleBytes: 16, batchChars: 16 });
    expect(result.encoding).toBe('utf-8');
    expect(result.records[10]).toEqual({ row: 12, cells: ['Müller', 'Zürich'] });
    expect(result.problems).toMatchObject([{ row: 12, code: 'invalid-utf8', severity: 'warning' }]);
  });

  it('stops at a NUL byte met late, keeping the rows before it', () => {
    const bytes = utf8(`name\r\n${'Acme\r\n'.repeat(5)}Be\u0000ta\r\nGamma\r\n`);
    const result = readInPieces(bytes, [40], { sampleBytes: 8, sampleChars: 16, batchChars: 16 });
    expect(result.records.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 7, code: 'binary', severity: 'error' });
    expect(result.problems[0]!.message).toContain('row 7');
  });

  it('calls back in order and summarises', () => {
    const events: string[] = [];
    const reader = createCsvStreamReader(
      {},
      (headers) => events.push(`header ${headers.join('|')}`),
      (record) => events.push(`record ${record.row}`),
      (problem) => events.push(`problem ${problem.code} ${problem.row}`),
    );
    reader.pushText('a;b;a\r\n1;2;3\r\n');
    reader.pushText('4;5\r\n6;7;8');
    expect(reader.end()).toEqual({ encoding: 'utf-8', delimiter: ';', headers: ['a', 'b', 'a'], records: 2 });
    expect(events).toEqual(['header a|b|a', 'problem duplicate-header 1', 'record 2', 'problem column-count 3', 'record 4']);
  });

  it('refuses misuse with clear errors', () => {
    const reader = createCsvStreamReader({}, () => {}, () => {}, () => {});
    reader.pushText('a\n');
    expect(() => reader.pushBytes(utf8('b\n'))).toThrow(/either pushBytes or pushText/);
    const summary = reader.end();
    expect(reader.end()).toBe(summary);
    expect(() => reader.pushText('c\n')).toThrow(/has ended/);
    expect(() => createCsvStreamReader({ encoding: 'latin-9' as 'utf-8' }, () => {}, () => {}, () => {})).toThrow(/Unsupported encoding/);
  });
});

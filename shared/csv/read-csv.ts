// Reads a whole CSV (text or file bytes) into a table. A thin wrapper over the
// incremental reader, so both behave identically; given bytes, the encoding is
// chosen from all of them rather than from the first chunk.

import { createCsvRowReader, type CsvRowCallback } from './csv-stream.ts';
import type { CsvRecord, CsvStreamSummary, CsvTable, Delimiter, ReadOptions, ReadProblem } from './types.ts';

export function readCsv(input: string | Uint8Array | ArrayBuffer, options: ReadOptions = {}): CsvTable {
  let headers: string[] = [];
  const records: CsvRecord[] = [];
  const problems: ReadProblem[] = [];
  const { encoding, delimiter } = readCsvRows(
    input,
    options,
    (found) => {
      headers = found;
    },
    (row, cells) => records.push({ row, cells }),
    (problem) => problems.push(problem),
  );
  return { headers, records, encoding, delimiter, problems };
}

/** readCsv without the table: each record goes to `onRow` as it is read, for callers that check rather than keep them. */
export function readCsvRows(
  input: string | Uint8Array | ArrayBuffer,
  options: ReadOptions,
  onHeader: (headers: string[], delimiter: Delimiter) => void,
  onRow: CsvRowCallback,
  onProblem: (problem: ReadProblem) => void,
): CsvStreamSummary {
  const reader = createCsvRowReader({ ...options, sampleBytes: Infinity }, onHeader, onRow, onProblem);
  if (typeof input === 'string') reader.pushText(input);
  else if (input instanceof ArrayBuffer) reader.pushBytes(new Uint8Array(input));
  else if (ArrayBuffer.isView(input)) reader.pushBytes(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  else throw new TypeError('readCsv expects the file as text, a Uint8Array or an ArrayBuffer.');
  return reader.end();
}

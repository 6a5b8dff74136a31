// Reads a whole CSV (text or file bytes) into a table. A thin wrapper over the
// incremental reader, so both behave identically; given bytes, the encoding is
// chosen from all of them rather than from the first chunk.

import { createCsvStreamReader } from './csv-stream.ts';
import type { CsvRecord, CsvTable, ReadOptions, ReadProblem } from './types.ts';

export function readCsv(input: string | Uint8Array | ArrayBuffer, options: ReadOptions = {}): CsvTable {
  let headers: string[] = [];
  const records: CsvRecord[] = [];
  const problems: ReadProblem[] = [];
  const reader = createCsvStreamReader(
    { ...options, sampleBytes: Infinity },
    (found) => {
      headers = found;
    },
    (record) => records.push(record),
    (problem) => problems.push(problem),
  );
  if (typeof input === 'string') reader.pushText(input);
  else if (input instanceof ArrayBuffer) reader.pushBytes(new Uint8Array(input));
  else if (ArrayBuffer.isView(input)) reader.pushBytes(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  else throw new TypeError('readCsv expects the file as text, a Uint8Array or an ArrayBuffer.');
  const { encoding, delimiter } = reader.end();
  return { headers, records, encoding, delimiter, problems };
}

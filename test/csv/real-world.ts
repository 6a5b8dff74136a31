// The real-world shaped fixtures of test/fixtures/real-world, as bytes, and a reader fed them in slices.
import { readFileSync } from 'node:fs';
import { createCsvStreamReader, type CsvRecord, type ReadProblem, type StreamReadOptions } from '../../shared/csv/index.ts';

export function realWorld(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/real-world/${name}`, import.meta.url)));
}

/** What the incremental reader makes of `bytes` pushed `size` bytes at a time. */
export function readInSlices(bytes: Uint8Array, size: number, options: StreamReadOptions) {
  let headers: string[] = [];
  const records: CsvRecord[] = [];
  const problems: ReadProblem[] = [];
  const reader = createCsvStreamReader(options, (h) => (headers = h), (r) => records.push(r), (p) => problems.push(p));
  for (let at = 0; at < bytes.length; at += size) reader.pushBytes(bytes.subarray(at, at + size));
  const { encoding } = reader.end();
  return { headers, records, problems, encoding };
}

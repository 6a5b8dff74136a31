// The CSV layer of the core: read (any encoding, any common delimiter, whole or
// in chunks) and write spreadsheet-safe CSV.

export type {
  CsvEncoding,
  CsvRecord,
  CsvStreamReader,
  CsvStreamSummary,
  CsvTable,
  Delimiter,
  ReadOptions,
  ReadProblem,
} from './types.ts';
export { DELIMITERS, ENCODINGS } from './types.ts';
export { decodeBytes } from './decode-bytes.ts';
export { detectDelimiter } from './detect-delimiter.ts';
export { createCsvStreamReader, type StreamReadOptions } from './csv-stream.ts';
export { readCsv } from './read-csv.ts';
export { writeCsv } from './write-csv.ts';
export { escapeCell, unescapeCell } from './spreadsheet-safe.ts';

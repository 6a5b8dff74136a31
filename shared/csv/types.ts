// Types of the CSV layer: what reading produces (a table of records with
// spreadsheet row numbers, plus every problem found) and what callers may force.

/** 'macintosh' is Mac Roman, as the WHATWG Encoding standard names it. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'macintosh';

export type Delimiter = ',' | ';' | '\t' | '|';

/** One data row. `row` is the spreadsheet row number: the header is row 1. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** Something the reader noticed. Errors mean data was skipped; warnings mean it was kept. */
export interface ReadProblem {
  row: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** The header of the column concerned, when the problem is about one column. */
  column?: string;
  /** The cells of a record the reader skipped (wrong column count), so a failures file can give the row back to fix. */
  cells?: string[];
}

export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
  encoding: CsvEncoding;
  delimiter: Delimiter;
  problems: ReadProblem[];
}

/** Leave a field out to have it detected. */
export interface ReadOptions {
  delimiter?: Delimiter;
  encoding?: CsvEncoding;
  /**
   * How well a row names columns (0: not at all), to find the header below a preamble or title row.
   * Default: how many of its cells name a field of a Pivor resource.
   */
  headerScore?: (cells: readonly string[]) => number;
}

/** What an incremental read reports when it ends. */
export interface CsvStreamSummary {
  encoding: CsvEncoding;
  delimiter: Delimiter;
  headers: string[];
  /** Records delivered to the record callback (skipped rows not counted). */
  records: number;
}

/** Feeds a CSV in pieces; callbacks receive the header, each record and each problem as they are read. */
export interface CsvStreamReader {
  /** Raw file bytes, in order. Do not mix with pushText. */
  pushBytes(chunk: Uint8Array): void;
  /** Already-decoded text, in order. Do not mix with pushBytes. */
  pushText(chunk: string): void;
  /** Flushes the last row and reports end-of-file problems. */
  end(): CsvStreamSummary;
}

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
export const ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'macintosh'];

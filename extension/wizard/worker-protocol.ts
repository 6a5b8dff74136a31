// Messages between the wizard page and its CSV worker. The worker keeps the parsed table, so a 100,000-row file
// is read and validated off the page's thread and crosses over once, as the validation report.
import type { CsvEncoding, Delimiter, ReadProblem } from '../../shared/csv/index.ts';
import type { ResourceDetection } from '../../shared/map/index.ts';

export interface ParseSummary {
  headers: string[];
  records: number;
  /** Data rows in the file, including those the reader could not use (their problems say why). */
  rows: number;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  problems: ReadProblem[];
  /** Up to three distinct non-empty values per column, from the first rows, for the mapping step. */
  samples: string[][];
  /** The first rows' values per column, which the mapping looks at as validation does (see columnSamples). */
  mappingSamples: string[][];
  detection: ResourceDetection;
}

export type WorkerRequest =
  | { id: number; kind: 'parse'; bytes: ArrayBuffer }
  | { id: number; kind: 'validate'; args: unknown };

export type WorkerResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

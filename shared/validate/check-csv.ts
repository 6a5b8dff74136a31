// One call from file to report: read, pick the resource (or detect it), map, normalize and validate, in one pass.
import type { CsvEncoding, Delimiter, ReadProblem } from '../csv/index.ts';
import { readCsvRows } from '../csv/read-csv.ts';
import { columnSamples, detectResource, headerRowScore, SAMPLE_ROWS } from '../map/index.ts';
import { getResource, type ResourceName } from '../resources/index.ts';
import type { ValidateOptions, ValidationReport } from './types.ts';
import { TableCheck } from './validate-table.ts';

export interface CheckOptions extends ValidateOptions {
  /** Force the delimiter or encoding instead of detecting them. */
  delimiter?: Delimiter;
  encoding?: CsvEncoding;
}

/** The file cannot be checked at all: unreadable, empty, or of a kind no resource matches. */
export class CheckError extends Error {
  override name = 'CheckError';
  constructor(message: string, readonly code: 'unreadable' | 'unknown-resource' | 'ambiguous-resource') {
    super(message);
  }
}

interface WaitingRow { row: number; cells: string[]; text: string | undefined; lineStart: number | undefined; lineEnd: number | undefined }

export function checkCsv(input: string | Uint8Array | ArrayBuffer, resource: ResourceName | 'auto', options: CheckOptions = {}): ValidationReport {
  const readOptions = {
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    // the header is found as readCsv finds it, the user's own column names counting too
    headerScore: headerRowScore(undefined, options.userMapping),
  };
  // One pass: each record is checked as it is read, so no table of records is built. The first SAMPLE_ROWS
  // records wait, so the mapping can look at their values; then they are checked, and the rest as they come.
  let headers: string[] = [];
  let fileDelimiter: Delimiter = ',';
  let check: TableCheck | undefined;
  let waiting: WaitingRow[] = [];
  const problems: ReadProblem[] = [];
  const start = () => {
    const samples = columnSamples(waiting.map((w) => w.cells), headers.length);
    check = new TableCheck(getResource(resourceOf(headers, resource)), headers, options, fileDelimiter, samples);
    for (const w of waiting) check.add(w.row, w.cells, w.text, w.lineStart, w.lineEnd);
    waiting = [];
  };
  const { encoding, delimiter } = readCsvRows(
    input,
    readOptions,
    (found, delimiter) => {
      // the reader reports a missing header before handing over the row it fell back on
      const noHeader = problems.find((p) => p.code === 'no-header');
      if (noHeader) throw new CheckError(noHeader.message, 'unreadable');
      headers = found;
      fileDelimiter = delimiter;
    },
    // a row read from a line without quotes keeps the line, not its cells (made again when read)
    (row, cells, text, lineStart, lineEnd) => {
      if (check) return check.add(row, cells, text, lineStart, lineEnd);
      waiting.push({ row, cells, text, lineStart, lineEnd });
      if (waiting.length >= SAMPLE_ROWS) start();
    },
    (problem) => problems.push(problem),
  );
  if (!check && headers.length > 0) start();
  if (!check || headers.length === 0) {
    const why = problems.find((p) => p.severity === 'error')?.message ?? 'The file has no header row.';
    throw new CheckError(why, 'unreadable');
  }
  return check.finish({ headers, encoding, delimiter, problems });
}

function resourceOf(headers: readonly string[], resource: ResourceName | 'auto'): ResourceName {
  if (resource !== 'auto') return resource;
  const detected = detectResource(headers);
  const scores = detected.candidates.map((c) => `${c.resource} ${Math.round(c.score * 100)}%`).join(', ');
  if (detected.resource === null) {
    throw new CheckError(`Cannot tell whether this file holds clients, contacts or communications (${scores}): name the resource.`, 'unknown-resource');
  }
  if (detected.ambiguous) {
    throw new CheckError(`This file could hold ${detected.candidates[0]!.resource} or ${detected.candidates[1]!.resource} (${scores}): name the resource.`, 'ambiguous-resource');
  }
  return detected.resource;
}

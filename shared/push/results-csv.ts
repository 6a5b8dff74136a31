// The two files a push hands back. failuresCsv: the rows that did not go through, with their original columns and
// an `error` column, so the file can be fixed and pushed again. resultsCsv: every row with its outcome and id
// (the id column filled, so the results file itself can be pushed again and match by id).
import { writeCsv } from '../csv/write-csv.ts';
import type { RowResult } from './types.ts';

/** What the results files need of a validation report: the original header and each row's cells. */
export interface ReportRows {
  headers: readonly string[];
  rows: readonly { row: number; cells: readonly string[] }[];
}

export const ERROR_COLUMN = 'error';
export const ORIGINAL_ROW_COLUMN = 'original_row';

export function failuresCsv(report: ReportRows, results: readonly RowResult[], options: { bom?: boolean } = {}): string {
  const failed = results.filter((r) => r.row !== null && (r.outcome === 'failed' || r.outcome === 'skipped'));
  const { headers, set } = withColumns(report.headers, [ERROR_COLUMN, ORIGINAL_ROW_COLUMN]);
  const cellsByRow = new Map(report.rows.map((r) => [r.row, r.cells]));
  const rows = failed
    .sort((a, b) => a.row! - b.row!)
    .map((result) => {
      const cells = padded(cellsByRow.get(result.row!) ?? [], report.headers.length, headers.length);
      const error = result.column ? `${result.column}: ${result.message ?? result.outcome}` : result.message ?? result.outcome;
      set(cells, ERROR_COLUMN, error);
      set(cells, ORIGINAL_ROW_COLUMN, String(result.row));
      return cells;
    });
  return writeCsv(headers, rows, options);
}

export function resultsCsv(report: ReportRows, results: readonly RowResult[], options: { bom?: boolean } = {}): string {
  const { headers, set } = withColumns(report.headers, ['id', 'outcome', 'message']);
  const cellsByRow = new Map(report.rows.map((r) => [r.row, r.cells]));
  const ordered = [...results].sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  const rows = ordered.map((result) => {
    const original = result.row === null ? [] : cellsByRow.get(result.row) ?? [];
    const cells = padded(original, report.headers.length, headers.length);
    if (result.id !== undefined) set(cells, 'id', String(result.id));
    set(cells, 'outcome', result.outcome);
    set(cells, 'message', result.column ? `${result.column}: ${result.message ?? ''}` : result.message ?? '');
    return cells;
  });
  return writeCsv(headers, rows, options);
}

// Reuses a column the file already has under that name (a failures file pushed again keeps one `error` column).
function withColumns(original: readonly string[], extra: readonly string[]) {
  const headers = [...original];
  const index = new Map<string, number>();
  for (const name of extra) {
    let at = headers.findIndex((h) => h.trim().toLowerCase() === name);
    if (at < 0) at = headers.push(name) - 1;
    index.set(name, at);
  }
  return {
    headers,
    set(cells: string[], name: string, value: string) {
      cells[index.get(name)!] = value;
    },
  };
}

// A short row (fewer cells than the header) is padded, so the fixed file has a whole row to fill in.
// Cells beyond the header have no column to go in (its error already says the row is too long).
function padded(cells: readonly string[], original: number, length: number): string[] {
  return Array.from({ length }, (_, i) => (i < original ? cells[i] ?? '' : ''));
}

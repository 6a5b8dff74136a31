// Fixing in place: the worker's table takes the user's cell edits, so checking it again checks the corrected rows,
// and gives the corrected file back as CSV (every row the file had, the rows the reader could not use included).
import type { CsvTable } from '../../shared/csv/index.ts';
import { writeLine } from '../../shared/csv/write-csv.ts';

export interface CellEdit {
  /** The spreadsheet row (header = 1). */
  row: number;
  /** The column's index in the file. */
  column: number;
  value: string;
}

/** Writes the edit into its record's cells; returns the cell's text before. */
export function applyEdit(table: CsvTable, edit: CellEdit): string {
  const record = table.records.find((r) => r.row === edit.row);
  if (!record) throw new Error(`Row ${edit.row} cannot be edited: the file has no such record.`);
  if (edit.column < 0 || edit.column >= table.headers.length) throw new Error(`Row ${edit.row} has no column ${edit.column + 1}.`);
  const before = record.cells[edit.column] ?? '';
  while (record.cells.length < table.headers.length) record.cells.push('');
  record.cells[edit.column] = edit.value;
  return before;
}

/** The cells fixed since the file was read, the last text of each, in row and column order. */
export function fixesInOrder(fixes: ReadonlyMap<string, CellEdit>): CellEdit[] {
  return [...fixes.values()].sort((a, b) => a.row - b.row || a.column - b.column);
}

/** The table as CSV, in row order: its records as corrected, and the rows the reader could not use as they were. */
export function correctedCsv(table: CsvTable): string {
  const rows: { row: number; cells: string[] }[] = table.records.map((r) => ({ row: r.row, cells: r.cells }));
  const kept = new Set(rows.map((r) => r.row));
  for (const problem of table.problems) {
    if (problem.severity !== 'error' || problem.row <= 1 || !problem.cells || kept.has(problem.row)) continue;
    kept.add(problem.row);
    rows.push({ row: problem.row, cells: problem.cells });
  }
  rows.sort((a, b) => a.row - b.row);
  // line by line: a row the reader rejected keeps its own width, as it was
  return '\uFEFF' + [table.headers, ...rows.map((r) => r.cells)].map(writeLine).join('\r\n') + '\r\n';
}

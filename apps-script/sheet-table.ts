// Reads a resource sheet in one call and turns it into the core's CsvTable: header row 1, one record per
// non-empty row numbered as the user sees it. Columns are found by header, so a reordered sheet still
// pushes right; the "Pivor status" column is ours and not data.
import type { CsvTable } from '../shared/csv/index.ts';
import { cellToText, type Cell } from './cell-values.ts';
import { STATUS_HEADER, type SheetColumn, type SheetLayout } from './sheet-columns.ts';
import { UserError } from './rpc-result.ts';

export interface SheetGrid {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  headers: string[];
  /** Every row below the header, as getValues gave them (index 0 is sheet row 2). */
  rows: Cell[][];
  /** 1-based sheet column of each layout field key that is present. */
  columnOf: Map<string, number>;
  /** 1-based sheet column of the status column (added when missing). */
  statusColumn: number;
}

/** `lookOnly`: read without adding the status column when it is missing (a check that changes nothing). */
export function readGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: SheetLayout, options: { lookOnly?: boolean } = {}): SheetGrid {
  const lastRow = sheet.getLastRow();
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const values = sheet.getRange(1, 1, Math.max(lastRow, 1), lastColumn).getValues() as Cell[][];
  const headers = (values[0] ?? []).map((h) => String(h ?? '').trim());
  const columnOf = new Map<string, number>();
  for (const column of layout.columns) {
    const at = headers.indexOf(column.header);
    if (at >= 0) columnOf.set(column.field.key, at + 1);
  }
  const idColumn = layout.columns.find((c) => c.kind === 'id')!;
  if (!columnOf.has(idColumn.field.key)) {
    // Without ids every row would be created again.
    throw new UserError(`The "${idColumn.header}" column is missing from ${sheet.getName()}: put it back (or pull again) before pushing.`);
  }
  let statusColumn = headers.indexOf(STATUS_HEADER) + 1;
  if (statusColumn === 0) {
    statusColumn = headers.length + 1;
    if (!options.lookOnly) {
      if (statusColumn > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
      sheet.getRange(1, statusColumn).setValue(STATUS_HEADER);
    }
  }
  const rows = values.slice(1).map((r) => {
    const copy = [...r];
    while (copy.length < statusColumn) copy.push('');
    return copy;
  });
  return { sheet, headers, rows, columnOf, statusColumn };
}

/** True when a row holds nothing but unchecked boxes (an untouched spare row). */
function isEmptyRow(row: Cell[], statusColumn: number, layout: SheetLayout, columnOf: Map<string, number>): boolean {
  for (const column of layout.columns) {
    const at = columnOf.get(column.field.key);
    if (at === undefined || at === statusColumn) continue;
    const value = row[at - 1];
    if (column.kind === 'checkbox' && value === false) continue;
    if (value !== '' && value !== null && value !== undefined) return false;
  }
  return true;
}

/** The grid as the core reads files: layout columns only (others ignored), every non-empty row. */
export function gridToTable(grid: SheetGrid, layout: SheetLayout): { table: CsvTable; columns: SheetColumn[] } {
  const columns = layout.columns.filter((c) => grid.columnOf.has(c.field.key));
  const records = [];
  for (let i = 0; i < grid.rows.length; i += 1) {
    const row = grid.rows[i]!;
    if (isEmptyRow(row, grid.statusColumn, layout, grid.columnOf)) continue;
    records.push({ row: i + 2, cells: columns.map((c) => cellToText(row[grid.columnOf.get(c.field.key)! - 1])) });
  }
  return {
    table: { headers: columns.map((c) => c.header), records, encoding: 'utf-8', delimiter: ',', problems: [] },
    columns,
  };
}

// A row created from the sheet with its status (or type, priority…) cell left empty: Pivor stored its default, so
// that cell gets the value Pivor holds when the new id is written back. Left empty, the sheet would show no status
// until the next pull, and the next push would read the empty cell as cleared and send a null Pivor refuses.
import type { PivorRecord } from '../shared/api/index.ts';
import { cellToText, recordToCells, type Cell } from './cell-values.ts';
import type { SheetLayout } from './sheet-columns.ts';
import type { SheetGrid } from './sheet-table.ts';

/** [sheet column, value] for each empty cell of the created row in a column whose field has a database default. */
export function defaultCells(grid: SheetGrid, layout: SheetLayout, row: number, record: PivorRecord): [number, Cell][] {
  const line = grid.rows[row - 2];
  if (!line) return [];
  let cells: Cell[] | undefined;
  const out: [number, Cell][] = [];
  layout.columns.forEach((column, i) => {
    const col = grid.columnOf.get(column.field.key);
    if (column.field.default === undefined || col === undefined || cellToText(line[col - 1]) !== '') return;
    cells ??= recordToCells(layout, record);
    if (cellToText(cells[i]) !== '') out.push([col, cells[i]!]);
  });
  return out;
}

// Shows a push's findings on the sheet: each invalid cell gets a red background and a note with the
// message; cells we marked before and that are fine now get their look back. One read and one write of
// backgrounds and notes for the whole block, whatever the number of marks. Notes and colours the user
// set on other cells are left alone (ours are recognised by the note's prefix).
import { READ_ONLY_BACKGROUND } from './sheet-format.ts';
import type { SheetLayout } from './sheet-columns.ts';
import type { SheetGrid } from './sheet-table.ts';

export const ERROR_BACKGROUND = '#f4cccc';
const NOTE_PREFIX = 'Pivor: ';

/** A message for one cell: `column` is a header in the sheet; row is the sheet row. */
export interface CellMark {
  row: number;
  column: string;
  message: string;
}

export function markCells(grid: SheetGrid, layout: SheetLayout, marks: readonly CellMark[]): void {
  const rowCount = grid.rows.length;
  if (rowCount === 0) return;
  const width = grid.statusColumn;
  const block = grid.sheet.getRange(2, 1, rowCount, width);
  const wanted = new Map<string, string[]>();
  for (const mark of marks) {
    const col = grid.headers.indexOf(mark.column) + 1;
    if (col === 0 || mark.row < 2 || mark.row > rowCount + 1) continue;
    const key = `${mark.row}:${col}`;
    wanted.set(key, [...(wanted.get(key) ?? []), mark.message]);
  }
  const notes = block.getNotes();
  const backgrounds = block.getBackgrounds();
  const readOnly = new Set(layout.columns.filter((c) => c.readOnly).map((c) => grid.headers.indexOf(c.header) + 1));
  let changed = false;
  for (let r = 0; r < rowCount; r += 1) {
    for (let c = 0; c < width; c += 1) {
      const messages = wanted.get(`${r + 2}:${c + 1}`);
      const note = notes[r]![c]!;
      if (messages) {
        const text = NOTE_PREFIX + messages.join('\n');
        if (note !== text || backgrounds[r]![c] !== ERROR_BACKGROUND) {
          notes[r]![c] = text;
          backgrounds[r]![c] = ERROR_BACKGROUND;
          changed = true;
        }
      } else if (note.startsWith(NOTE_PREFIX)) {
        notes[r]![c] = '';
        backgrounds[r]![c] = readOnly.has(c + 1) ? READ_ONLY_BACKGROUND : '#ffffff';
        changed = true;
      }
    }
  }
  if (!changed) return;
  block.setNotes(notes);
  block.setBackgrounds(backgrounds);
}

/** Writes the status column for the given rows (sheet row → text), keeping the others, in one write. */
export function writeStatuses(grid: SheetGrid, statuses: ReadonlyMap<number, string>): void {
  if (statuses.size === 0 || grid.rows.length === 0) return;
  const rows = [...statuses.keys()].filter((r) => r >= 2 && r <= grid.rows.length + 1);
  if (rows.length === 0) return;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const values: string[][] = [];
  for (let r = first; r <= last; r += 1) {
    const line = grid.rows[r - 2]!;
    const text = statuses.get(r) ?? String(line[grid.statusColumn - 1] ?? '');
    line[grid.statusColumn - 1] = text;
    values.push([text]);
  }
  grid.sheet.getRange(first, grid.statusColumn, values.length, 1).setValues(values);
}

// Shows a push's findings on the sheet: each invalid cell gets a red background and a note with the
// message; cells we marked before and that are fine now get their look back. One read of backgrounds and
// notes for the whole block; writes only over the rows whose marks changed (row-runs.ts), so a push with
// a few errors in a large sheet writes a few rows. Notes and colours the user set on other cells are left
// alone (ours are recognised by the note's prefix). Statuses, likewise, are written where they changed.
import { READ_ONLY_BACKGROUND } from './sheet-format.ts';
import { rowRuns } from './row-runs.ts';
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
  const changed = new Set<number>();
  for (let r = 0; r < rowCount; r += 1) {
    for (let c = 0; c < width; c += 1) {
      const messages = wanted.get(`${r + 2}:${c + 1}`);
      const note = notes[r]![c]!;
      if (messages) {
        const text = NOTE_PREFIX + messages.join('\n');
        if (note !== text || backgrounds[r]![c] !== ERROR_BACKGROUND) {
          notes[r]![c] = text;
          backgrounds[r]![c] = ERROR_BACKGROUND;
          changed.add(r + 2);
        }
      } else if (note.startsWith(NOTE_PREFIX)) {
        notes[r]![c] = '';
        backgrounds[r]![c] = readOnly.has(c + 1) ? READ_ONLY_BACKGROUND : '#ffffff';
        changed.add(r + 2);
      }
    }
  }
  for (const { first, count } of rowRuns(changed)) {
    const range = grid.sheet.getRange(first, 1, count, width);
    range.setNotes(notes.slice(first - 2, first - 2 + count));
    range.setBackgrounds(backgrounds.slice(first - 2, first - 2 + count));
  }
}

/** Writes the status column for the given rows (sheet row → text) where the text changes, keeping the others. */
export function writeStatuses(grid: SheetGrid, statuses: ReadonlyMap<number, string>): void {
  const col = grid.statusColumn - 1;
  const changed: number[] = [];
  for (const [row, text] of statuses) {
    const line = grid.rows[row - 2];
    if (row < 2 || !line || String(line[col] ?? '') === text) continue;
    line[col] = text;
    changed.push(row);
  }
  for (const { first, count } of rowRuns(changed)) {
    const values = grid.rows.slice(first - 2, first - 2 + count).map((line) => [String(line[col] ?? '')]);
    grid.sheet.getRange(first, grid.statusColumn, count, 1).setValues(values);
  }
}

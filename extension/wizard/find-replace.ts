// Find and replace in one column of the review grid: a replacement is a set of cell edits, worked out on the worker's
// table (the file as corrected so far) so it reaches every row, not only the page on screen. The text to find is
// plain text, never a pattern: a user's "." or "(" means itself.
import escapeStringRegexp from 'escape-string-regexp';
import type { CsvTable } from '../../shared/csv/index.ts';
import type { CellEdit } from './table-edits.ts';

export interface ReplaceQuery {
  /** The column's index in the file. */
  column: number;
  find: string;
  replace: string;
  /** The whole cell (outer spaces aside) equals `find`: with an empty `find`, the empty cells. Else every occurrence in the cell. */
  wholeCell: boolean;
  matchCase: boolean;
}

/** One cell a replacement changes: its new text (`value`) and the text it had (`before`), for the undo. */
export interface Replacement extends CellEdit { before: string }

/** What a replacement would do: how many cells change, and the first few. */
export interface ReplacePreview { cells: number; first: Replacement[] }

const SHOWN = 3;

/** The cell's text after the replacement, or null when it leaves the cell as it is. */
export function replacedText(cell: string, query: ReplaceQuery): string | null {
  let after: string;
  if (query.wholeCell) {
    const same = query.matchCase ? cell.trim() === query.find.trim() : cell.trim().toLocaleLowerCase() === query.find.trim().toLocaleLowerCase();
    after = same ? query.replace : cell;
  } else {
    if (query.find === '') return null;
    const pattern = new RegExp(escapeStringRegexp(query.find), query.matchCase ? 'gu' : 'giu');
    after = cell.replace(pattern, () => query.replace); // a function: "$&" in the replacement stays as typed
  }
  return after === cell ? null : after;
}

/** Every cell of the column the query changes, in row order. */
export function replacementsIn(table: CsvTable, query: ReplaceQuery): Replacement[] {
  if (query.column < 0 || query.column >= table.headers.length) throw new Error(`The file has no column ${query.column + 1}.`);
  const found: Replacement[] = [];
  for (const record of table.records) {
    const before = record.cells[query.column] ?? '';
    const value = replacedText(before, query);
    if (value !== null) found.push({ row: record.row, column: query.column, value, before });
  }
  return found;
}

export function previewOf(found: readonly Replacement[]): ReplacePreview {
  return { cells: found.length, first: found.slice(0, SHOWN) };
}

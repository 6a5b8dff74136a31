// Finds the header of a file that may open with a preamble: LinkedIn's "Notes:" paragraph, a spreadsheet's title
// row. The header is the row that names columns best (a score the caller gives: how many cells name a field) and is
// followed by rows of its width; rows above it must each hold fewer values than it, so a data row never takes a
// header's place. Without a better-named row, the first row stays the header unless the table plainly starts lower.

/** How well a row names columns: 0 when no cell names anything. */
export type HeaderScore = (cells: readonly string[]) => number;

/** A row read before the header is known: its cells, and whether it could not be read (a broken quote). */
export interface SearchedRow { cells: string[]; broken: boolean }

/** Non-blank rows looked at: the header must be among them. */
export const HEADER_SEARCH_ROWS = 30;

export interface HeaderChoice {
  /** Index of the header among the rows given. */
  index: number;
  /** False when, with a score given, nothing looks like a header: no row names a column and none holds two values. */
  found: boolean;
}

/** `complete`: no row follows those given (else the last one given is only there to judge the one before). */
export function findHeader(rows: readonly SearchedRow[], headerScore: HeaderScore | undefined, complete: boolean): HeaderChoice {
  const filled = rows.map((r) => (r.broken ? 0 : filledCells(r.cells)));
  const score = headerScore && ((cells: string[]) => (isLabel(cells) ? 0 : headerScore(cells)));
  const widthFollows = (i: number): boolean => (i + 1 < rows.length ? rows[i + 1]!.cells.length === rows[i]!.cells.length : complete);
  // rows that could be the header: more values than any row above, and a row of the same width below
  const candidates = [0];
  let most = filled[0] ?? 0;
  for (let i = 1; i < rows.length; i++) {
    if (!rows[i]!.broken && filled[i]! > most && widthFollows(i)) candidates.push(i);
    most = Math.max(most, filled[i]!);
  }
  const found = score === undefined || filled.some((f) => f > 1) || rows.some((r) => score(r.cells) > 0);
  if (candidates.length === 1) return { index: 0, found };
  const scores = candidates.map((i) => (score ? score(rows[i]!.cells) : 0));
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  if (scores[best]! > scores[0]!) return { index: candidates[best]!, found };
  if (scores[0] === 0 && !startsTable(rows)) return { index: candidates[1]!, found };
  return { index: 0, found };
}

/** Whether the first row heads the rows below it: most of them share its width. */
function startsTable(rows: readonly SearchedRow[]): boolean {
  const width = rows[0]!.cells.length;
  let same = 0;
  for (let i = 1; i < rows.length; i++) if (rows[i]!.cells.length === width) same++;
  return same * 2 >= rows.length - 1;
}

/** A lone value ending in a colon labels what follows (LinkedIn's "Notes:"): it is no column name. */
function isLabel(cells: readonly string[]): boolean {
  let label = false;
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '') continue;
    if (label || !text.endsWith(':')) return false;
    label = true;
  }
  return label;
}

function filledCells(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) if (cell.trim() !== '') n++;
  return n;
}

/** A header cell that is plainly a value: an email address or a web address. */
export function looksLikeValue(cell: string): boolean {
  const text = cell.trim();
  return /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(text) || /^(https?:\/\/|www\.)\S+$/i.test(text);
}

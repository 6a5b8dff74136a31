// Windows of a list as Laravel's paginator serves them: `per_page` records from offset (page − 1) · per_page.
// A whole listing reads windows that overlap by a few records, so that two neighbours read at different times
// share a record whenever nothing moved between them; where they share none, records moved and the gap is read
// again (see whole-listing.ts). Overlapping windows need page sizes other than 100 (an offset must be a multiple
// of its page size): the one reaching furthest is taken.
import { MAX_PER_PAGE } from '../list-query.ts';

export interface ListWindow {
  page: number;
  perPage: number;
}

/** Page sizes tried for an overlapping window: 100 down to this. */
const SMALLEST_PER_PAGE = 64;

export function offsetOf(window: ListWindow): number {
  return (window.page - 1) * window.perPage;
}

export function endOf(window: ListWindow): number {
  return window.page * window.perPage;
}

/**
 * The window read after one that ended at `end` (exclusive): it starts at least one record before `end`, so
 * the two overlap, and reaches as far as a page size of at most 100 allows. `end` 0: the first page.
 */
export function windowAfter(end: number): ListWindow {
  if (end <= 0) return { page: 1, perPage: MAX_PER_PAGE };
  let best: ListWindow = { page: end, perPage: 1 };
  for (let perPage = MAX_PER_PAGE; perPage >= SMALLEST_PER_PAGE; perPage--) {
    const offset = Math.floor((end - 1) / perPage) * perPage;
    if (offset + perPage > endOf(best)) best = { page: offset / perPage + 1, perPage };
  }
  return best;
}

/** A window starting at or before `from` and ending after it, as large as allowed: to read again around a gap. */
export function windowAround(from: number): ListWindow {
  return windowAfter(Math.max(0, from) + 1);
}

/** Windows of `size` records (10, then 1) that together cover [from, to): how a page answering 500 is narrowed. */
export function windowsCovering(from: number, to: number, size: number): ListWindow[] {
  const windows: ListWindow[] = [];
  for (let page = Math.floor(from / size) + 1; (page - 1) * size < to; page++) windows.push({ page, perPage: size });
  return windows;
}

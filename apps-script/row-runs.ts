// Rows to write, grouped so that each group is one Spreadsheet call over the rows it spans: rows close
// together share a call (a few unchanged rows rewritten as they are cost less than another call), and
// when changes are scattered everywhere, one call over the whole span beats hundreds of small ones.
export interface RowRun { first: number; count: number }

/** Rows nearer than this share a run. */
const JOIN_GAP = 20;
/** More runs than this become one span. */
const MAX_RUNS = 10;

export function rowRuns(rows: Iterable<number>): RowRun[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const runs: RowRun[] = [];
  let first = sorted[0]!;
  let last = first;
  for (const row of sorted.slice(1)) {
    if (row - last <= JOIN_GAP) {
      last = row;
      continue;
    }
    runs.push({ first, count: last - first + 1 });
    first = row;
    last = row;
  }
  runs.push({ first, count: last - first + 1 });
  if (runs.length <= MAX_RUNS) return runs;
  const end = runs[runs.length - 1]!;
  return [{ first: runs[0]!.first, count: end.first + end.count - runs[0]!.first }];
}

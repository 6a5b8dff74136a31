// A row by its number in a list in file order (a report's rows, the model's outcomes): the numbers ascend, so a
// binary search finds one among 100,000 without an index of them all.

export function rowByNumber<T extends { row: number }>(rows: readonly T[], row: number): T | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rows[mid]!;
    if (r.row === row) return r;
    if (r.row < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

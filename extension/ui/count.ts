// Counts as people read them: thousands separated the way the browser's own locale writes them ("100,000 rows" in
// English, "100.000" in German). One helper, so every count in the extension reads alike.
const numbers = new Intl.NumberFormat();

export function formatCount(n: number): string {
  return numbers.format(n);
}

/** "1 row", "4,375 rows": the count and its noun, singular for one. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

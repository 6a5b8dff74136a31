// Checks a header row for names that make columns hard to tell apart:
// empty names and names used twice. Both are warnings; columns are kept.

import { problems } from './read-problems.ts';
import type { ReadProblem } from './types.ts';

/** `row`: the header's spreadsheet row. */
export function checkHeader(headers: readonly string[], row = 1): ReadProblem[] {
  const found: ReadProblem[] = [];
  const firstIndex = new Map<string, number>();
  headers.forEach((header, index) => {
    const name = header.trim();
    if (name === '') {
      found.push(problems.emptyHeader(index, header, row));
      return;
    }
    const first = firstIndex.get(name);
    if (first === undefined) firstIndex.set(name, index);
    else found.push(problems.duplicateHeader(name, first, index, row));
  });
  return found;
}

// How much a row reads like a header: the weighted count of its cells that name a field of the resource (of the
// best resource, when none is named). The reader uses it to find the header below a preamble or a title row.
import { getResource, resourceNames, type ResourceName } from '../resources/index.ts';
import { mapHeaders } from './map-headers.ts';
import type { UserMapping } from './types.ts';

const LONGEST_NAME = 100;

export type HeaderRowScore = (cells: readonly string[]) => number;

export function headerRowScore(resource?: ResourceName, userMapping?: UserMapping): HeaderRowScore {
  const specs = (resource ? [resource] : resourceNames).map(getResource);
  return (cells) => {
    // a long cell is a sentence or a value, never a column name: not worth matching
    const names = cells.map((cell) => (cell.length > LONGEST_NAME ? '' : cell));
    let best = 0;
    for (const spec of specs) {
      let sum = 0;
      for (const column of mapHeaders(spec, names, userMapping).columns) if (column.field !== null) sum += column.score ?? 0;
      if (sum > best) best = sum;
    }
    return best;
  };
}

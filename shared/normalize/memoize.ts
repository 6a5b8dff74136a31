// Caches a normalizer's results per distinct text: columns such as status, country or yes/no repeat a handful of
// values over thousands of rows. Results are immutable, so sharing them is safe. The cache stops growing at `limit`.
import type { CellNormalizer, Normalized } from './types.ts';

export function memoize(normalize: CellNormalizer, limit = 2048): CellNormalizer {
  const cache = new Map<string, Normalized>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined) {
      result = normalize(text);
      if (cache.size < limit) cache.set(text, result);
    }
    return result;
  };
}

// Caches a normalizer's results per distinct text: columns such as status, country or yes/no repeat a handful of
// values over thousands of rows. Results are immutable, so sharing them is safe. The cache stops growing at `limit`.
// The first few texts are also kept in a short list checked by string comparison, which for a column of a handful
// of values answers without hashing the cell, as a Map lookup must.
import type { CellNormalizer, Normalized } from './types.ts';

const SHORT_LIST = 6;

export function memoize(normalize: CellNormalizer, limit = 2048): CellNormalizer {
  const cache = new Map<string, Normalized>();
  const texts: string[] = [];
  const results: Normalized[] = [];
  return (text) => {
    for (let i = 0; i < texts.length; i++) if (texts[i] === text) return results[i]!;
    let result = cache.get(text);
    if (result === undefined) {
      result = normalize(text);
      if (texts.length < SHORT_LIST) {
        texts.push(text);
        results.push(result);
      } else if (cache.size < limit) cache.set(text, result);
    }
    return result;
  };
}

// Where each value first appeared, ignoring case. Each value is hashed once (one pass over its characters, watching
// for any that lower-casing could change); the hashes are then sorted (a radix sort over flat arrays) and only values
// that share a hash are compared. No hash table is probed per value: on 100,000 distinct emails, probing a table
// too big for the cache was the slow part of the row pipeline.

/** FNV-1a over the value's characters, lower-cased when any could change (the hash of keyOf(value)). */
export function hashIgnoringCase(value: string): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < value.length; j++) {
    const c = value.charCodeAt(j);
    if ((c >= 65 && c <= 90) || c > 127) return hashOf(value.toLowerCase());
    h = Math.imul(h ^ c, 16777619);
  }
  return h;
}

function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < key.length; j++) h = Math.imul(h ^ key.charCodeAt(j), 16777619);
  return h;
}

/** The value as compared: lower-cased when lower-casing could change it. */
function keyOf(value: string): string {
  for (let j = 0; j < value.length; j++) {
    const c = value.charCodeAt(j);
    if ((c >= 65 && c <= 90) || c > 127) return value.toLowerCase();
  }
  return value;
}

/**
 * For `texts[i]` with `hashes[i] = hashIgnoringCase(texts[i])`: the index of the first text equal to it ignoring
 * case when that is an earlier one, else -1.
 */
export function firstOccurrencesByHash(texts: readonly string[], hashes: Int32Array): Int32Array {
  const n = texts.length;
  const earlier = new Int32Array(n).fill(-1);
  const order = sortByHash(hashes, n);
  for (let i = 0; i < n; ) {
    const h = hashes[order[i]!]!;
    let j = i + 1;
    while (j < n && hashes[order[j]!] === h) j++;
    // order[i..j) share a hash, in file order (the sort is stable): match each to the first equal text
    if (j - i > 1) {
      const firstOf = new Map<string, number>();
      for (let k = i; k < j; k++) {
        const entry = order[k]!;
        const key = keyOf(texts[entry]!);
        const first = firstOf.get(key);
        if (first === undefined) firstOf.set(key, entry);
        else earlier[entry] = first;
      }
    }
    i = j;
  }
  return earlier;
}

/** Indexes 0..n-1 ordered by hash (as unsigned), ties in index order: a least-significant-digit radix sort. */
function sortByHash(hashes: Int32Array, n: number): Int32Array {
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  let keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) keys[i] = hashes[i]! >>> 0;
  let nextOrder = new Int32Array(n);
  let nextKeys = new Uint32Array(n);
  const counts = new Int32Array(2048);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i]! >>> shift) & 2047]!++;
    let sum = 0;
    for (let b = 0; b < 2048; b++) {
      const count = counts[b]!;
      counts[b] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const to = counts[(key >>> shift) & 2047]!++;
      nextKeys[to] = key;
      nextOrder[to] = order[i]!;
    }
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}

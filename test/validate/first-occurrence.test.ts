import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOccurrencesByHash, hashIgnoringCase } from '../../shared/validate/first-occurrence.ts';

/** firstOccurrencesByHash over any values, as the duplicate check uses it: per index, the earlier value equal to it ignoring case, or -1. Non-strings never match. */
function firstOccurrencesIgnoringCase(values: readonly unknown[]): Int32Array {
  const positions: number[] = [];
  const texts: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'string') {
      positions.push(i);
      texts.push(value);
    }
  }
  const hashes = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) hashes[i] = hashIgnoringCase(texts[i]!);
  const first = firstOccurrencesByHash(texts, hashes);
  const earlier = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < first.length; i++) if (first[i] !== -1) earlier[positions[i]!] = positions[first[i]!]!;
  return earlier;
}

/** The plain definition: the first earlier value equal ignoring case, found with a Map. */
function byMap(values: readonly unknown[]): number[] {
  const seen = new Map<string, number>();
  return values.map((v, i) => {
    if (typeof v !== 'string') return -1;
    const key = v.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    return first ?? -1;
  });
}

describe('firstOccurrencesIgnoringCase', () => {
  it('points each repeat at its first occurrence, ignoring case (also beyond ASCII), skipping non-strings', () => {
    const values = ['a@x.com', null, 'B@x.com', 'A@X.COM', 'b@x.com', 'Éva@x.com', 'éva@x.com', true, 'a@x.com'];
    expect([...firstOccurrencesIgnoringCase(values)]).toEqual([-1, -1, -1, 0, 2, -1, 5, -1, 0]);
  });

  it('agrees with a Map on many values with collisions in the table', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `user${i % 1700}@example.com`);
    expect([...firstOccurrencesIgnoringCase(values)]).toEqual(byMap(values));
  });

  it('agrees with a Map on any values', () => {
    const value = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'A', 'é', 'É', '@', 'İ', 'ß'), maxLength: 4 }), fc.constant(null));
    fc.assert(fc.property(fc.array(value, { maxLength: 60 }), (values) => {
      expect([...firstOccurrencesIgnoringCase(values)]).toEqual(byMap(values));
    }), { numRuns: 2000 });
  });

  it('tells values apart that share a hash', () => {
    const texts = ['a', 'b', 'A', 'c', 'B', 'a', 'd'];
    expect([...firstOccurrencesByHash(texts, new Int32Array(texts.length))]).toEqual([-1, -1, 0, -1, 1, 0, -1]);
    expect(hashIgnoringCase('MiXeD@Example.COM')).toBe(hashIgnoringCase('mixed@example.com'));
  });
});

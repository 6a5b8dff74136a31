import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOccurrencesByHash, firstOccurrencesIgnoringCase, hashIgnoringCase } from '../../shared/validate/first-occurrence.ts';

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

import { describe, expect, it } from 'vitest';
import { firstOccurrencesIgnoringCase } from '../../shared/validate/first-occurrence.ts';

describe('firstOccurrencesIgnoringCase', () => {
  it('points each repeat at its first occurrence, ignoring case (also beyond ASCII), skipping non-strings', () => {
    const values = ['a@x.com', null, 'B@x.com', 'A@X.COM', 'b@x.com', 'Éva@x.com', 'éva@x.com', true, 'a@x.com'];
    expect([...firstOccurrencesIgnoringCase(values)]).toEqual([-1, -1, -1, 0, 2, -1, 5, -1, 0]);
  });

  it('agrees with a Map on many values with collisions in the table', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `user${i % 1700}@example.com`);
    const seen = new Map<string, number>();
    const expected = values.map((v, i) => {
      const first = seen.get(v);
      if (first === undefined) seen.set(v, i);
      return first ?? -1;
    });
    expect([...firstOccurrencesIgnoringCase(values)]).toEqual(expected);
  });
});

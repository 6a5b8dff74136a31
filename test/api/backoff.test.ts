// The retry waits: full-jitter exponential backoff and Retry-After parsing (pure functions, no server needed).
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../shared/api/index.ts';

describe('backoffDelay', () => {
  const options = { baseDelayMs: 500, maxDelayMs: 20_000 };

  it('doubles the ceiling with each retry, up to the maximum', () => {
    const almostOne = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((retry) => backoffDelay(retry, options, almostOne)))
      .toEqual([499, 999, 1999, 3999, 7999, 15999, 19999, 19999]);
  });

  it('draws uniformly below the ceiling (full jitter)', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(0);
    expect(backoffDelay(3, options, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, options, () => 0.25)).toBe(500);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-15T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date, relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 15 Jan 2026 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 15 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

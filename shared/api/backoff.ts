// How long to wait before a retry: exponential backoff with full jitter, or what the server's Retry-After says.
// Pure functions; randomness, time and sleeping are injected so Apps Script (no setTimeout) and tests can supply theirs.

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Full jitter: a uniform random wait in [0, min(max, base · 2^(retry−1))).
 * `retry` counts from 1 (the first retry). Spreads the clients of a struggling server apart.
 */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The default sleep, where the runtime has timers (browsers, service workers, Node).
 * Looked up at call time so merely loading this module is harmless in Apps Script, which must inject its own.
 */
export function defaultSleep(ms: number): Promise<void> {
  const timer = (globalThis as { setTimeout?: (callback: () => void, ms: number) => unknown }).setTimeout;
  if (typeof timer !== 'function') {
    return Promise.reject(new Error('This runtime has no timers: pass a sleep function to PivorClient.'));
  }
  return new Promise((resolve) => {
    timer(resolve, ms);
  });
}

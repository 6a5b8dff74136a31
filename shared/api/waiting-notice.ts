// "Waiting for Pivor": while a round of requests has no answer, tell the caller every few seconds, so a server
// that accepts connections and never answers is never met with silence. Needs timers; where there are none
// (Apps Script, whose UrlFetchApp blocks anyway) the round simply runs without notices.

export interface WaitingInfo {
  /** This round's try of its requests (1 for the first). */
  attempt: number;
  /** Tries allowed per request. */
  attempts: number;
  /** How long the round has been waiting so far. */
  waitedMs: number;
  /** Requests in the round. */
  count: number;
  /** For people: "Waiting for Pivor at https://crm.example.com: no answer for 5 s (attempt 2 of 5)." */
  message: string;
}

type Timers = {
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
};

/** Calls notify every `everyMs` until `work` settles; returns what `work` returns. */
export async function withWaitingNotices<T>(work: Promise<T>, everyMs: number, notify: (waitedMs: number) => void): Promise<T> {
  const timers = globalThis as Timers;
  if (everyMs <= 0 || typeof timers.setInterval !== 'function' || typeof timers.clearInterval !== 'function') return work;
  let waited = 0;
  const handle = timers.setInterval(() => {
    waited += everyMs;
    notify(waited);
  }, everyMs);
  // Node: a notice timer alone must not keep a finished program alive.
  (handle as { unref?: () => void } | undefined)?.unref?.();
  try {
    return await work;
  } finally {
    timers.clearInterval(handle);
  }
}

export function waitingMessage(origin: string, waitedMs: number, attempt: number, attempts: number): string {
  return `Waiting for Pivor at ${origin}: no answer for ${Math.round(waitedMs / 1000)} s (attempt ${attempt} of ${attempts}).`;
}

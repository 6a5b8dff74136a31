// A sliding window of workers: at most `slots` tasks run at once and a slot takes the next task as soon as it frees.
// Hand-written rather than p-limit because it pulls from a queue that may grow (rows found absent after a lost
// answer go back in) and stop (cancel) without clearing anything; it needs no timers, so it runs in Apps Script.

/** Runs `work` on items from `next` until it returns undefined, with at most `slots` running at once. */
export async function runWindow<T>(slots: number, next: () => Promise<T | undefined> | T | undefined, work: (item: T) => Promise<void>): Promise<void> {
  const worker = async () => {
    for (let item = await next(); item !== undefined; item = await next()) await work(item);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.floor(slots)) }, worker));
}

// One push per Pivor and resource at a time across every tab and window of the browser profile: a Web Lock
// (navigator.locks, shared by all of the extension's pages) held from the last plan to the last request.
// A second push is refused at once with a clear word instead of waiting behind the first or running beside it;
// the holder leaves a note of what it pushes and since when (a lock carries no data), so the word can say so.
import type { ResourceName } from '../../shared/resources/index.ts';
import { readLocal, removeLocal, writeLocal } from '../storage/local-store.ts';
import { countOf } from '../ui/count.ts';

/** What a running push says about itself to the tab it turns away. */
export interface RunningPush {
  fileName: string;
  rows: number;
  startedAt: string;
}

export class PushBusyError extends Error {
  constructor(resource: ResourceName, running: RunningPush | undefined) {
    super(`${runningText(resource, running)} Wait for that import to finish, then import again: this file will be checked against what it created.`);
    this.name = 'PushBusyError';
  }
}

function runningText(resource: ResourceName, running: RunningPush | undefined): string {
  if (!running) return `Another tab or window is importing ${resource} into this Pivor.`;
  const since = new Date(running.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const rows = countOf(running.rows, 'row');
  return `Another tab or window has been importing ${resource} into this Pivor since ${since}: “${running.fileName}”, ${rows}.`;
}

export async function whileNoOtherPush<T>(
  baseUrl: string, resource: ResourceName, about: Omit<RunningPush, 'startedAt'>, run: () => Promise<T>,
): Promise<T> {
  const name = `pivor-push ${baseUrl} ${resource}`;
  const noteKey = `push-running:${name}`;
  return navigator.locks.request(name, { ifAvailable: true }, async (lock) => {
    if (!lock) throw new PushBusyError(resource, await readLocal<RunningPush>(noteKey).catch(() => undefined));
    await writeLocal(noteKey, { ...about, startedAt: new Date().toISOString() } satisfies RunningPush);
    try {
      return await run();
    } finally {
      await removeLocal(noteKey).catch(() => undefined);
    }
  });
}

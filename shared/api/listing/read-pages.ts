// Plain pages of a list, read in one batch, that survive records Pivor cannot answer: for readers that keep
// their own place between calls (the Sheets pull, slice by slice). A page answering 500 is narrowed down; what
// could not be read is named in `notices`, with how to fix it in Pivor.
import type { ResourceName } from '../../resources/index.ts';
import type { PivorClient, PivorRecord } from '../client.ts';
import { readWindows } from './read-window.ts';
import { nameUnreadable, unreadableMessage, type UnreadableRecord } from './unreadable.ts';

export interface PagesRead {
  pages: { data: PivorRecord[]; total: number; lastPage: number }[];
  unreadable: UnreadableRecord[];
  /** One line per record left out, for people. */
  notices: string[];
}

export async function readPages(client: PivorClient, resource: ResourceName, pages: readonly number[], perPage: number, signal?: AbortSignal): Promise<PagesRead> {
  const context = { client, resource, query: {}, ...(signal ? { signal } : {}) };
  const reads = await readWindows(context, pages.map((page) => ({ page, perPage })));
  const unreadable: UnreadableRecord[] = [];
  for (const read of reads) if (read.unreadable.length > 0) unreadable.push(...(await nameUnreadable(context, read)));
  return {
    pages: reads.map((read) => ({
      data: read.records.map((r) => r.record), total: read.total, lastPage: Math.max(1, Math.ceil(read.total / perPage)),
    })),
    unreadable,
    notices: unreadable.map((record) => unreadableMessage(resource, record, client.origin)),
  };
}

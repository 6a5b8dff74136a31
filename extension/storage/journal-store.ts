// The push journal (see shared/push/journal.ts) kept in chrome.storage.local, so a push cut short by a closed tab
// or browser resumes without creating anything twice. Keyed by file hash + resource. Kept as JSON text: the push
// worker serializes it off the page's thread, and a string reaches chrome.storage without a per-entry conversion
// (journals written as objects by earlier versions still read).
import type { JournalStore, PushJournal } from '../../shared/push/journal.ts';
import type { ResourceName } from '../../shared/resources/index.ts';
import { keysWithPrefix, readLocal, removeLocal, writeLocal } from './local-store.ts';

const prefix = 'journal:';

async function readJournal(storageKey: string): Promise<PushJournal | null> {
  const stored = await readLocal<PushJournal | string>(storageKey);
  if (stored === undefined) return null;
  return typeof stored === 'string' ? (JSON.parse(stored) as PushJournal) : stored;
}

/** Writes a journal the push worker has serialized. */
export function saveJournalJson(key: string, json: string): Promise<void> {
  return writeLocal(prefix + key, json);
}

export const chromeJournalStore: JournalStore = {
  load(key) {
    return readJournal(prefix + key);
  },
  save(key, journal) {
    return saveJournalJson(key, JSON.stringify(journal));
  },
  clear(key) {
    return removeLocal(prefix + key);
  },
};

/** The journal key of one file pushed as one resource. */
export function journalKey(fileHash: string, resource: ResourceName): string {
  return `${resource}:${fileHash}`;
}

/** SHA-256 of the file's bytes, hex: the same file gives the same key whatever its name. */
export async function hashFile(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Forgets journals of pushes started more than 90 days ago. A journal is what makes importing the same file again
 * send nothing twice; after three months the server's records (matched by id or email) are the better guide.
 */
export async function pruneJournals(now = Date.now()): Promise<void> {
  const maxAgeMs = 90 * 24 * 3600 * 1000;
  for (const storageKey of await keysWithPrefix(prefix)) {
    const journal = await readJournal(storageKey);
    if (!journal || now - Date.parse(journal.startedAt) > maxAgeMs) await removeLocal(storageKey);
  }
}

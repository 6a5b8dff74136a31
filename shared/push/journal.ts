// The push journal: which creates were sent ("pending": maybe processed) and which are done (with their new id),
// so a push stopped by a crash, a closed tab or a lost network resumes without creating anything twice.
// Only creates are journaled: updates and deletes are idempotent and are planned afresh against the server.
import type { ResourceName } from '../resources/index.ts';

export interface JournalEntry {
  state: 'pending' | 'done';
  /** The id the server gave the record (done entries). */
  id?: number;
  /** Fingerprint of the create body: an entry whose row now says something else is ignored. */
  fp: string;
  /**
   * 'pending': the record exists but its update-only fields (completed_at), sent in a second request, are not
   * known to be set; a re-run sends that request (it is idempotent) instead of nothing.
   */
  followUp?: 'pending';
}

export interface PushJournal {
  version: 1;
  resource: ResourceName;
  /** When the push first started (ISO 8601), for people reading the file. */
  startedAt: string;
  /** Highest record id on the server when the push first started: records this push created have higher ids. */
  watermark: number;
  /** Entries by spreadsheet row number. */
  rows: Record<string, JournalEntry>;
}

/** Where journals live: a file for the CLI, chrome.storage for the extension, document properties for Sheets, memory for tests. */
export interface JournalStore {
  load(key: string): Promise<PushJournal | null>;
  save(key: string, journal: PushJournal): Promise<void>;
  clear(key: string): Promise<void>;
}

export function newJournal(resource: ResourceName, watermark: number, startedAt: string): PushJournal {
  return { version: 1, resource, startedAt, watermark, rows: {} };
}

/**
 * The record an earlier run of this push created for a row (its entry is done, for the same body), and whether
 * its update-only fields still have to be sent.
 */
export function createdEarlier(
  journal: PushJournal | null, row: number, body: Record<string, unknown>,
): { id: number; followUpPending: boolean } | undefined {
  const entry = journal?.rows[String(row)];
  if (entry?.state !== 'done' || entry.id === undefined || entry.fp !== fingerprint(body)) return undefined;
  return { id: entry.id, followUpPending: entry.followUp === 'pending' };
}

/** A journal store in memory; `snapshot` shows what was last saved (tests use it to simulate a crash). */
export function memoryJournalStore(): JournalStore & { saves: number; snapshot(key: string): PushJournal | null } {
  const saved = new Map<string, string>();
  const store = {
    saves: 0,
    async load(key: string) {
      const text = saved.get(key);
      return text === undefined ? null : (JSON.parse(text) as PushJournal);
    },
    async save(key: string, journal: PushJournal) {
      store.saves += 1;
      saved.set(key, JSON.stringify(journal));
    },
    async clear(key: string) {
      saved.delete(key);
    },
    snapshot(key: string) {
      const text = saved.get(key);
      return text === undefined ? null : (JSON.parse(text) as PushJournal);
    },
  };
  return store;
}

/** FNV-1a over the body's JSON: short, stable, dependency-free (no crypto in Apps Script's V8). */
export function fingerprint(body: Record<string, unknown>): string {
  const text = JSON.stringify(body, Object.keys(body).sort());
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** What an unfinished earlier run of this push did with a row, checked against the records Pivor has now. */
export type EarlierRun =
  | { kind: 'created'; id: number; followUpPending: boolean }
  /** It created the row's record, which is no longer in Pivor (deleted, or lost by the server). */
  | { kind: 'gone'; id: number }
  /** It sent the row and never learnt the answer: the push engine looks the record up before sending again. */
  | { kind: 'pending' };

export function earlierRun(journal: PushJournal | null | undefined, row: number, body: Record<string, unknown>, exists: (id: number) => boolean): EarlierRun | undefined {
  const entry = journal?.rows[String(row)];
  if (!entry || entry.fp !== fingerprint(body)) return undefined;
  if (entry.state === 'pending') return { kind: 'pending' };
  if (entry.id === undefined) return undefined;
  return exists(entry.id) ? { kind: 'created', id: entry.id, followUpPending: entry.followUp === 'pending' } : { kind: 'gone', id: entry.id };
}

/** Ids of the records the journal says its push created: they belong to their rows, not to look-alikes. */
export function journaledIds(journal: PushJournal | null | undefined): Set<number> {
  const ids = new Set<number>();
  for (const entry of Object.values(journal?.rows ?? {})) if (entry.state === 'done' && entry.id !== undefined) ids.add(entry.id);
  return ids;
}

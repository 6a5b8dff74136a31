// Files handed from the right-click menu to the wizard. The wizard's URL carries only a random id (#handoff=<id>);
// the file itself waits here, in chrome.storage.local, until the import is done or it is a week old.
import { keysWithPrefix, readLocal, removeLocal, writeLocal } from './local-store.ts';

export interface Handoff {
  id: string;
  /** File name shown to the user, from the link's path. */
  name: string;
  /** Where the file came from (the link or the page). */
  source: string;
  /** The page the link was on, when it was a link. */
  page?: string;
  /** The file's bytes as base64 once it has been read (bytes, not text, so its encoding is detected like a chosen file's). */
  base64?: string;
  /** An origin the extension must be allowed to read before it can fetch the file (a cross-origin link). */
  needsOrigin?: string;
  /** Why reading failed, for the user. */
  error?: string;
  createdAt: number;
}

const prefix = 'handoff:';
const maxAgeMs = 7 * 24 * 3600 * 1000;

export function newHandoffId(): string {
  return crypto.randomUUID();
}

export function loadHandoff(id: string): Promise<Handoff | undefined> {
  return readLocal<Handoff>(prefix + id);
}

export function saveHandoff(handoff: Handoff): Promise<void> {
  return writeLocal(prefix + handoff.id, handoff);
}

export function removeHandoff(id: string): Promise<void> {
  return removeLocal(prefix + id);
}

/** Forgets handed-over files older than a week. */
export async function pruneHandoffs(now = Date.now()): Promise<void> {
  for (const key of await keysWithPrefix(prefix)) {
    const handoff = await readLocal<Handoff>(key);
    if (!handoff || now - handoff.createdAt > maxAgeMs) await removeLocal(key);
  }
}

/** The file name a URL points at: its last path segment, or a generic name. */
export function fileNameFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : 'download.csv';
  } catch {
    return 'download.csv';
  }
}

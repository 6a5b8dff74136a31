// Imports whose push has started and not finished: enough to pick the push up again after the tab or the browser
// was closed (the file, the choices). The push journal itself lives in journal-store.ts under the same key.
// The file's bytes are kept in IndexedDB (idb-keyval) as a Blob, which the browser writes off the page's thread; in
// chrome.storage they had to become base64 and be converted on the page's thread, which held the page for a second
// as a push started, and as bytes IndexedDB still serialized them on it (about 80 ms for 7 MB).
import type { UserMapping } from '../../shared/map/index.ts';
import type { ResourceName } from '../../shared/resources/index.ts';
import type { FileOrigin } from '../wizard/chosen-file.ts';
import type { ImportOptions } from '../wizard/import-options.ts';
import type { CellEdit } from '../wizard/table-edits.ts';
import type { RowChoice } from '../../shared/push/index.ts';
import { del, get, set } from 'idb-keyval';
import { base64ToBytes } from '../lib/base64.ts';
import { keysWithPrefix, readLocal, removeLocal, writeLocal } from './local-store.ts';

export interface InterruptedImport {
  journalKey: string;
  name: string;
  origin: FileOrigin;
  source?: string;
  page?: string;
  resource: ResourceName;
  userMapping: UserMapping;
  options: ImportOptions;
  /** Rows the plan sends. */
  sending: number;
  /** Cells fixed in the grid, by the file's row numbers: made again on the kept file, which is the file as chosen. */
  edits?: CellEdit[];
  /** Answers given per row (which record, which client), by the same numbers. */
  choices?: Record<number, RowChoice>;
  startedAt: string;
}

/** As stored: earlier versions kept the file in the record, as base64. */
type StoredImport = InterruptedImport & { base64?: string };

const prefix = 'import:';
const fileKey = (journalKey: string) => `import-file:${journalKey}`;

/** The file first, then the record: a record is listed only once its file is kept. */
export async function saveInterrupted(record: InterruptedImport, bytes: Uint8Array): Promise<void> {
  await set(fileKey(record.journalKey), new Blob([bytes as BlobPart]));
  await writeLocal(prefix + record.journalKey, record);
}

/** The bytes of an interrupted import's file. */
export async function interruptedFile(journalKey: string): Promise<Uint8Array> {
  const record = await readLocal<StoredImport>(prefix + journalKey);
  if (record?.base64 !== undefined) return base64ToBytes(record.base64);
  // kept as bytes by earlier versions
  const kept = await get<Blob | Uint8Array>(fileKey(journalKey));
  if (!kept) throw new Error('The file of this interrupted import is no longer kept; choose it again.');
  return kept instanceof Blob ? new Uint8Array(await kept.arrayBuffer()) : kept;
}

export async function clearInterrupted(journalKey: string): Promise<void> {
  await removeLocal(prefix + journalKey);
  await del(fileKey(journalKey));
}

export async function listInterrupted(): Promise<InterruptedImport[]> {
  const found: InterruptedImport[] = [];
  for (const key of await keysWithPrefix(prefix)) {
    const record = await readLocal<StoredImport>(key);
    if (!record) continue;
    const { base64: _file, ...rest } = record;
    found.push(rest);
  }
  return found.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** Forgets interrupted imports nobody resumed within 30 days (they hold a copy of the file). */
export async function pruneInterrupted(now = Date.now()): Promise<void> {
  for (const record of await listInterrupted()) {
    if (now - Date.parse(record.startedAt) > 30 * 24 * 3600 * 1000) await clearInterrupted(record.journalKey);
  }
}

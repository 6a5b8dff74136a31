// Imports whose push has started and not finished: enough to pick the push up again after the tab or the browser
// was closed (the file, the choices). The push journal itself lives in journal-store.ts under the same key.
import type { UserMapping } from '../../shared/map/index.ts';
import type { ResourceName } from '../../shared/resources/index.ts';
import type { FileOrigin } from '../wizard/chosen-file.ts';
import type { ImportOptions } from '../wizard/import-options.ts';
import { keysWithPrefix, readLocal, removeLocal, writeLocal } from './local-store.ts';

export interface InterruptedImport {
  journalKey: string;
  name: string;
  origin: FileOrigin;
  source?: string;
  page?: string;
  /** The file's bytes as base64: the user should not have to find the file again. */
  base64: string;
  resource: ResourceName;
  userMapping: UserMapping;
  options: ImportOptions;
  /** Rows the plan sends. */
  sending: number;
  startedAt: string;
}

const prefix = 'import:';

export function saveInterrupted(record: InterruptedImport): Promise<void> {
  return writeLocal(prefix + record.journalKey, record);
}

export function clearInterrupted(journalKey: string): Promise<void> {
  return removeLocal(prefix + journalKey);
}

export async function listInterrupted(): Promise<InterruptedImport[]> {
  const found: InterruptedImport[] = [];
  for (const key of await keysWithPrefix(prefix)) {
    const record = await readLocal<InterruptedImport>(key);
    if (record) found.push(record);
  }
  return found.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** Forgets interrupted imports nobody resumed within 30 days (they hold a copy of the file). */
export async function pruneInterrupted(now = Date.now()): Promise<void> {
  for (const record of await listInterrupted()) {
    if (now - Date.parse(record.startedAt) > 30 * 24 * 3600 * 1000) await clearInterrupted(record.journalKey);
  }
}

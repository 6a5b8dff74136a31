// Push journals as files under the config folder (journals/<sha256 of the key>.json), saved atomically,
// so re-running the same command after a crash finds where the push stopped.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalStore, PushJournal } from '../shared/push/journal.ts';
import { configDir, privateDir, type Env } from './config-dir.ts';
import { writePrivateFile } from './private-file.ts';

export function journalDir(env: Env = process.env): string {
  return join(configDir(env), 'journals');
}

export function fileJournalStore(env: Env = process.env): JournalStore {
  const pathOf = (key: string) => join(journalDir(env), `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  let ready: Promise<string> | null = null;
  return {
    async load(key) {
      try {
        const data = JSON.parse(await readFile(pathOf(key), 'utf8')) as PushJournal;
        return data.version === 1 ? data : null;
      } catch {
        return null;
      }
    },
    async save(key, journal) {
      const text = JSON.stringify(journal); // before any await: the push keeps changing the object
      await (ready ??= privateDir(journalDir(env)));
      await writePrivateFile(pathOf(key), text);
    },
    async clear(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** The journal key of a push: what is pushed (file bytes), where to (server) and as what (resource). */
export function journalKey(parts: { fileHash: string; resource: string; server: string }): string {
  return `${parts.server}\n${parts.resource}\n${parts.fileHash}`;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

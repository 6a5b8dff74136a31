// Keeps a file copy of the in-memory database: loads it at start and saves it after writes, before the
// writing request is answered (a 201 is on disk, even if the process is killed the next instant). Saves in
// flight coalesce: requests that write while one runs share the next, so a burst costs few exports.
// Saves are atomic (temp + rename).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export function loadDatabaseFile(file: string): Uint8Array | undefined {
  return existsSync(file) ? new Uint8Array(readFileSync(file)) : undefined;
}

export function saveDatabaseFile(file: string, bytes: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
}

/** The async twin of saveDatabaseFile, so requests keep arriving (and join the next save) while it writes. */
async function writeDatabaseFile(file: string, bytes: Uint8Array): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, file);
}

export class GroupSaver {
  private unsaved = false;
  private running: Promise<void> = Promise.resolve();
  private next: Promise<void> | undefined;

  constructor(
    private readonly file: string,
    private readonly exportBytes: () => Uint8Array,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Marks the database changed (called on every write). */
  touch(): void {
    this.unsaved = true;
  }

  /** Resolves once every write made so far is in the file. */
  settled(): Promise<void> {
    if (!this.unsaved) return this.next ?? this.running;
    this.next ??= this.running.then(() => {
      this.next = undefined;
      this.unsaved = false;
      // The export happens now, synchronously: it holds every write made before this save began.
      this.running = writeDatabaseFile(this.file, this.exportBytes()).catch(this.onError);
      return this.running;
    });
    return this.next;
  }
}

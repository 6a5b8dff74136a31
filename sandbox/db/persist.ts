// Keeps a file copy of the in-memory database: loads it at start, saves it a moment after writes
// (debounced, so a burst of creates costs one export) and once more on close. Saves are atomic (temp + rename).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

export class DebouncedSaver {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(
    private readonly save: () => void,
    private readonly delayMs = 150,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Marks the database changed; the save runs delayMs after the first unsaved change, so steady writes still save. */
  touch(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    try {
      this.save();
    } catch (error) {
      this.onError(error);
    }
  }
}

// Saves a push journal without saving more often than needed: every change bumps a version, and a caller that
// needs a change on disk waits for a save that includes it. Saves never overlap; changes made while one runs
// are picked up by the next, so a window of answers costs one save, not one per row.
import type { JournalEntry, JournalStore, PushJournal } from './journal.ts';

export class JournalWriter {
  private version = 0;
  private savedVersion = 0;
  private saving: Promise<void> | null = null;
  private closed = false;

  /** With no store, every method is a no-op: a push without a journal. */
  constructor(
    readonly journal: PushJournal,
    private readonly store?: JournalStore,
    private readonly key?: string,
  ) {}

  entry(row: number): JournalEntry | undefined {
    return this.journal.rows[String(row)];
  }

  /** Records an entry; returns the version to wait for (`saved(version)`) before relying on it. */
  set(row: number, entry: JournalEntry): number {
    this.journal.rows[String(row)] = entry;
    return (this.version += 1);
  }

  forget(row: number): void {
    if (delete this.journal.rows[String(row)]) this.version += 1;
  }

  /** Whether a row is still in doubt (sent, answer unknown) or awaits its update-only fields. */
  unfinished(): boolean {
    return Object.values(this.journal.rows).some((e) => e.state === 'pending' || e.followUp === 'pending');
  }

  /**
   * Waits for the save in progress, then deletes the journal from its store: the push is over. Closed first, so a
   * caller still waiting in `saved` starts no save that would write the journal back after the delete.
   */
  async close(): Promise<void> {
    if (!this.store || this.key === undefined) return;
    this.closed = true;
    await this.saving?.catch(() => undefined);
    await this.store.clear(this.key);
  }

  /**
   * Resolves once the changes up to `version` (default: every change so far) are saved. The store must serialize
   * the journal before its first await: the push keeps changing it.
   */
  async saved(version = this.version): Promise<void> {
    if (!this.store || this.key === undefined || this.closed) return;
    const wanted = version;
    while (this.savedVersion < wanted && !this.closed) {
      if (!this.saving) {
        const target = this.version;
        this.saving = this.store
          .save(this.key, this.journal)
          .then(() => {
            this.savedVersion = Math.max(this.savedVersion, target);
          })
          .finally(() => {
            this.saving = null;
          });
      }
      await this.saving;
    }
  }
}

// The journal writer's saves and its close: a save still wanted when the push closes its journal must not write
// the journal back after it was deleted (a finished push would then be offered again as one to resume).
import { describe, expect, it } from 'vitest';
import { JournalWriter } from '../../shared/push/journal-writer.ts';
import { newJournal, type JournalStore, type PushJournal } from '../../shared/push/journal.ts';

/** A store whose saves finish when the test says, keeping what was last written. */
function heldStore() {
  const held: (() => void)[] = [];
  const store = {
    written: undefined as string | undefined,
    saves: 0,
    async load() {
      return null;
    },
    save(_key: string, journal: PushJournal) {
      const text = JSON.stringify(journal);
      store.saves += 1;
      return new Promise<void>((resolve) => held.push(() => ((store.written = text), resolve())));
    },
    async clear() {
      store.written = undefined;
    },
    /** Finishes the oldest save in progress. */
    finishOne: () => held.shift()?.(),
  };
  return store satisfies JournalStore;
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('JournalWriter', () => {
  it('a change saved while another save runs is written by one more save, after the first', async () => {
    const store = heldStore();
    const writer = new JournalWriter(newJournal('contacts', 0, '2026-12-01T00:00:00Z'), store, 'k');
    const first = writer.saved(writer.set(2, { state: 'pending', fp: 'a' }));
    const second = writer.saved(writer.set(3, { state: 'pending', fp: 'b' }));
    store.finishOne();
    await first;
    await turn();
    expect(store.saves).toBe(2);
    store.finishOne();
    await second;
    expect(Object.keys((JSON.parse(store.written!) as PushJournal).rows)).toEqual(['2', '3']);
  });

  it('closing while a save is still wanted deletes the journal and writes nothing after', async () => {
    const store = heldStore();
    const writer = new JournalWriter(newJournal('contacts', 0, '2026-12-01T00:00:00Z'), store, 'k');
    const first = writer.saved(writer.set(2, { state: 'pending', fp: 'a' }));
    // Wanted by a caller that does not wait for it (a save started ahead of need), while the first runs.
    const ahead = writer.saved(writer.set(3, { state: 'done', id: 9, fp: 'b' }));
    const closed = writer.close();
    store.finishOne(); // the first save lands, then the journal is deleted
    await Promise.all([first, closed]);
    store.finishOne(); // a save started after the close would land now
    await turn();
    expect(store.written, 'the journal written back after its delete').toBeUndefined();
    expect(store.saves).toBe(1);
    await ahead;
  });
});

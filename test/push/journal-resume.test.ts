// Resuming: a push stopped half way (cancelled, or crashed with its journal as last saved) is run again and every
// row ends created exactly once; rows done are not resent, rows left "pending" are looked up before anything is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchTransport, PivorClient, type Transport } from '../../shared/api/index.ts';
import { writeCsv } from '../../shared/csv/index.ts';
import { executePlan, memoryJournalStore, preparePush, type JournalStore, type Plan, type PushJournal } from '../../shared/push/index.ts';
import { openSession, routeCount, type Session } from './sandbox-session.ts';

let s: Session;
beforeAll(async () => {
  s = await openSession({ faults: { latencyMs: 5 } });
});
afterAll(() => s?.close());

/** Communications have no match key: only the journal stands between a re-run and duplicates. */
function communicationsCsv(tag: string, count: number): string {
  return writeCsv(['type', 'subject', 'status'], Array.from({ length: count }, (_, i) => ['note', `${tag} ${i + 1}`, 'pending']));
}

/** Plans as the CLI does: against the server, and against the journal of an unfinished earlier run when there is one. */
async function plan(csv: string, journal?: JournalStore, key?: string): Promise<Plan> {
  const resume = journal && key !== undefined ? await journal.load(key) : null;
  return (await preparePush(s.client, { resource: 'communications', input: csv }, { matchBy: 'id', resume })).plan;
}

function subjectCounts(tag: string): Map<string, number> {
  const rows = s.sandbox.query('SELECT subject, COUNT(*) AS n FROM communications WHERE subject LIKE ? AND deleted_at IS NULL GROUP BY subject', [`${tag} %`]);
  return new Map(rows.map((r) => [String(r.subject), Number(r.n)]));
}

/** A journal store that keeps every saved version, to restart from any of them as a crashed process would. */
function recordingStore(): JournalStore & { versions: PushJournal[] } {
  const inner = memoryJournalStore();
  const versions: PushJournal[] = [];
  return {
    versions,
    load: (key) => inner.load(key),
    clear: (key) => inner.clear(key),
    async save(key, journal) {
      versions.push(JSON.parse(JSON.stringify(journal)) as PushJournal);
      await inner.save(key, journal);
    },
  };
}

function storeWith(journal: PushJournal, key: string): JournalStore {
  const store = memoryJournalStore();
  void store.save(key, journal);
  return store;
}

describe('journal and resume', () => {
  it('a cancelled push ends every row (sent ones created, the rest skipped: cancelled) and a re-run sends only the rest', async () => {
    const csv = communicationsCsv('Cancel', 60);
    const journal = memoryJournalStore();
    const controller = new AbortController();
    const first = await executePlan(s.client, await plan(csv), {
      concurrency: 4, journal, journalKey: 'cancel', signal: controller.signal,
      onBatchDone: () => {
        if (subjectCounts('Cancel').size >= 20) controller.abort();
      },
    });
    expect(first.stopped).toBe('cancelled');
    expect(first.results).toHaveLength(60);
    const created = first.results.filter((r) => r.outcome === 'created');
    const skipped = first.results.filter((r) => r.outcome === 'skipped');
    expect(created.length + skipped.length).toBe(60);
    expect(created.length).toBeGreaterThanOrEqual(20);
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((r) => /^not sent: cancelled/.test(r.message ?? ''))).toBe(true);

    const posts = routeCount(s.sandbox, 'POST /api/communications');
    const second = await executePlan(s.client, await plan(csv, journal, 'cancel'), { concurrency: 4, journal, journalKey: 'cancel' });
    expect(routeCount(s.sandbox, 'POST /api/communications') - posts).toBe(skipped.length);
    expect(second.counts).toMatchObject({ created: 60, failed: 0, skipped: 0 });
    expect(second.results.filter((r) => r.message?.includes('earlier run')).length).toBe(created.length);
    const counts = subjectCounts('Cancel');
    expect(counts.size).toBe(60);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // The ids the re-run reports are the records on the server.
    const ids = new Set(s.sandbox.query("SELECT id FROM communications WHERE subject LIKE 'Cancel %'").map((r) => Number(r.id)));
    expect(new Set(second.results.map((r) => r.id))).toEqual(ids);
  });

  it('after a crash, rows left pending (sent, answer never recorded) are found on the server, not created again', async () => {
    const csv = communicationsCsv('Crash', 40);
    const store = recordingStore();
    const done = await executePlan(s.client, await plan(csv), { concurrency: 4, journal: store, journalKey: 'crash' });
    expect(done.counts.created).toBe(40);
    // The journal as a crash would have left it: some rows done, some pending (sent, maybe created).
    const crashed = store.versions.find((v) => {
      const states = Object.values(v.rows).map((e) => e.state);
      return states.filter((x) => x === 'done').length >= 10 && states.includes('pending');
    });
    expect(crashed).toBeDefined();
    const pending = Object.values(crashed!.rows).filter((e) => e.state === 'pending').length;
    expect(pending).toBeGreaterThan(0);
    // A row is sent only once its pending mark is saved, so at the crash the server held at most the rows in that
    // journal: take the later ones back off the server, as if they had never been sent.
    const inJournal = new Set(Object.keys(crashed!.rows).map(Number));
    const later = done.results.filter((r) => !inJournal.has(r.row!));
    for (const r of later) await s.client.delete('communications', r.id!);

    const posts = routeCount(s.sandbox, 'POST /api/communications');
    const crashStore = storeWith(crashed!, 'crash');
    const resumed = await executePlan(s.client, await plan(csv, crashStore, 'crash'), { concurrency: 4, journal: crashStore, journalKey: 'crash' });
    expect(routeCount(s.sandbox, 'POST /api/communications') - posts).toBe(later.length);
    expect(resumed.counts).toMatchObject({ created: 40, failed: 0 });
    expect(resumed.results.filter((r) => r.message?.startsWith('found on the server')).length).toBe(pending);
    // Rows that were in the journal keep the ids of the first run.
    for (const [i, r] of resumed.results.entries()) if (inJournal.has(r.row!)) expect(r.id).toBe(done.results[i]!.id);
    expect([...subjectCounts('Crash').values()]).toEqual(Array(40).fill(1));
  });

  it('a push stopped between a create and its completed_at request sets completed_at on the re-run, creating nothing twice', async () => {
    // completed_at is update-only in Pivor's API: a completed communication is created, then patched.
    const csv = writeCsv(['type', 'subject', 'status', 'completed_at'],
      Array.from({ length: 6 }, (_, i) => ['call', `Followup ${i + 1}`, 'completed', `2025-03-0${i + 1} 10:30`]));
    const journal = memoryJournalStore();
    const controller = new AbortController();
    const posts = routeCount(s.sandbox, 'POST /api/communications');
    const first = await executePlan(s.client, await plan(csv), {
      concurrency: 1, journal, journalKey: 'followup', signal: controller.signal,
      // stop as soon as the first create is answered: its completed_at request is next in line and is never sent
      onProgress: () => {
        if (routeCount(s.sandbox, 'POST /api/communications') > posts) controller.abort();
      },
    });
    expect(first.stopped).toBe('cancelled');
    const unfinished = first.results.filter((r) => r.outcome === 'created');
    expect(unfinished).toHaveLength(1);
    expect(unfinished[0]!.message).toMatch(/^created, but completed_at not set: cancelled; run the push again/);
    const completedAt = () => s.sandbox.query("SELECT subject, completed_at FROM communications WHERE subject LIKE 'Followup %' AND deleted_at IS NULL ORDER BY subject");
    expect(completedAt()).toEqual([{ subject: 'Followup 1', completed_at: null }]);

    const patches = routeCount(s.sandbox, 'PATCH /api/communications/{id}');
    const second = await executePlan(s.client, await plan(csv, journal, 'followup'), { concurrency: 2, journal, journalKey: 'followup' });
    expect(second.counts).toMatchObject({ created: 6, failed: 0, skipped: 0 });
    expect(routeCount(s.sandbox, 'POST /api/communications') - posts).toBe(6);
    expect(routeCount(s.sandbox, 'PATCH /api/communications/{id}') - patches).toBe(6);
    expect(second.results[0]).toMatchObject({ id: unfinished[0]!.id, byEarlierRun: true, message: 'created by an earlier run of this push; completed_at set now' });
    expect(completedAt().map((r) => [r.subject, r.completed_at])).toEqual(
      Array.from({ length: 6 }, (_, i) => [`Followup ${i + 1}`, `2025-03-0${i + 1} 10:30:00`]));

    // The push is finished: its journal is closed. A third run finds every row in Pivor by its content and sends nothing.
    expect(await journal.load('followup')).toBeNull();
    const third = await executePlan(s.client, await plan(csv, journal, 'followup'), { concurrency: 2, journal, journalKey: 'followup' });
    expect(third.counts).toMatchObject({ created: 0, unchanged: 6 });
    expect(third.results.map((r) => r.probably)).toEqual(second.results.map((r) => r.id));
    expect(routeCount(s.sandbox, 'POST /api/communications') - posts).toBe(6);
    expect(routeCount(s.sandbox, 'PATCH /api/communications/{id}') - patches).toBe(6);
  });

  it('after a crash before some pending rows were sent, those are looked up, found absent, and created once', async () => {
    const csv = communicationsCsv('Early', 40);
    const store = recordingStore();
    const controller = new AbortController();
    // Stop early, then restart from the first saved journal: rows marked pending ahead were never sent.
    await executePlan(s.client, await plan(csv), {
      concurrency: 2, journal: store, journalKey: 'early', signal: controller.signal,
      onBatchDone: () => controller.abort(),
    });
    const firstSave = store.versions[0]!;
    expect(Object.values(firstSave.rows).every((e) => e.state === 'pending')).toBe(true);
    const earlyStore = storeWith(firstSave, 'early');
    const resumed = await executePlan(s.client, await plan(csv, earlyStore, 'early'), { concurrency: 4, journal: earlyStore, journalKey: 'early' });
    expect(resumed.counts).toMatchObject({ created: 40, failed: 0, skipped: 0 });
    expect([...subjectCounts('Early').values()]).toEqual(Array(40).fill(1));
  });

  it('a create goes out only once a save holding its pending mark has landed, with saves slower than the requests', async () => {
    const key = 'marks-first';
    const store = memoryJournalStore();
    // Saves take longer than a request, so the next marks are being saved while rows go out.
    const slow: JournalStore = { ...store, save: (k, j) => { const text = JSON.stringify(j); return new Promise((resolve) => setTimeout(() => resolve(store.save(k, JSON.parse(text) as PushJournal)), 15)); } };
    const unmarked: number[] = [];
    const checking = (inner: Transport): Transport => ({
      send(requests) {
        for (const request of requests) {
          if (request.method !== 'POST') continue;
          const row = Number(/Marks (\d+)/.exec(request.body ?? '')![1]) + 1;
          const entry = store.snapshot(key)?.rows[String(row)];
          if (entry?.state !== 'pending') unmarked.push(row);
        }
        return inner.send(requests);
      },
    });
    const client = new PivorClient({ baseUrl: s.sandbox.url, token: s.token, transport: checking(createFetchTransport()) });
    const csv = communicationsCsv('Marks', 300);
    const result = await executePlan(client, await plan(csv), { concurrency: 4, journal: slow, journalKey: key });
    expect(result.counts.created).toBe(300);
    expect(unmarked, 'rows sent before their pending mark was saved').toEqual([]);
    expect([...subjectCounts('Marks').values()].filter((n) => n !== 1)).toEqual([]);
    expect(subjectCounts('Marks').size).toBe(300);
    expect(store.snapshot(key), 'a finished push closes its journal').toBeNull();
  });
});

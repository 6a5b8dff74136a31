// A push through a hostile network: 10% 500s (before processing), 429s with Retry-After, connection resets after
// the write was committed, 20 ms latency. 1,000 rows must each end created exactly once, and the results must say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../shared/csv/index.ts';
import { executePlan, memoryJournalStore, preparePush } from '../../shared/push/index.ts';
import { openSession, type Session } from './sandbox-session.ts';

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s?.close());

describe('push under injected faults', () => {
  it('1,000 contacts: every row created exactly once, results matching the database', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`First${i}`, `Last${i}`, `fault${i}@load.example`, `+1 555 ${String(i).padStart(4, '0')}`]);
    const csv = writeCsv(['first_name', 'last_name', 'email', 'phone'], rows);
    const { plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email' });
    expect(plan.counts.create).toBe(1000);

    s.sandbox.setFaults({ latencyMs: 20, errorRate: 0.1, rateLimitRate: 0.03, retryAfterSeconds: 1, resetRate: 0.05, faultSeed: 7 });
    const result = await executePlan(s.client, plan, { concurrency: 8, journal: memoryJournalStore(), journalKey: 'faults' });
    const stats = s.sandbox.stats();
    s.sandbox.setFaults({});

    expect(result.stopped).toBeUndefined();
    expect(result.counts).toMatchObject({ total: 1000, created: 1000, failed: 0, skipped: 0 });
    // Answers were lost on the way (resets after the write, 500s before it): some rows were looked up and found.
    expect(result.results.filter((r) => r.message?.startsWith('found on the server')).length).toBeGreaterThan(0);
    expect(stats.byRoute['POST /api/contacts']).toBeGreaterThan(1000);

    const duplicates = s.sandbox.query(
      "SELECT email, COUNT(*) AS n FROM contacts WHERE email LIKE '%@load.example' AND deleted_at IS NULL GROUP BY email HAVING COUNT(*) > 1",
    );
    expect(duplicates).toEqual([]);
    const onServer = s.sandbox.query("SELECT id, email FROM contacts WHERE email LIKE '%@load.example' AND deleted_at IS NULL");
    expect(onServer).toHaveLength(1000);
    // Each row's reported id is the record holding that row's email.
    const idByEmail = new Map(onServer.map((r) => [String(r.email), Number(r.id)]));
    result.results.forEach((r, i) => expect(r.id).toBe(idByEmail.get(rows[i]![2]!)));
  }, 120_000);
});

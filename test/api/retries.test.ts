// Retries under the sandbox's injected faults: 500s on reads, 429 with Retry-After, resets after a write.
import { describe, expect, it } from 'vitest';
import type { BatchOp, RetryInfo } from '../../shared/api/index.ts';
import { signIn, useSandbox } from './with-sandbox.ts';

/** A sleep that records what was asked and really waits, a little. */
function recordingSleep(): { sleeps: number[]; sleep: (ms: number) => Promise<void> } {
  const sleeps: number[] = [];
  return { sleeps, sleep: (ms) => { sleeps.push(ms); return new Promise((resolve) => setTimeout(resolve, 2)); } };
}

describe('retries', () => {
  const sandbox = useSandbox('users');

  it('still lists every record when 30% of requests fail with a 500', async () => {
    const { sleeps, sleep } = recordingSleep();
    const retries: RetryInfo[] = [];
    const client = await signIn(sandbox.current, 'admin@pivor.dev', { sleep, retry: { attempts: 10 }, onRetry: (info) => retries.push(info) });
    const ops: BatchOp[] = Array.from({ length: 250 }, (_, n) => ({ method: 'POST', path: '/clients', body: { name: `Company ${n}` } }));
    expect((await client.sendBatch(ops)).every((outcome) => outcome.ok)).toBe(true);

    sandbox.current.setFaults({ errorRate: 0.3, faultSeed: 42 });
    const all = await client.listAll('clients');
    expect(all).toHaveLength(250);
    expect(new Set(all.map((record) => record.id)).size).toBe(250);
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((info) => info.reason === 'server' && info.status === 500)).toBe(true);
    expect(sleeps).toEqual(retries.map((info) => info.delayMs));
    const gets = sandbox.current.stats().byRoute['GET /api/clients'] ?? 0;
    expect(gets).toBe(3 + retries.length); // three pages, one extra request per retry round of one
  });

  it('waits exactly what Retry-After says on a 429, for reads and writes alike', async () => {
    const { sleeps, sleep } = recordingSleep();
    const retries: RetryInfo[] = [];
    const client = await signIn(sandbox.current, 'admin@pivor.dev', { sleep, retry: { attempts: 10 }, onRetry: (info) => retries.push(info) });
    sandbox.current.setFaults({ rateLimitRate: 0.5, retryAfterSeconds: 3, faultSeed: 7 });

    const ops: BatchOp[] = Array.from({ length: 20 }, (_, n) => ({ method: 'POST', path: '/clients', body: { name: `Company ${n}` } }));
    const outcomes = await client.sendBatch(ops);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(await client.listAll('clients')).toHaveLength(20);

    expect(retries.length).toBeGreaterThan(0);
    expect(sleeps.length).toBe(retries.length);
    expect(sleeps.every((ms) => ms === 3000)).toBe(true);
    expect(retries[0]).toMatchObject({ reason: 'rate-limited', status: 429, message: 'Pivor is rate limiting requests; retrying in 3 s (attempt 2 of 10)' });
    // Each POST that was refused was sent again, and none was written twice.
    expect(sandbox.current.query('select count(*) as n from clients')[0]).toEqual({ n: 20 });
  });

  it('waits only as long as the caller has left (waitBudgetMs): a longer Retry-After goes back at once', async () => {
    const { sleeps, sleep } = recordingSleep();
    let budgetMs = 5_000;
    const client = await signIn(sandbox.current, 'admin@pivor.dev', { sleep, retry: { attempts: 3 }, waitBudgetMs: () => budgetMs });
    sandbox.current.setFaults({ rateLimitRate: 1, retryAfterSeconds: 10 });
    const [refused] = await client.sendBatch([{ method: 'GET', path: '/clients' }]);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterMs: 10_000, message: 'Pivor is rate limiting requests; try again in 10 s.' } });
    expect(sleeps).toEqual([]);

    budgetMs = 15_000;
    await client.sendBatch([{ method: 'GET', path: '/clients' }]);
    expect(sleeps).toEqual([10_000, 10_000]);
  });

  it('gives up on a long rate limit and says when to come back', async () => {
    const { sleeps, sleep } = recordingSleep();
    const client = await signIn(sandbox.current, 'admin@pivor.dev', { sleep, retry: { attempts: 3, maxRetryAfterMs: 60_000 } });
    sandbox.current.setFaults({ rateLimitRate: 1, retryAfterSeconds: 600 });
    const [outcome] = await client.sendBatch([{ method: 'GET', path: '/clients' }]);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterMs: 600_000, message: 'Pivor is rate limiting requests; try again in 600 s.' } });
    expect(sleeps).toEqual([]);
  });

  it('does not resend a POST whose connection was reset: it reports maybeProcessed, and findExisting finds the record', async () => {
    const { sleeps, sleep } = recordingSleep();
    const client = await signIn(sandbox.current, 'admin@pivor.dev', { sleep });
    sandbox.current.setFaults({ resetRate: 1 });
    const [outcome] = await client.sendBatch([{ method: 'POST', path: '/clients', body: { name: 'Initech', email: 'info@initech.test' } }]);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'network', maybeProcessed: true } });
    expect(sleeps).toEqual([]);
    expect(sandbox.current.stats().byRoute['POST /api/clients']).toBe(1);

    sandbox.current.setFaults({});
    const found = await client.findExisting('clients', 'email', 'info@initech.test');
    expect(found.map((record) => record.name)).toEqual(['Initech']);
  });

  it('resends a PATCH whose connection was reset (idempotent)', async () => {
    const { sleep } = recordingSleep();
    const client = await signIn(sandbox.current, 'admin@pivor.dev', { sleep, retry: { attempts: 10 } });
    const record = await client.create('clients', { name: 'Umbrella' });
    sandbox.current.setFaults({ resetRate: 0.5, faultSeed: 3 });
    const updated = await client.update('clients', record.id, { status: 'active' });
    expect(updated).toMatchObject({ id: record.id, status: 'active' });
  });

  it('reports a POST that met a 500 as maybeProcessed, not resent', async () => {
    const client = await signIn(sandbox.current, 'admin@pivor.dev');
    sandbox.current.setFaults({ errorRate: 1 });
    const error = await client.create('clients', { name: 'Hooli' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'server', status: 500, maybeProcessed: true, message: 'Pivor had a server error (500).' });
    expect(sandbox.current.stats().byRoute['POST /api/clients']).toBe(1);
  });
});

// Fault injection: 500s and 429s before processing, connection resets after a committed write, latency,
// slow pages, repeatable draws with a faultSeed, and request statistics.
import { describe, expect, it } from 'vitest';
import { call, useSandbox } from './http.ts';

const t = useSandbox();
const countClients = () => Number(t.sandbox.query('SELECT COUNT(*) AS n FROM clients')[0]!.n);

describe('fault injection', () => {
  it('is off by default', async () => {
    const token = await t.login('admin');
    const statuses = await Promise.all(Array.from({ length: 50 }, () => call(t.url, 'GET', '/api/clients', { token }).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it('errorRate answers 500 before the request is processed', async () => {
    const token = await t.login('admin');
    t.sandbox.setFaults({ errorRate: 1 });
    const reply = await call(t.url, 'POST', '/api/clients', { token, body: { name: 'Never stored' } });
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({ message: 'Server Error' });
    expect(countClients()).toBe(0);
  });

  it('errorRate is a share of requests, and a faultSeed repeats the same sequence', async () => {
    const token = await t.login('admin');
    const run = async () => {
      t.sandbox.setFaults({ errorRate: 0.3, faultSeed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) statuses.push((await call(t.url, 'GET', '/api/user', { token })).status);
      return statuses;
    };
    const first = await run();
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(35);
    expect(failures).toBeLessThan(85);
    expect(await run()).toEqual(first);
  });

  it('rateLimitRate answers 429 with Retry-After before the request is processed', async () => {
    const token = await t.login('admin');
    t.sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const reply = await call(t.url, 'POST', '/api/clients', { token, body: { name: 'Later' } });
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('7');
    expect(reply.body).toEqual({ message: 'Too Many Attempts.' });
    expect(countClients()).toBe(0);
  });

  it('resetRate commits a write, then resets the connection mid-response: the client cannot tell it was processed', async () => {
    const token = await t.login('admin');
    t.sandbox.setFaults({ resetRate: 1 });
    await expect(call(t.url, 'POST', '/api/clients', { token, body: { name: 'Maybe processed' } })).rejects.toThrow();
    expect(t.sandbox.query('SELECT name FROM clients')).toEqual([{ name: 'Maybe processed' }]);
    t.sandbox.setFaults({});
    const list = await call(t.url, 'GET', '/api/clients', { token });
    expect(list.body.data.map((c: any) => c.name)).toEqual(['Maybe processed']);
  });

  it('latencyMs delays every request; slowPageMs delays list requests only', async () => {
    const token = await t.login('admin');
    const id = (await call(t.url, 'POST', '/api/clients', { token, body: { name: 'Acme' } })).body.data.id;
    const timed = async (path: string) => {
      const started = performance.now();
      expect((await call(t.url, 'GET', path, { token })).status).toBe(200);
      return performance.now() - started;
    };
    t.sandbox.setFaults({ latencyMs: 120 });
    expect(await timed(`/api/clients/${id}`)).toBeGreaterThanOrEqual(115);
    // A delay long enough that a busy machine cannot make an undelayed request look delayed.
    t.sandbox.setFaults({ slowPageMs: 3000 });
    expect(await timed('/api/clients')).toBeGreaterThanOrEqual(2990);
    expect(await timed(`/api/clients/${id}`)).toBeLessThan(1500);
  });

  it('counts requests per route, faulted ones included', async () => {
    const token = await t.login('admin');
    t.sandbox.setFaults({ errorRate: 1 });
    await call(t.url, 'GET', '/api/clients', { token });
    await call(t.url, 'GET', '/api/clients/1', { token });
    await call(t.url, 'GET', '/api/clients/2', { token });
    expect(t.sandbox.stats()).toEqual({
      requests: 4,
      byRoute: { 'POST /api/tokens/create': 1, 'GET /api/clients': 1, 'GET /api/clients/{id}': 2 },
    });
  });

  it('refuses a rate outside 0..1', () => {
    expect(() => t.sandbox.setFaults({ errorRate: 2 })).toThrow(RangeError);
  });
});

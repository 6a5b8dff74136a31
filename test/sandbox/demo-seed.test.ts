// The demo data: a few hundred realistic records over the three users, the names the fixtures refer to,
// every value the database allows, and the same rows on every start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getResource } from '../../shared/resources/index.ts';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { call } from './http.ts';

let sandbox: Sandbox;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  for (const role of ['admin', 'user']) {
    tokens[role] = (await call(sandbox.url, 'POST', '/api/tokens/create', { body: { email: `${role}@pivor.dev`, password: 'password' } })).body.token;
  }
});
afterAll(() => sandbox.close());

const get = (path: string, role = 'admin') => call(sandbox.url, 'GET', path, { token: tokens[role] });

describe("seed 'demo'", () => {
  it('has ~150 clients, ~400 contacts and ~400 communications (a few soft-deleted)', async () => {
    expect((await get('/api/clients')).body.meta.total).toBe(147);
    expect((await get('/api/contacts')).body.meta.total).toBe(397);
    expect((await get('/api/communications')).body.meta.total).toBe(400);
  });

  it('includes the records the fixtures name', async () => {
    const acme = (await get('/api/clients?filter[search]=Acme Corp')).body.data[0];
    expect(acme).toMatchObject({ id: 1, name: 'Acme Corp', trading_name: 'Acme', address: expect.objectContaining({ country: 'US' }) });
    expect((await get('/api/clients/2')).body.data).toMatchObject({ name: 'Bright Futures Ltd', address: expect.objectContaining({ country: 'GB' }) });
    const john = (await get('/api/contacts?filter[search]=john@acme.com')).body.data;
    expect(john.map((c: any) => [c.full_name, c.client.name])).toEqual([['John Doe', 'Acme Corp']]);
    const priya = (await get('/api/contacts?filter[search]=Priya')).body.data;
    expect(priya.map((c: any) => [c.full_name, c.client.name])).toEqual([['Priya Patel', 'Bright Futures Ltd']]);
  });

  it('uses every value the database allows, including organisation, archived and normal', () => {
    const distinct = (table: string, column: string) => sandbox.query(`SELECT DISTINCT "${column}" AS v FROM ${table} ORDER BY 1`).map((r) => r.v);
    const dbValues = (resource: 'clients' | 'contacts' | 'communications', key: string) => [...getResource(resource).fields.find((f) => f.key === key)!.enum!.db].sort();
    expect(distinct('clients', 'type')).toEqual(dbValues('clients', 'type'));
    expect(distinct('clients', 'status')).toEqual(dbValues('clients', 'status'));
    expect(distinct('contacts', 'status')).toEqual(dbValues('contacts', 'status'));
    expect(distinct('communications', 'priority')).toEqual(dbValues('communications', 'priority'));
    expect(distinct('communications', 'type')).toEqual(dbValues('communications', 'type'));
    expect(sandbox.query("SELECT COUNT(*) AS n FROM clients WHERE trading_name IS NOT NULL")[0]!.n).toBeGreaterThan(10);
    expect(sandbox.query('SELECT COUNT(DISTINCT country) AS n FROM clients')[0]!.n).toBeGreaterThan(10);
  });

  it('spreads records over the three users; a user sees only theirs', async () => {
    const owners = sandbox.query('SELECT assigned_to AS id, COUNT(*) AS n FROM clients WHERE deleted_at IS NULL GROUP BY assigned_to ORDER BY 1');
    expect(owners.map((o) => o.id)).toEqual([1, 2, 3]);
    const mine = owners.find((o) => o.id === 3)!.n;
    expect((await get('/api/clients', 'user')).body.meta.total).toBe(mine);
  });

  it('is the same on every start', async () => {
    const again = await startSandbox({ seed: 'demo' });
    try {
      const rows = (s: Sandbox) => s.query('SELECT uuid, name, created_at FROM clients ORDER BY id');
      expect(rows(again)).toEqual(rows(sandbox));
    } finally {
      await again.close();
    }
  });

  // How fast it serves is the benchmarks' business (a timed assertion fails on a busy machine); this checks what.
  it('serves pages of 100 with their relations embedded, each record once', async () => {
    const seen = new Set<number>();
    let embedded = 0;
    for (let page = 1; page <= 4; page++) {
      const data = (await get(`/api/communications?per_page=100&page=${page}`)).body.data as any[];
      expect(data).toHaveLength(100);
      for (const c of data) {
        expect(seen.has(c.id)).toBe(false);
        seen.add(c.id);
        // Embedded on every record; null where the client is soft-deleted, as Pivor answers.
        expect(c).toHaveProperty('client');
        if (c.client !== null) {
          expect(c.client).toMatchObject({ id: c.client_id, name: expect.any(String) });
          embedded += 1;
        }
      }
    }
    expect(seen.size).toBe(400);
    expect(embedded).toBeGreaterThan(300);
  });
});

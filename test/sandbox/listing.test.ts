// Contract: pagination, sort and filters of the three lists (pivor-api.md, "Listing").
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index.ts';
import { getResource } from '../../shared/resources/index.ts';
import { call, useSandbox } from './http.ts';

const t = useSandbox();

/** Inserts clients straight into the database (fast), with distinct created_at seconds. */
function insertClients(count: number, make: (i: number) => Record<string, unknown> = () => ({})): void {
  for (let i = 1; i <= count; i++) {
    const row: Record<string, unknown> = { uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Client ${String(i).padStart(3, '0')}`, assigned_to: 1,
      created_at: `2025-01-01 00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, ...make(i) };
    row.updated_at ??= row.created_at;
    const columns = Object.keys(row);
    t.sandbox.query(`INSERT INTO clients (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => row[c]));
  }
}

describe('pagination', () => {
  it('pages of 15 by default, newest first, with Laravel links and meta', async () => {
    insertClients(40);
    const reply = await t.as('admin').get('/api/clients');
    expect(reply.body.data).toHaveLength(15);
    expect(reply.body.data[0].name).toBe('Client 040');
    const base = `${t.url}/api/clients`;
    expect(reply.body.links).toEqual({ first: `${base}?page=1`, last: `${base}?page=3`, prev: null, next: `${base}?page=2` });
    const { links, ...meta } = reply.body.meta;
    expect(meta).toEqual({ current_page: 1, from: 1, last_page: 3, path: base, per_page: 15, to: 15, total: 40 });
    expect(links).toEqual([
      { url: null, label: '&laquo; Previous', page: null, active: false },
      { url: `${base}?page=1`, label: '1', page: 1, active: true },
      { url: `${base}?page=2`, label: '2', page: 2, active: false },
      { url: `${base}?page=3`, label: '3', page: 3, active: false },
      { url: `${base}?page=2`, label: 'Next &raquo;', page: 2, active: false },
    ]);
  });

  it('caps per_page at 100 and selects pages with page=N', async () => {
    insertClients(130);
    const capped = await t.as('admin').get('/api/clients?per_page=500');
    expect(capped.body.data).toHaveLength(100);
    expect(capped.body.meta).toMatchObject({ per_page: 100, last_page: 2, total: 130 });
    const second = await t.as('admin').get('/api/clients?per_page=50&page=3');
    // A per_page from the query string is printed as Laravel keeps it: the string.
    expect(second.body.meta).toMatchObject({ current_page: 3, from: 101, to: 130, per_page: 50, last_page: 3 });
    expect(second.body.links.next).toBeNull();
    expect(second.body.links.prev).toBe(`${t.url}/api/clients?page=2`);
    const beyond = await t.as('admin').get('/api/clients?page=20');
    expect(beyond.body).toMatchObject({ data: [], meta: { current_page: 20, from: null, to: null, last_page: 9 } });
  });

  it('walking every page with page=N (ids tie-break equal timestamps) sees each record exactly once', async () => {
    insertClients(95, () => ({ created_at: '2025-01-01 00:00:00', updated_at: '2025-01-01 00:00:00' }));
    const seen: number[] = [];
    for (let page = 1; ; page++) {
      const reply = await t.as('admin').get(`/api/clients?per_page=20&page=${page}`);
      seen.push(...reply.body.data.map((c: any) => c.id));
      if (reply.body.links.next === null) break;
    }
    expect(seen).toHaveLength(95);
    expect(new Set(seen).size).toBe(95);
  });

  it('like Pivor, page links carry only page= (per_page and filters are not kept)', async () => {
    insertClients(30);
    const reply = await t.as('admin').get('/api/clients?per_page=10&filter[search]=Client');
    expect(reply.body.links.next).toBe(`${t.url}/api/clients?page=2`);
  });

  it('with pageLinks "with-query", page links keep the query string', async () => {
    const sandbox = await startSandbox({ pageLinks: 'with-query' });
    try {
      const login = await call(sandbox.url, 'POST', '/api/tokens/create', { body: { email: 'admin@pivor.dev', password: 'password' } });
      for (let i = 0; i < 3; i++) await call(sandbox.url, 'POST', '/api/clients', { token: login.body.token, body: { name: `C${i}` } });
      const reply = await call(sandbox.url, 'GET', '/api/clients?per_page=1&filter[search]=C', { token: login.body.token });
      expect(reply.body.links.next).toBe(`${sandbox.url}/api/clients?per_page=1&filter%5Bsearch%5D=C&page=2`);
    } finally {
      await sandbox.close();
    }
  });

  it('shows a "..." window when there are many pages', async () => {
    insertClients(40);
    const reply = await t.as('admin').get('/api/clients?per_page=2&page=10');
    expect(reply.body.meta.links.map((l: any) => l.label)).toEqual(['&laquo; Previous', '1', '2', '...', '7', '8', '9', '10', '11', '12', '13', '...', '19', '20', 'Next &raquo;']);
  });
});

describe('sort', () => {
  it('sorts by an allowed field, descending with a leading -', async () => {
    insertClients(3, (i) => ({ name: ['Beta', 'alpha', 'Gamma'][i - 1], status: ['prospect', 'active', 'inactive'][i - 1] }));
    const names = async (query: string) => (await t.as('admin').get(`/api/clients?${query}`)).body.data.map((c: any) => c.name);
    expect(await names('sort=name')).toEqual(['Beta', 'Gamma', 'alpha']); // SQLite's binary collation, as Pivor on SQLite
    expect(await names('sort=-name')).toEqual(['alpha', 'Gamma', 'Beta']);
    expect(await names('sort=status')).toEqual(['alpha', 'Gamma', 'Beta']);
    expect(await names('')).toEqual(['Gamma', 'alpha', 'Beta']); // default -created_at
    expect(await names('sort=email')).toEqual(['Beta', 'alpha', 'Gamma']); // not allowed: no ordering (id)
  });
});

describe('sort, every allowed field of every resource', () => {
  it.each(['clients', 'contacts', 'communications'] as const)('%s: each allowed field sorts both ways, ties by id as SQLite orders them on Pivor', async (resource) => {
    await t.as('admin').post('/api/clients', { name: 'Zeta', status: 'active', type: 'individual' });
    await t.as('admin').post('/api/clients', { name: 'Alpha' });
    await t.as('admin').post('/api/contacts', { first_name: 'Zoe', last_name: 'Adams', status: 'inactive' });
    await t.as('admin').post('/api/contacts', { first_name: 'Adam', last_name: 'Young' });
    await t.as('admin').post('/api/communications', { type: 'task', subject: 'Zebra', priority: 'urgent', status: 'pending', due_at: '2025-01-02' });
    await t.as('admin').post('/api/communications', { type: 'email', subject: 'Apple', priority: 'low', due_at: '2025-03-01' });
    for (const field of getResource(resource).sorts) {
      for (const direction of ['', '-']) {
        const ids = (await t.as('admin').get(`/api/${resource}?sort=${direction}${field}`)).body.data.map((r: any) => r.id);
        const order = direction === '-' ? 'DESC' : 'ASC';
        // Descending on an indexed column SQLite walks the index backwards: ties by descending id; else ascending.
        const ties = direction === '-' && (indexed[resource] as readonly string[]).includes(field) ? 'DESC' : 'ASC';
        const expected = t.sandbox.query(`SELECT id FROM ${resource} ORDER BY "${field}" ${order}, id ${ties}`).map((r) => r.id);
        expect(ids, `${direction}${field}`).toEqual(expected);
      }
    }
  });
});

const indexed = {
  clients: ['status', 'type', 'assigned_to', 'created_at'],
  contacts: ['client_id', 'status', 'assigned_to', 'first_name', 'email'],
  communications: ['assigned_to', 'client_id', 'contact_id', 'created_at', 'created_by', 'due_at', 'status', 'type'],
} as const satisfies Record<string, readonly string[]>;

describe('filters', () => {
  it('clients: search on name, trading name and email; status; type', async () => {
    insertClients(4, (i) => [
      { name: 'Acme Corp', trading_name: 'Acme', status: 'active' },
      { name: 'Bright Futures Ltd', email: 'hello@acme-partners.example', status: 'prospect' },
      { name: 'Jane Smith', type: 'individual', status: 'active' },
      { name: 'Delta', trading_name: 'ACME Delta', status: 'inactive' },
    ][i - 1]!);
    const names = async (query: string) => (await t.as('admin').get(`/api/clients?sort=name&${query}`)).body.data.map((c: any) => c.name);
    expect(await names('filter[search]=acme')).toEqual(['Acme Corp', 'Bright Futures Ltd', 'Delta']);
    expect(await names('filter[status]=active')).toEqual(['Acme Corp', 'Jane Smith']);
    expect(await names('filter[type]=individual')).toEqual(['Jane Smith']);
    expect(await names('filter[search]=acme&filter[status]=inactive')).toEqual(['Delta']);
    expect(await names('filter[status]=')).toHaveLength(4);
  });

  it('contacts: search, client_id, status, is_primary', async () => {
    const acme = (await t.as('admin').post('/api/clients', { name: 'Acme Corp' })).body.data.id;
    await t.as('admin').post('/api/contacts', { first_name: 'John', last_name: 'Doe', email: 'john@acme.com', client_id: acme, is_primary_contact: true });
    await t.as('admin').post('/api/contacts', { first_name: 'Sara', last_name: 'Johnson', client_id: acme, status: 'inactive' });
    await t.as('admin').post('/api/contacts', { first_name: 'Li', last_name: 'Wei' });
    const names = async (query: string) => (await t.as('admin').get(`/api/contacts?sort=first_name&${query}`)).body.data.map((c: any) => c.first_name);
    expect(await names('filter[search]=john')).toEqual(['John', 'Sara']);
    expect(await names(`filter[client_id]=${acme}`)).toEqual(['John', 'Sara']);
    expect(await names('filter[status]=inactive')).toEqual(['Sara']);
    expect(await names('filter[is_primary]=true')).toEqual(['John']);
    expect(await names('filter[is_primary]=0')).toEqual(['Li', 'Sara']);
  });

  it('communications: search on subject and content, type, status, client_id, contact_id, priority, direction', async () => {
    const acme = (await t.as('admin').post('/api/clients', { name: 'Acme Corp' })).body.data.id;
    const john = (await t.as('admin').post('/api/contacts', { first_name: 'John', last_name: 'Doe', client_id: acme })).body.data.id;
    await t.as('admin').post('/api/communications', { type: 'phone', subject: 'Intro call', direction: 'outbound', client_id: acme, contact_id: john, priority: 'high' });
    await t.as('admin').post('/api/communications', { type: 'task', subject: 'Send contract', content: 'Renewal terms', status: 'pending' });
    await t.as('admin').post('/api/communications', { type: 'note', subject: 'Renewal', client_id: acme });
    const subjects = async (query: string) => (await t.as('admin').get(`/api/communications?sort=subject&${query}`)).body.data.map((c: any) => c.subject);
    expect(await subjects('filter[search]=renewal')).toEqual(['Renewal', 'Send contract']);
    expect(await subjects('filter[type]=task')).toEqual(['Send contract']);
    expect(await subjects('filter[status]=pending')).toEqual(['Send contract']);
    expect(await subjects(`filter[client_id]=${acme}`)).toEqual(['Intro call', 'Renewal']);
    expect(await subjects(`filter[contact_id]=${john}`)).toEqual(['Intro call']);
    expect(await subjects('filter[priority]=high')).toEqual(['Intro call']);
    expect(await subjects('filter[direction]=outbound')).toEqual(['Intro call']);
  });
});

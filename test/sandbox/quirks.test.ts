// Contract: where the API and the database disagree (pivor-api.md, the quirks table). A value the API
// accepts but the database's enum check refuses is a 500 and nothing is stored.
import { describe, expect, it } from 'vitest';
import { call, useSandbox } from './http.ts';

const t = useSandbox();
const count = (table: string) => Number(t.sandbox.query(`SELECT COUNT(*) AS n FROM ${table}`)[0]!.n);

describe('clients.type', () => {
  it.each(['government', 'non_profit'])('%s passes validation but fails the database check: 500 Server Error', async (type) => {
    const reply = await t.as('admin').post('/api/clients', { name: 'Agency', type });
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({ message: 'Server Error' });
    expect(count('clients')).toBe(0);
  });

  it('organisation is refused by validation: 422', async () => {
    const reply = await t.as('admin').post('/api/clients', { name: 'Open Data Society', type: 'organisation' });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual({ type: ['The selected type is invalid.'] });
  });

  it('company and individual can be written', async () => {
    for (const type of ['company', 'individual']) expect((await t.as('admin').post('/api/clients', { name: type, type })).status).toBe(201);
  });

  it('government on update is a 500 too, and the row keeps its type', async () => {
    const id = (await t.as('admin').post('/api/clients', { name: 'Agency' })).body.data.id;
    expect((await t.as('admin').put(`/api/clients/${id}`, { type: 'government' })).status).toBe(500);
    expect(t.sandbox.query('SELECT type FROM clients')).toEqual([{ type: 'company' }]);
  });
});

describe('status archived', () => {
  it('clients: archived → 422', async () => {
    const reply = await t.as('admin').post('/api/clients', { name: 'Old Co', status: 'archived' });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual({ status: ['The selected status is invalid.'] });
  });

  it('contacts: archived → 422', async () => {
    const reply = await t.as('admin').post('/api/contacts', { first_name: 'Old', last_name: 'Contact', status: 'archived' });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual({ status: ['The selected status is invalid.'] });
  });
});

describe('communications.priority', () => {
  it('medium is stored: on SQLite the communications table has no check constraints (201)', async () => {
    const reply = await t.as('admin').post('/api/communications', { type: 'task', subject: 'Send contract', priority: 'medium' });
    expect(reply.status).toBe(201);
    expect(reply.body.data.priority).toBe('medium');
    expect(t.sandbox.query('SELECT priority FROM communications')).toEqual([{ priority: 'medium' }]);
  });

  it('normal is refused by validation: 422', async () => {
    const reply = await t.as('admin').post('/api/communications', { type: 'task', subject: 'Send contract', priority: 'normal' });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual({ priority: ['The selected priority is invalid.'] });
  });

  it('left out, it is normal', async () => {
    const id = (await t.as('admin').post('/api/communications', { type: 'task', subject: 'Send contract' })).body.data.id;
    expect((await t.as('admin').get(`/api/communications/${id}`)).body.data.priority).toBe('normal');
  });

  it('low, high and urgent can be written', async () => {
    for (const priority of ['low', 'high', 'urgent']) {
      expect((await t.as('admin').post('/api/communications', { type: 'task', subject: priority, priority })).status).toBe(201);
    }
  });
});

describe('null for a column with a database default', () => {
  it('an empty status is null after the middleware, passes `nullable`, and the NOT NULL column refuses it: 500', async () => {
    const reply = await t.as('admin').post('/api/clients', { name: 'Blank Status', status: '' });
    expect(reply.status).toBe(500);
    expect(count('clients')).toBe(0);
  });
});

describe('the initials bug: PHP takes the first byte of each name', () => {
  it('a first or last name starting outside ASCII is saved, answers 500, and so does every reply holding it', async () => {
    const admin = t.as('admin');
    const client = (await admin.post('/api/clients', { name: 'Home' })).body.data.id;
    await admin.post('/api/contacts', { first_name: 'Ann', last_name: 'Ok', client_id: client });
    const created = await admin.post('/api/contacts', { first_name: 'Émile', last_name: 'Zola', client_id: client });
    expect(created.status).toBe(500);
    expect(created.text).toBe('{\n    "message": "Server Error"\n}');
    expect(t.sandbox.query('SELECT first_name FROM contacts ORDER BY id')).toEqual([{ first_name: 'Ann' }, { first_name: 'Émile' }]);
    for (const path of ['/api/contacts/2', '/api/contacts', `/api/clients/${client}`]) expect((await admin.get(path)).status, path).toBe(500);
    expect((await admin.get('/api/contacts?sort=first_name&per_page=1')).status).toBe(200);
    expect((await admin.put('/api/contacts/1', { last_name: 'Łukasz' })).status).toBe(500);
  });

  it('initials are ASCII upper case; a name "0" gives none (PHP treats "0" as false)', async () => {
    const reply = await t.as('admin').post('/api/contacts', { first_name: 'ada', last_name: '0' });
    expect(reply.body.data.initials).toBe('A');
  });
});

describe('JSON and HTTP as Laravel writes them', () => {
  it('escapes / and every character outside ASCII; 404, 405 and 500 bodies are pretty-printed', async () => {
    const reply = await t.as('admin').post('/api/clients', { name: 'Acme / Söhne', website: 'https://acme.example/a' });
    expect(reply.text).toContain('"name":"Acme \\/ S\\u00f6hne"');
    expect(reply.text).toContain('"website":"https:\\/\\/acme.example\\/a"');
    expect((await t.as('admin').get('/api/clients/999')).text).toBe('{\n    "message": "No query results for model [App\\\\Modules\\\\Clients\\\\Models\\\\Client] 999"\n}');
    expect((await t.as('admin').delete('/api/clients')).text).toBe('{\n    "message": "The DELETE method is not supported for route api/clients. Supported methods: GET, HEAD, POST."\n}');
  });

  it('every API answer has Access-Control-Allow-Origin: *; a plain OPTIONS lists the methods', async () => {
    expect((await call(t.url, 'GET', '/api/clients')).headers.get('access-control-allow-origin')).toBe('*');
    const options = await call(t.url, 'OPTIONS', '/api/clients');
    expect(options.status).toBe(200);
    expect(Object.fromEntries(['allow', 'vary', 'access-control-allow-origin'].map((h) => [h, options.headers.get(h)])))
      .toEqual({ allow: 'GET,HEAD,POST', vary: 'Access-Control-Request-Method', 'access-control-allow-origin': '*' });
  });

  it('a negative per_page is a 500 once the list has rows', async () => {
    expect((await t.as('admin').get('/api/clients?per_page=-1')).body.meta.per_page).toBe(-1);
    await t.as('admin').post('/api/clients', { name: 'One' });
    expect((await t.as('admin').get('/api/clients?per_page=-1')).status).toBe(500);
  });
});

describe('hostile input', () => {
  it('?__proto__[status]=x is a key like any other: nothing leaks into other objects, lists stay whole', async () => {
    await t.as('admin').post('/api/clients', { name: 'Still here' });
    expect((await call(t.url, 'GET', '/api/clients?__proto__[status]=x')).status).toBe(401);
    expect((await t.as('admin').get('/api/clients?__proto__[status]=x&filter[__proto__][status]=x')).body.meta.total).toBe(1);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect((await t.as('admin').get('/api/clients')).body.data.map((c: any) => c.name)).toEqual(['Still here']);
  });

  it('JSON nested 100,000 deep is read as no input, as json_decode does: 401 without a token, 422 with one', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect((await call(t.url, 'POST', '/api/clients', { body: deep })).status).toBe(401);
    const reply = await call(t.url, 'POST', '/api/clients', { body: deep, token: await t.login('admin') });
    expect(reply).toMatchObject({ status: 422, body: { errors: { name: ['The name field is required.'] } } });
  });
});

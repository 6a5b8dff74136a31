// Contract: where the API and the database disagree (pivor-api.md, the quirks table). A value the API
// accepts but the database's enum check refuses is a 500 and nothing is stored.
import { describe, expect, it } from 'vitest';
import { useSandbox } from './http.ts';

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
  it('medium passes validation but fails the database check: 500', async () => {
    const reply = await t.as('admin').post('/api/communications', { type: 'task', subject: 'Send contract', priority: 'medium' });
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({ message: 'Server Error' });
    expect(count('communications')).toBe(0);
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

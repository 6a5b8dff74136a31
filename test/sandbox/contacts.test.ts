// Contract: /api/contacts CRUD, read shape (full_name, initials, client), defaults and the primary-contact hook.
import { describe, expect, it } from 'vitest';
import { useSandbox } from './http.ts';

const t = useSandbox();

async function client(name = 'Acme Corp', extra: Record<string, unknown> = {}): Promise<number> {
  return (await t.as('admin').post('/api/clients', { name, ...extra })).body.data.id;
}

describe('contacts CRUD', () => {
  it('creates a contact with its messages, read shape and database defaults', async () => {
    const acme = await client();
    const created = await t.as('admin').post('/api/contacts', { first_name: 'John', last_name: 'Doe', email: 'john@acme.com', client_id: acme, city: 'New York' });
    expect(created.status).toBe(201);
    expect(created.body.message).toBe('Contact created successfully.');
    expect(created.body.data).toMatchObject({ first_name: 'John', last_name: 'Doe', full_name: 'John Doe', initials: 'JD', client_id: acme, assigned_to: 1 });
    expect(created.body.data.address).toEqual({ line_1: null, line_2: null, city: 'New York', county: null, postcode: null, country: null, full: 'New York' });
    const shown = await t.as('admin').get(`/api/contacts/${created.body.data.id}`);
    expect(shown.body.data).toMatchObject({ status: 'active', is_primary_contact: false, communications: [] });
    expect(shown.body.data.client).toMatchObject({ id: acme, name: 'Acme Corp' });
  });

  it('embeds the client in the list, null when there is none', async () => {
    const acme = await client('Acme Corp', { trading_name: 'Acme' });
    await t.as('admin').post('/api/contacts', { first_name: 'John', last_name: 'Doe', client_id: acme });
    await t.as('admin').post('/api/contacts', { first_name: 'Li', last_name: 'Wei' });
    const list = await t.as('admin').get('/api/contacts?sort=first_name');
    expect(list.body.data.map((c: any) => [c.full_name, c.client?.display_name ?? null])).toEqual([['John Doe', 'Acme'], ['Li Wei', null]]);
  });

  it('updates partially and deletes softly, with the contact messages', async () => {
    const id = (await t.as('admin').post('/api/contacts', { first_name: 'Kim', last_name: 'Lee', status: 'active' })).body.data.id;
    const updated = await t.as('admin').patch(`/api/contacts/${id}`, { status: 'inactive', job_title: 'CFO' });
    expect(updated.body).toMatchObject({ message: 'Contact updated successfully.', data: { first_name: 'Kim', status: 'inactive', job_title: 'CFO' } });
    expect((await t.as('admin').delete(`/api/contacts/${id}`)).body).toEqual({ message: 'Contact deleted successfully.' });
    expect((await t.as('admin').get(`/api/contacts/${id}`)).body).toEqual({ message: `No query results for model [App\\Modules\\Contacts\\Models\\Contact] ${id}` });
  });

  it('refuses a client_id that does not exist', async () => {
    const reply = await t.as('admin').post('/api/contacts', { first_name: 'A', last_name: 'B', client_id: 999 });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual({ client_id: ['The selected client id is invalid.'] });
  });
});

describe('primary contact', () => {
  it('marking a contact primary demotes the other primaries of the same client only', async () => {
    const acme = await client('Acme Corp');
    const other = await client('Bright Futures Ltd');
    const john = (await t.as('admin').post('/api/contacts', { first_name: 'John', last_name: 'Doe', client_id: acme, is_primary_contact: true })).body.data.id;
    const priya = (await t.as('admin').post('/api/contacts', { first_name: 'Priya', last_name: 'Patel', client_id: other, is_primary_contact: '1' })).body.data.id;
    const sara = (await t.as('admin').post('/api/contacts', { first_name: 'Sara', last_name: 'Ng', client_id: acme, is_primary_contact: 1 })).body.data.id;
    const primary = () => t.sandbox.query('SELECT id, is_primary_contact AS p FROM contacts ORDER BY id');
    expect(primary()).toEqual([{ id: john, p: 0 }, { id: priya, p: 1 }, { id: sara, p: 1 }]);

    // On update as well: the last one marked wins.
    await t.as('admin').put(`/api/contacts/${john}`, { is_primary_contact: true });
    expect(primary()).toEqual([{ id: john, p: 1 }, { id: priya, p: 1 }, { id: sara, p: 0 }]);
    const filtered = await t.as('admin').get(`/api/contacts?filter[client_id]=${acme}&filter[is_primary]=1`);
    expect(filtered.body.data.map((c: any) => c.id)).toEqual([john]);
  });
});

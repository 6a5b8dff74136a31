// Contract: /api/clients CRUD, read shape, defaults and soft delete (pivor-api.md, "Resources", "Clients").
import { describe, expect, it } from 'vitest';
import { useSandbox } from './http.ts';

const t = useSandbox();
const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const acme = {
  name: 'Acme Corp', trading_name: 'Acme', type: 'company', status: 'active', email: 'contact@acme.com', phone: '+1234567890',
  website: 'https://acme.com', address_line_1: '123 Main St', address_line_2: 'Suite 100', city: 'New York', country: 'US',
  employee_count: 250, annual_revenue: 1234.5, notes: 'Important client',
};

describe('POST /api/clients', () => {
  it('creates a client: 201, message and the resource with the address nested', async () => {
    const reply = await t.as('admin').post('/api/clients', acme);
    expect(reply.status).toBe(201);
    expect(reply.body.message).toBe('Client created successfully.');
    const data = reply.body.data;
    expect(data).toMatchObject({
      name: 'Acme Corp', trading_name: 'Acme', display_name: 'Acme', type: 'company', status: 'active', website: 'https://acme.com',
      address: { line_1: '123 Main St', line_2: 'Suite 100', city: 'New York', county: null, postcode: null, country: 'US', full: '123 Main St, Suite 100, New York, US' },
      employee_count: 250, annual_revenue: '1234.50', notes: 'Important client', assigned_to: 1,
    });
    expect(data.id).toEqual(expect.any(Number));
    expect(data.uuid).toMatch(uuid);
    expect(data.created_at).toMatch(iso);
    expect(data.updated_at).toMatch(iso);
    expect(Object.keys(data)).toEqual([
      'id', 'uuid', 'name', 'trading_name', 'display_name', 'registration_number', 'vat_number', 'type', 'status', 'email', 'phone', 'website',
      'address', 'industry', 'employee_count', 'annual_revenue', 'notes', 'assigned_to', 'created_at', 'updated_at',
    ]);
    expect(t.sandbox.query('SELECT name, type, status FROM clients')).toEqual([{ name: 'Acme Corp', type: 'company', status: 'active' }]);
  });

  it('fills the database defaults (type company, status prospect) for fields left out', async () => {
    const created = await t.as('admin').post('/api/clients', { name: 'Defaults Ltd' });
    expect(created.status).toBe(201);
    const shown = await t.as('admin').get(`/api/clients/${created.body.data.id}`);
    expect(shown.body.data).toMatchObject({ type: 'company', status: 'prospect', display_name: 'Defaults Ltd' });
  });
});

describe('GET /api/clients/{id}', () => {
  it('returns the client with its contacts and communications arrays', async () => {
    const client = (await t.as('admin').post('/api/clients', { name: 'Acme Corp' })).body.data;
    await t.as('admin').post('/api/contacts', { first_name: 'John', last_name: 'Doe', client_id: client.id });
    await t.as('admin').post('/api/communications', { type: 'note', subject: 'Prefers email', client_id: client.id });
    const reply = await t.as('admin').get(`/api/clients/${client.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.data.contacts).toHaveLength(1);
    expect(reply.body.data.contacts[0]).toMatchObject({ full_name: 'John Doe', client_id: client.id });
    expect(reply.body.data.communications).toHaveLength(1);
    expect(reply.body.data.communications[0]).toMatchObject({ subject: 'Prefers email' });
  });

  it('answers an unknown id with 404 JSON naming the model', async () => {
    const reply = await t.as('admin').get('/api/clients/99');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ message: 'No query results for model [App\\Modules\\Clients\\Models\\Client] 99' });
  });
});

describe('PUT and PATCH /api/clients/{id}', () => {
  it('updates only the fields sent (PUT and PATCH alike)', async () => {
    const created = (await t.as('admin').post('/api/clients', acme)).body.data;
    const put = await t.as('admin').put(`/api/clients/${created.id}`, { status: 'inactive' });
    expect(put.status).toBe(200);
    expect(put.body.message).toBe('Client updated successfully.');
    expect(put.body.data).toMatchObject({ name: 'Acme Corp', status: 'inactive', trading_name: 'Acme' });
    const patch = await t.as('admin').patch(`/api/clients/${created.id}`, { trading_name: null, city: 'Boston' });
    expect(patch.body.data).toMatchObject({ display_name: 'Acme Corp', trading_name: null, address: expect.objectContaining({ city: 'Boston', line_1: '123 Main St' }) });
    const [row] = t.sandbox.query('SELECT status, trading_name, city, website FROM clients WHERE id = ?', [created.id]);
    expect(row).toEqual({ status: 'inactive', trading_name: null, city: 'Boston', website: 'https://acme.com' });
  });

  it('ignores assigned_to in the body of a client (it is not a client write field)', async () => {
    const created = (await t.as('admin').post('/api/clients', { name: 'Mine', assigned_to: 2 })).body.data;
    expect(created.assigned_to).toBe(1);
    await t.as('admin').put(`/api/clients/${created.id}`, { assigned_to: 2 });
    expect(t.sandbox.query('SELECT assigned_to FROM clients')).toEqual([{ assigned_to: 1 }]);
  });
});

describe('DELETE /api/clients/{id}', () => {
  it('soft-deletes: 200 with a message, then the row is gone from the API but kept in the database', async () => {
    const created = (await t.as('admin').post('/api/clients', { name: 'Gone Ltd' })).body.data;
    const reply = await t.as('admin').delete(`/api/clients/${created.id}`);
    expect(reply).toMatchObject({ status: 200, body: { message: 'Client deleted successfully.' } });
    expect((await t.as('admin').get(`/api/clients/${created.id}`)).status).toBe(404);
    expect((await t.as('admin').get('/api/clients')).body.meta.total).toBe(0);
    expect((await t.as('admin').put(`/api/clients/${created.id}`, { name: 'Back' })).status).toBe(404);
    const [row] = t.sandbox.query('SELECT deleted_at FROM clients WHERE id = ?', [created.id]);
    expect(row!.deleted_at).toEqual(expect.any(String));
  });
});

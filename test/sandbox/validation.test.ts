// Contract: Laravel-style validation errors (pivor-api.md, "Validation errors"), rules derived from the resource tables.
import { describe, expect, it } from 'vitest';
import { useSandbox } from './http.ts';

const t = useSandbox();

const clientErrors = async (body: Record<string, unknown>) => (await t.as('admin').post('/api/clients', { name: 'Acme Corp', ...body })).body;

describe('422 bodies', () => {
  it('summarizes as the first message plus "(and N more errors)", counting every other message', async () => {
    const reply = await t.as('admin').post('/api/contacts', { email: 'not-an-email', is_primary_contact: 'yes' });
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({
      message: 'The first name field is required. (and 3 more errors)',
      errors: {
        first_name: ['The first name field is required.'],
        last_name: ['The last name field is required.'],
        email: ['The email field must be a valid email address.'],
        is_primary_contact: ['The is primary contact field must be true or false.'],
      },
    });
  });

  it('says "(and 1 more error)" for exactly one other message, even on the same field', async () => {
    const body = await clientErrors({ email: `${'x'.repeat(250)} at acme.com` });
    expect(body).toEqual({
      message: 'The email field must be a valid email address. (and 1 more error)',
      errors: { email: ['The email field must be a valid email address.', 'The email field must not be greater than 255 characters.'] },
    });
  });

  it('has no suffix for a single error', async () => {
    expect((await clientErrors({ website: 'acme.com' })).message).toBe('The website field must be a valid URL.');
  });
});

describe('rules and messages', () => {
  it('required, with underscores shown as spaces', async () => {
    const body = (await t.as('admin').post('/api/contacts', { first_name: '   ', last_name: 'Doe' })).body;
    expect(body.errors).toEqual({ first_name: ['The first name field is required.'] });
  });

  it('max on strings', async () => {
    expect((await clientErrors({ name: 'x'.repeat(256) })).errors).toEqual({ name: ['The name field must not be greater than 255 characters.'] });
    expect((await t.as('admin').post('/api/clients', { name: 'x'.repeat(255) })).status).toBe(201);
    expect((await clientErrors({ postcode: '123456789012345678901' })).errors).toEqual({ postcode: ['The postcode field must not be greater than 20 characters.'] });
  });

  it('string', async () => {
    expect((await clientErrors({ notes: 42 })).errors).toEqual({ notes: ['The notes field must be a string.'] });
  });

  it('url needs a scheme', async () => {
    expect((await clientErrors({ website: 'acme.com' })).errors).toEqual({ website: ['The website field must be a valid URL.'] });
    expect((await t.as('admin').post('/api/clients', { name: 'Acme', website: 'https://acme.com' })).status).toBe(201);
    const contact = await t.as('admin').post('/api/contacts', { first_name: 'A', last_name: 'B', linkedin_url: 'linkedin.com/in/ab' });
    expect(contact.body.errors).toEqual({ linkedin_url: ['The linkedin url field must be a valid URL.'] });
  });

  it('in (enum.api from the resource table)', async () => {
    expect((await clientErrors({ status: 'lead' })).errors).toEqual({ status: ['The selected status is invalid.'] });
    const communication = await t.as('admin').post('/api/communications', { type: 'call', subject: 'Call back' });
    expect(communication.body.errors).toEqual({ type: ['The selected type is invalid.'] });
  });

  it('integer, numeric and min', async () => {
    expect((await clientErrors({ employee_count: 'ten' })).errors).toEqual({ employee_count: ['The employee count field must be an integer.'] });
    expect((await clientErrors({ employee_count: 2.5 })).errors).toEqual({ employee_count: ['The employee count field must be an integer.'] });
    expect((await clientErrors({ employee_count: -1 })).errors).toEqual({ employee_count: ['The employee count field must be at least 0.'] });
    expect((await clientErrors({ annual_revenue: '1,000' })).errors).toEqual({ annual_revenue: ['The annual revenue field must be a number.'] });
    expect((await clientErrors({ annual_revenue: -0.01 })).errors).toEqual({ annual_revenue: ['The annual revenue field must be at least 0.'] });
    const ok = await t.as('admin').post('/api/clients', { name: 'Numbers', employee_count: '12', annual_revenue: '1e3' });
    expect(ok.body.data).toMatchObject({ employee_count: 12, annual_revenue: '1000.00' });
  });

  it('boolean accepts true, false, 1, 0, "1", "0" and nothing else', async () => {
    for (const value of [true, false, 1, 0, '1', '0']) {
      expect((await t.as('admin').post('/api/contacts', { first_name: 'A', last_name: 'B', is_primary_contact: value })).status).toBe(201);
    }
    for (const value of ['yes', 'true', 2]) {
      const reply = await t.as('admin').post('/api/contacts', { first_name: 'A', last_name: 'B', is_primary_contact: value });
      expect(reply.body.errors).toEqual({ is_primary_contact: ['The is primary contact field must be true or false.'] });
    }
  });

  it('date is lenient like strtotime but wants a real calendar date', async () => {
    for (const due of ['2025-04-02 16:30', '2025-04-02', '2025-04-02T16:30:00Z', '2 April 2025', '04/02/2025']) {
      expect((await t.as('admin').post('/api/communications', { type: 'task', subject: 'Due', due_at: due })).status).toBe(201);
    }
    for (const due of ['tomorrow', '2025-02-30', '15/01/2025', 'soon']) {
      const reply = await t.as('admin').post('/api/communications', { type: 'task', subject: 'Due', due_at: due });
      expect(reply.body.errors).toEqual({ due_at: ['The due at field must be a valid date.'] });
    }
  });

  it('exists for client_id and contact_id', async () => {
    const reply = await t.as('admin').post('/api/communications', { type: 'note', subject: 'x', client_id: 7, contact_id: 'abc' });
    expect(reply.body.errors).toEqual({ client_id: ['The selected client id is invalid.'], contact_id: ['The selected contact id is invalid.'] });
  });
});

describe('input handling', () => {
  it('trims strings and treats empty strings as null (Laravel middleware)', async () => {
    const reply = await t.as('admin').post('/api/clients', { name: '  Acme Corp  ', trading_name: '', email: ' contact@acme.com ' });
    expect(reply.body.data).toMatchObject({ name: 'Acme Corp', trading_name: null, email: 'contact@acme.com' });
  });

  it('validates only the fields sent on update; a required field sent empty is still required', async () => {
    const id = (await t.as('admin').post('/api/clients', { name: 'Acme Corp' })).body.data.id;
    expect((await t.as('admin').put(`/api/clients/${id}`, { city: 'Paris' })).status).toBe(200);
    const emptied = await t.as('admin').put(`/api/clients/${id}`, { name: '' });
    expect(emptied.status).toBe(422);
    expect(emptied.body.errors).toEqual({ name: ['The name field is required.'] });
  });

  it('treats a body that is not JSON as empty', async () => {
    const token = await t.login('admin');
    const response = await fetch(`${t.url}/api/clients`, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{name:' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ message: 'The name field is required.', errors: { name: ['The name field is required.'] } });
  });

  it('redirects a validation failure back when JSON is not accepted (Laravel web behaviour)', async () => {
    const token = await t.login('admin');
    const response = await fetch(`${t.url}/api/clients`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, Referer: `${t.url}/clients/create` }, body: '{}' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${t.url}/clients/create`);
  });
});

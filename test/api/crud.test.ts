// Get, create, update, delete against the sandbox, and the errors each can meet: 403, 404, 422.
import { describe, expect, it } from 'vitest';
import { fieldErrorsToColumns } from '../../shared/api/index.ts';
import { failure, signIn, useSandbox } from './with-sandbox.ts';

describe('records', () => {
  const sandbox = useSandbox('users');

  it('creates, reads, updates partially and deletes a client', async () => {
    const client = await signIn(sandbox.current);
    const created = await client.create('clients', { name: 'Acme Corp', email: 'hello@acme.test', type: 'company', city: 'Leeds' });
    expect(created).toMatchObject({ name: 'Acme Corp', email: 'hello@acme.test', address: { city: 'Leeds' } });

    // The create answer lacks the database defaults (Laravel does not refresh the model); a read has them.
    const read = await client.get('clients', created.id);
    expect(read).toMatchObject({ id: created.id, name: 'Acme Corp', status: 'prospect', contacts: [] });

    const updated = await client.update('clients', created.id, { status: 'active' });
    expect(updated).toMatchObject({ id: created.id, name: 'Acme Corp', status: 'active', email: 'hello@acme.test' });

    await client.delete('clients', created.id);
    const error = await failure(client.get('clients', created.id));
    expect(error.kind).toBe('not-found');
    expect(error.status).toBe(404);
    expect(error.message).toBe(`Client ${created.id} was not found in Pivor: it may have been deleted, or the id is wrong.`);
  });

  it("refuses a user role someone else's record with the server's message", async () => {
    const admin = await signIn(sandbox.current, 'admin@pivor.dev');
    const user = await signIn(sandbox.current, 'user@pivor.dev');
    const record = await admin.create('clients', { name: 'Admin Only Ltd' });
    const error = await failure(user.update('clients', record.id, { name: 'Taken over' }));
    expect(error.kind).toBe('forbidden');
    expect(error.status).toBe(403);
    expect(error.message).toBe('You do not have access to this client.');
    await expect(admin.get('clients', record.id)).resolves.toMatchObject({ name: 'Admin Only Ltd' });
  });

  it('keeps 422 field errors and maps them back to the columns of the file', async () => {
    const client = await signIn(sandbox.current);
    const error = await failure(client.create('contacts', { first_name: 'Ada', last_name: '', email: 'not-an-email', client_id: 999_999 }));
    expect(error.kind).toBe('validation');
    expect(error.message).toBe('The last name field is required.');
    expect(error.fieldErrors).toEqual({
      last_name: ['The last name field is required.'],
      email: ['The email field must be a valid email address.'],
      client_id: ['The selected client id is invalid.'],
    });
    const columns = fieldErrorsToColumns(error.fieldErrors!, 'contacts', { first_name: 'First', last_name: 'Surname', email: 'E-mail', client_name: 'Company' });
    expect(columns).toEqual({
      Surname: ['The last name field is required.'],
      'E-mail': ['The email field must be a valid email address.'],
      Company: ['The selected client id is invalid.'],
    });
  });
});

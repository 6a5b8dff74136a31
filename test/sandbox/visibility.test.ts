// Contract: roles and visibility (pivor-api.md, "Visibility (roles)"): admin and manager see and change
// everything; a user only records assigned to them (communications: or created by them, by id; lists hold
// the assigned ones only, as on Pivor).
import { describe, expect, it } from 'vitest';
import { useSandbox, userIds } from './http.ts';

const t = useSandbox();

describe('clients and contacts', () => {
  it('are always assigned to their creator', async () => {
    const client = await t.as('user').post('/api/clients', { name: 'Sam Co', assigned_to: userIds.admin });
    expect(client.body.data.assigned_to).toBe(userIds.user);
    const contact = await t.as('manager').post('/api/contacts', { first_name: 'M', last_name: 'R', assigned_to: userIds.user });
    expect(contact.body.data.assigned_to).toBe(userIds.manager);
  });

  it('a user lists and reads only their own; admin and manager see all', async () => {
    await t.as('admin').post('/api/clients', { name: 'Admin Co' });
    await t.as('user').post('/api/clients', { name: 'Sam Co' });
    const names = async (role: 'admin' | 'manager' | 'user') => (await t.as(role).get('/api/clients?sort=name')).body.data.map((c: any) => c.name);
    expect(await names('admin')).toEqual(['Admin Co', 'Sam Co']);
    expect(await names('manager')).toEqual(['Admin Co', 'Sam Co']);
    expect(await names('user')).toEqual(['Sam Co']);
  });

  it.each([
    ['clients', { name: 'Admin Co' }, 'client'],
    ['contacts', { first_name: 'Ada', last_name: 'Admin' }, 'contact'],
  ])('a user gets 403 on show, update and delete of another user\'s %s', async (resource, body, singular) => {
    const id = (await t.as('admin').post(`/api/${resource}`, body)).body.data.id;
    const forbidden = { message: `You do not have access to this ${singular}.` };
    for (const reply of [
      await t.as('user').get(`/api/${resource}/${id}`),
      await t.as('user').put(`/api/${resource}/${id}`, { notes: 'mine now' }),
      await t.as('user').delete(`/api/${resource}/${id}`),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body).toEqual(forbidden);
    }
    expect(t.sandbox.query(`SELECT notes, deleted_at FROM ${resource}`)).toEqual([{ notes: null, deleted_at: null }]);
    // The manager may.
    expect((await t.as('manager').put(`/api/${resource}/${id}`, { notes: 'checked' })).status).toBe(200);
  });

  it('the 404 of an unknown id comes before the 403', async () => {
    expect((await t.as('user').get('/api/clients/12345')).status).toBe(404);
  });
});

describe('communications', () => {
  it('a user lists those assigned to them, and opens those created by them too', async () => {
    const mine = (await t.as('admin').post('/api/communications', { type: 'note', subject: 'Assigned to Sam', assigned_to: userIds.user })).body.data.id;
    const created = (await t.as('user').post('/api/communications', { type: 'note', subject: 'Created by Sam', assigned_to: userIds.manager })).body.data;
    const other = (await t.as('admin').post('/api/communications', { type: 'note', subject: 'Not for Sam' })).body.data.id;
    expect(created).toMatchObject({ created_by: userIds.user, assigned_to: userIds.manager });
    const list = await t.as('user').get('/api/communications?sort=subject');
    expect(list.body.data.map((c: any) => c.subject)).toEqual(['Assigned to Sam']);
    expect((await t.as('user').get(`/api/communications/${mine}`)).status).toBe(200);
    expect((await t.as('user').get(`/api/communications/${created.id}`)).status).toBe(200);
    const forbidden = await t.as('user').patch(`/api/communications/${other}`, { subject: 'Mine' });
    expect(forbidden).toMatchObject({ status: 403, body: { message: 'You do not have access to this communication.' } });
  });
});

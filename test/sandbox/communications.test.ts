// Contract: /api/communications CRUD, defaults, completed_at on update only, embedded client and contact,
// assigned_to and created_by, is_task and is_overdue, lenient dates.
import { describe, expect, it } from 'vitest';
import { useSandbox, userIds } from './http.ts';

const t = useSandbox();

describe('communications CRUD', () => {
  it('creates with the defaults direction internal, priority normal, status completed; completed_at is ignored on create', async () => {
    const created = await t.as('admin').post('/api/communications', { type: 'phone', subject: 'Intro call', completed_at: '2025-01-15 11:30' });
    expect(created.status).toBe(201);
    expect(created.body.message).toBe('Communication created successfully.');
    expect(created.body.data).toMatchObject({ type: 'phone', subject: 'Intro call', completed_at: null, is_task: false, is_overdue: false, created_by: 1, assigned_to: 1 });
    const shown = await t.as('admin').get(`/api/communications/${created.body.data.id}`);
    expect(shown.body.data).toMatchObject({
      direction: 'internal', priority: 'normal', status: 'completed', completed_at: null, client: null, contact: null,
      created_by_user: { id: 1, name: 'Admin' }, assigned_user: { id: 1, name: 'Admin' },
    });
  });

  it('accepts completed_at on update, and reads dates as ISO 8601 UTC', async () => {
    const id = (await t.as('admin').post('/api/communications', { type: 'task', subject: 'Send contract', due_at: '2025-02-01 09:00', status: 'pending' })).body.data.id;
    const updated = await t.as('admin').put(`/api/communications/${id}`, { status: 'completed', completed_at: '2025-02-01T10:15:00Z' });
    expect(updated.body).toMatchObject({ message: 'Communication updated successfully.', data: { status: 'completed', completed_at: '2025-02-01T10:15:00+00:00', due_at: '2025-02-01T09:00:00+00:00', is_task: true, is_overdue: false } });
    expect((await t.as('admin').delete(`/api/communications/${id}`)).body).toEqual({ message: 'Communication deleted successfully.' });
  });

  it('embeds client and contact in the list and flags overdue tasks', async () => {
    const client = (await t.as('admin').post('/api/clients', { name: 'Acme Corp' })).body.data.id;
    const contact = (await t.as('admin').post('/api/contacts', { first_name: 'John', last_name: 'Doe', client_id: client })).body.data.id;
    await t.as('admin').post('/api/communications', { type: 'task', subject: 'Overdue', due_at: '2020-01-01', status: 'pending', client_id: client, contact_id: contact });
    const list = await t.as('admin').get('/api/communications');
    const [item] = list.body.data;
    expect(item).toMatchObject({ subject: 'Overdue', is_overdue: true, client: { id: client, name: 'Acme Corp' }, contact: { id: contact, full_name: 'John Doe' } });
  });

  it('takes assigned_to from the body when it names a user, and refuses one that does not exist', async () => {
    const assigned = await t.as('admin').post('/api/communications', { type: 'note', subject: 'For Sam', assigned_to: userIds.user });
    expect(assigned.body.data).toMatchObject({ assigned_to: userIds.user, created_by: userIds.admin });
    const missing = await t.as('admin').post('/api/communications', { type: 'note', subject: 'Nobody', assigned_to: 42 });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual({ assigned_to: ['The selected assigned to is invalid.'] });
  });

  it('stores a date as written: the wall-clock time is kept and an offset is dropped, as Laravel does', async () => {
    const id = (await t.as('admin').post('/api/communications', { type: 'meeting', subject: 'Review', due_at: '2025-03-31T14:00:00+02:00' })).body.data.id;
    expect(t.sandbox.query('SELECT due_at FROM communications WHERE id = ?', [id])).toEqual([{ due_at: '2025-03-31 14:00:00' }]);
    const american = (await t.as('admin').post('/api/communications', { type: 'meeting', subject: 'Review', due_at: '04/02/2025' })).body.data;
    expect(american.due_at).toBe('2025-04-02T00:00:00+00:00');
  });
});

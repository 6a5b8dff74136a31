// Pivor's own server errors the push explains: priority medium on a server whose database refuses it (a MySQL or
// PostgreSQL install, as a proxy in front of the sandbox), a contact name sent anyway that Pivor saves and then
// fails on (its initials bug, as a proxy), and the null columns of a create's answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../shared/csv/index.ts';
import { withCreateDefaults } from '../../shared/api/create-defaults.ts';
import { executePlan, memoryJournalStore, preparePush } from '../../shared/push/index.ts';
import { RefusedValues } from '../../shared/push/server-refusals.ts';
import { initialsBugProxy } from '../helpers/initials-bug-proxy.ts';
import { strictDatabaseProxy, type StrictProxy } from '../helpers/strict-database-proxy.ts';
import { openSession, routeCount, signIn, type Session } from './sandbox-session.ts';

let s: Session;
let strict: StrictProxy;
beforeAll(async () => {
  s = await openSession();
  strict = await strictDatabaseProxy(s.sandbox.url);
});
afterAll(async () => {
  await strict?.close();
  await s?.close();
});

const subjects = () => s.sandbox.query('SELECT subject, priority FROM communications WHERE deleted_at IS NULL ORDER BY id').map((r) => `${String(r.subject)}:${String(r.priority)}`);

describe('priority medium', () => {
  it('is sent like any other priority to a server that stores it', async () => {
    const csv = writeCsv(['type', 'subject', 'priority'], [['note', 'Stored medium', 'medium']]);
    const { plan } = await preparePush(s.client, { resource: 'communications', input: csv }, { matchBy: 'id' });
    expect(plan.actions[0]).toMatchObject({ kind: 'create', body: { priority: 'medium' } });
    const result = await executePlan(s.client, plan);
    expect(result.results[0]).toMatchObject({ outcome: 'created', record: expect.objectContaining({ priority: 'medium' }) });
    expect(subjects()).toContain('Stored medium:medium');
  });

  it('refused by the database: that row fails with the reason, later medium rows fail unsent, the others go through', async () => {
    const client = await signIn(strict.url, 1);
    const rows = [['Low one', 'low'], ['First medium', 'medium'], ['High one', 'high'], ['Second medium', 'Medium'], ['No priority', '']];
    const csv = writeCsv(['type', 'subject', 'priority'], rows.map(([subject, priority]) => ['task', subject!, priority!]));
    const { plan } = await preparePush(client, { resource: 'communications', input: csv }, { matchBy: 'id' });
    expect(plan.counts.create).toBe(5);
    const result = await executePlan(client, plan, { concurrency: 1, journal: memoryJournalStore(), journalKey: 'medium' });

    expect(result.results.map((r) => r.outcome)).toEqual(['created', 'failed', 'created', 'failed', 'created']);
    expect(result.results.map((r) => r.column)).toEqual([undefined, 'priority', undefined, 'priority', undefined]);
    expect(result.results[1]!.message).toBe(
      'Pivor answered with a server error (500) to priority "medium". Its API accepts that value, but a Pivor installed on MySQL or '
      + 'PostgreSQL cannot store it (that database allows low, normal, high or urgent), so this push sends no more rows with it. '
      + 'Change it to low, high or urgent (or leave it empty for normal) and push the row again.',
    );
    expect(result.results[3]!.message).toMatch(/^not sent: this Pivor's database refused priority "medium" \(row 3 got a server error for it\)\. Change it to low, high or urgent/);
    expect(result.stopped).toBeUndefined();
    // One refused request: the first medium row was looked up (absent), not sent again; the second never sent.
    expect(strict.refused).toBe(1);
    expect(subjects().filter((x) => !x.startsWith('Stored'))).toEqual(['Low one:low', 'High one:high', 'No priority:normal']);
  });

  it('refusals carried from an earlier step of the push (a Sheets slice) keep medium rows unsent', async () => {
    const client = await signIn(strict.url, 1);
    const csv = writeCsv(['type', 'subject', 'priority'], [['task', 'Later medium', 'medium']]);
    const { plan } = await preparePush(client, { resource: 'communications', input: csv }, { matchBy: 'id' });
    const refused = RefusedValues.from('communications', [{ field: 'priority', value: 'medium', row: 7 }]);
    const before = strict.refused;
    const result = await executePlan(client, plan, { refused });
    expect(result.results[0]).toMatchObject({ outcome: 'failed', column: 'priority' });
    expect(result.results[0]!.message).toContain('(row 7 got a server error for it)');
    expect(strict.refused).toBe(before);
    expect(refused.entries()).toEqual([{ field: 'priority', value: 'medium', row: 7 }]);
  });

  it('an update to medium refused by the database fails with the reason', async () => {
    const client = await signIn(strict.url, 1);
    const id = (await client.create('communications', { type: 'note', subject: 'To raise' })).id;
    const csv = writeCsv(['id', 'type', 'subject', 'priority'], [[String(id), 'note', 'To raise', 'medium']]);
    const { plan } = await preparePush(client, { resource: 'communications', input: csv }, { matchBy: 'id' });
    expect(plan.actions[0]).toMatchObject({ kind: 'update', body: { priority: 'medium' } });
    const result = await executePlan(client, plan, { concurrency: 1 });
    expect(result.results[0]).toMatchObject({ outcome: 'failed', id });
    expect(result.results[0]!.message).toContain('a Pivor installed on MySQL or PostgreSQL cannot store it');
  });
});

describe('a contact name sent anyway', () => {
  it('ends created with what Pivor did, stays pending in the journal, and a re-run sends nothing', async () => {
    const proxy = await initialsBugProxy(s.sandbox.url);
    try {
      const client = await signIn(proxy.url, 1);
      const csv = writeCsv(['first_name', 'last_name', 'email'], [['Émile', 'Zola', 'emile@anyway.example']]);
      const check = { sendNonAsciiInitials: true };
      const { plan } = await preparePush(client, { resource: 'contacts', input: csv }, { matchBy: 'none', check });
      const journal = memoryJournalStore();
      const posts = () => routeCount(s.sandbox, 'POST /api/contacts');
      const before = posts();
      const result = await executePlan(client, plan, { journal, journalKey: 'anyway' });
      expect(result.results[0]).toMatchObject({ outcome: 'created' });
      expect(result.results[0]!.id).toBeUndefined();
      expect(result.results[0]!.message).toContain('"Émile" starts with a character outside ASCII');
      expect(posts() - before).toBe(1);
      expect(s.sandbox.query("SELECT first_name FROM contacts WHERE email = 'emile@anyway.example'")).toEqual([{ first_name: 'Émile' }]);

      const again = await executePlan(client, plan, { journal, journalKey: 'anyway', maxRecoveryRounds: 0 });
      expect(again.results[0]).toMatchObject({ outcome: 'failed' });
      expect(posts() - before).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});

describe("a create's answer", () => {
  it('has the database defaults where Pivor answers null, and nothing else changed', () => {
    // As real Pivor answers POST /api/communications {"type": "note", "subject": "S"}
    const answered = { id: 1, type: 'note', direction: null, subject: 'S', content: null, priority: null, status: null, due_at: null, is_task: false };
    expect(withCreateDefaults('communications', answered)).toEqual({ ...answered, direction: 'internal', priority: 'normal', status: 'completed' });
    expect(withCreateDefaults('clients', { id: 2, name: 'Acme', type: null, status: null, email: null })).toEqual({ id: 2, name: 'Acme', type: 'company', status: 'prospect', email: null });
    expect(withCreateDefaults('contacts', { id: 3, is_primary_contact: null, status: null })).toEqual({ id: 3, is_primary_contact: false, status: 'active' });
    const full = { id: 4, type: 'individual', status: 'active' };
    expect(withCreateDefaults('clients', full)).toBe(full);
  });
});

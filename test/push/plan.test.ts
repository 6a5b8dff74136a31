// Planning against the sandbox's records: create, update with only the changed fields, unchanged, delete on request,
// the match keys (id, email, name, none), second matches of one record, and a dry run that sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../shared/csv/index.ts';
import { executePlan, planPush, preparePush, type PlannedAction } from '../../shared/push/index.ts';
import { checkCsv } from '../../shared/validate/index.ts';
import { openSession, type Session } from './sandbox-session.ts';

let s: Session;
let acme: number;
let jane: number;
let ann: number;

beforeAll(async () => {
  s = await openSession();
  acme = (await s.client.create('clients', { name: 'Acme Corp', email: 'contact@acme.com', city: 'New York', annual_revenue: 1000 })).id;
  jane = (await s.client.create('clients', { name: 'Jane Smith', type: 'individual' })).id;
  ann = (await s.client.create('contacts', { first_name: 'Ann', last_name: 'Lee', email: 'ann@acme.com', client_id: acme, job_title: 'CEO' })).id;
});
afterAll(() => s?.close());

const kinds = (actions: readonly PlannedAction[]) => actions.map((a) => `${a.row ?? '-'}:${a.kind}`);

describe('planChanges against the server', () => {
  it('updates only the fields that differ, compares nested and numeric values, and leaves equal rows unchanged', async () => {
    const csv = writeCsv(['id', 'name', 'email', 'city', 'annual_revenue', 'type'], [
      [String(acme), 'Acme Corp', 'CONTACT@acme.com', 'Boston', '1000.00', ''],
      [String(jane), 'Jane Smith', '', '', '', 'individual'],
    ]);
    const report = checkCsv(csv, 'clients');
    const plan = await planPush(s.client, report, { matchBy: 'id' });
    expect(kinds(plan.actions)).toEqual(['2:update', '3:unchanged']);
    // address.city on read, city on write; 1000.00 equals 1000; an email differing only in case is the same.
    expect(plan.actions[0]).toMatchObject({ kind: 'update', id: acme, body: { city: 'Boston' }, changes: [{ field: 'city', from: 'New York', to: 'Boston' }] });

    const result = await executePlan(s.client, plan);
    expect(result.results).toEqual([
      { row: 2, outcome: 'updated', id: acme, record: expect.objectContaining({ id: acme, address: expect.objectContaining({ city: 'Boston' }) }) },
      { row: 3, outcome: 'unchanged', id: jane },
    ]);
    expect((await s.client.get('clients', acme)).address).toMatchObject({ city: 'Boston' });
    // Pushed again: nothing left to send.
    expect((await planPush(s.client, report, { matchBy: 'id' })).counts).toMatchObject({ update: 0, unchanged: 2 });
  });

  it('empty cells keep the server value by default and clear it when asked', async () => {
    const csv = writeCsv(['id', 'name', 'city'], [[String(acme), 'Acme Corp', '']]);
    const report = checkCsv(csv, 'clients');
    expect((await planPush(s.client, report, { matchBy: 'id' })).actions[0]).toMatchObject({ kind: 'unchanged' });
    expect((await planPush(s.client, report, { matchBy: 'id', emptyCells: 'clear' })).actions[0]).toMatchObject({
      kind: 'update', body: { city: null },
    });
  });

  it('matches by email (contacts), by name (clients), or by nothing, holding back rows that look like existing records', async () => {
    const contacts = writeCsv(['first_name', 'last_name', 'email', 'job_title'], [['Ann', 'Lee', 'Ann@Acme.com', 'CTO'], ['Bo', 'Ng', 'bo@acme.com', '']]);
    const byEmail = await preparePush(s.client, { resource: 'contacts', input: contacts }, { matchBy: 'email' });
    expect(kinds(byEmail.plan.actions)).toEqual(['2:update', '3:create']);
    expect(byEmail.plan.actions[0]).toMatchObject({ id: ann, body: { job_title: 'CTO' } });

    const clients = writeCsv(['name', 'city'], [['acme corp', 'Boston'], ['New Client', '']]);
    const byName = await preparePush(s.client, { resource: 'clients', input: clients }, { matchBy: 'name' });
    expect(kinds(byName.plan.actions)).toEqual(['2:update', '3:create']);
    expect(byName.plan.actions[0]).toMatchObject({ id: acme, body: { name: 'acme corp' } });

    const none = await preparePush(s.client, { resource: 'contacts', input: contacts }, { matchBy: 'none' });
    expect(kinds(none.plan.actions)).toEqual(['2:duplicate', '3:create']);
    expect(none.plan.warnings.join(' ')).toMatch(/1 row\(s\) look like contacts already in Pivor or earlier rows and will not be created unless you ask for them \(rows 2\)/);
    expect(none.plan.actions[0]).toMatchObject({
      reason: `already in Pivor (probably contact ${ann})`,
      question: { about: 'record', canCreate: true, candidates: [{ id: ann, label: `contact ${ann} (Ann Lee)`, match: 'same' }] },
    });
    // Asked for, it is created.
    const anyway = await preparePush(s.client, { resource: 'contacts', input: contacts }, { matchBy: 'none', createLookAlikes: true });
    expect(kinds(anyway.plan.actions)).toEqual(['2:create', '3:create']);
  });

  it('skips the second row that matches one record, and a second row creating the same key', async () => {
    const csv = writeCsv(['id', 'first_name', 'last_name', 'email'], [
      [String(ann), 'Ann', 'Lee', 'ann@acme.com'],
      ['', 'Ann', 'Lee', 'ann@acme.com'],
      ['', 'Cat', 'Wu', 'cat@acme.com'],
      ['', 'Cat', 'Wu', 'CAT@acme.com'],
      ['999999', 'Gone', 'Away', ''],
    ]);
    const { plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email' });
    expect(kinds(plan.actions)).toEqual(['2:unchanged', '3:skip', '4:create', '5:skip', '6:skip']);
    expect(plan.actions[1]).toMatchObject({ reason: expect.stringMatching(/row 2 already stands for the contact with id/) });
    expect(plan.actions[3]).toMatchObject({ reason: expect.stringMatching(/row 4 has the same email/), column: 'email' });
    expect(plan.actions[4]).toMatchObject({ reason: expect.stringMatching(/no contact with id 999999/), column: 'id' });
  });

  it('deletes records no row stands for only when asked, and never one whose row has an error', async () => {
    const extra = (await s.client.create('contacts', { first_name: 'Del', last_name: 'Me' })).id;
    const keep = (await s.client.create('contacts', { first_name: 'Keep', last_name: 'Me' })).id;
    const all = await s.client.listAll('contacts');
    const rows = all.filter((c) => c.id !== extra).map((c) => [String(c.id), String(c.first_name), String(c.last_name), c.id === keep ? 'not-an-email' : '']);
    const report = checkCsv(writeCsv(['id', 'first_name', 'last_name', 'email'], rows), 'contacts');
    expect((await planPush(s.client, report, { matchBy: 'id' })).counts.delete).toBe(0);
    const plan = await planPush(s.client, report, { matchBy: 'id', deleteMissing: true });
    expect(plan.actions.filter((a) => a.kind === 'delete')).toEqual([{ kind: 'delete', row: null, id: extra, label: `contact ${extra} (Del Me)` }]);
    const result = await executePlan(s.client, plan);
    expect(result.results.find((r) => r.row === null)).toEqual({ row: null, outcome: 'deleted', id: extra });
    expect((await s.client.listAll('contacts')).some((c) => c.id === extra)).toBe(false);
    expect((await s.client.listAll('contacts')).some((c) => c.id === keep)).toBe(true);
  });

  it('leaves priority normal out of a create and skips rows that changed in Pivor since their export', async () => {
    const csv = writeCsv(['type', 'subject', 'priority'], [['note', 'Normal one', 'normal'], ['note', 'High one', 'high']]);
    const { plan } = await preparePush(s.client, { resource: 'communications', input: csv }, { matchBy: 'id' });
    expect(plan.actions.map((a) => (a.kind === 'create' ? a.body : null))).toEqual([
      { type: 'note', subject: 'Normal one' },
      { type: 'note', subject: 'High one', priority: 'high' },
    ]);
    const result = await executePlan(s.client, plan);
    const normal = await s.client.get('communications', result.results[0]!.id!);
    expect(normal.priority).toBe('normal');

    const record = await s.client.get('contacts', ann);
    const stale = writeCsv(['id', 'first_name', 'last_name', 'job_title', 'updated_at'], [[String(ann), 'Ann', 'Lee', 'Chair', '2020-01-01T00:00:00Z']]);
    const conflict = await planPush(s.client, checkCsv(stale, 'contacts'), { matchBy: 'id' });
    expect(conflict.actions[0]).toMatchObject({ kind: 'skip', column: 'updated_at', reason: expect.stringMatching(/changed in Pivor since this row was exported/) });
    const current = writeCsv(['id', 'first_name', 'last_name', 'job_title', 'updated_at'], [[String(ann), 'Ann', 'Lee', 'Chair', String(record.updated_at)]]);
    expect((await planPush(s.client, checkCsv(current, 'contacts'), { matchBy: 'id' })).actions[0]).toMatchObject({ kind: 'update' });
  });

  it('a value the API cannot write is no error on a row whose record already has it, and still one to change to', async () => {
    const archived = (await s.client.create('clients', { name: 'Old Co' })).id;
    s.sandbox.query("UPDATE clients SET status = 'archived' WHERE id = ?", [archived]);
    const csv = writeCsv(['id', 'name', 'status', 'city'], [[String(archived), 'Old Co', 'archived', 'Oslo'], [String(jane), 'Jane Smith', 'archived', '']]);
    const { plan } = await preparePush(s.client, { resource: 'clients', input: csv }, { matchBy: 'id' });
    expect(plan.actions[0]).toMatchObject({ kind: 'update', id: archived, body: { city: 'Oslo' } });
    expect(plan.actions[1]).toMatchObject({ kind: 'skip', column: 'status', reason: expect.stringMatching(/archived/) });
  });

  it('of several rows marking primary contacts of one client, the last one keeps the flag, whatever order Pivor saves them in', async () => {
    const client = (await s.client.create('clients', { name: 'Primary Co' })).id;
    const zed = (await s.client.create('contacts', { first_name: 'Zed', last_name: 'Old', email: 'zed@primary.example', client_id: client, is_primary_contact: true })).id;
    await s.client.create('contacts', { first_name: 'Yul', last_name: 'Kept', email: 'yul@primary.example', client_id: client });
    const csv = writeCsv(['first_name', 'last_name', 'email', 'client_name', 'is_primary'], [
      ['Yul', 'Kept', 'yul@primary.example', 'Primary Co', 'yes'],
      ['Xi', 'New', 'xi@primary.example', 'Primary Co', 'yes'],
      ['Wu', 'Last', 'wu@primary.example', 'Primary Co', 'yes'],
    ]);
    const { plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email' });
    expect(kinds(plan.actions)).toEqual(['2:unchanged', '3:create', '4:create']);
    expect(plan.actions.map((a) => (a.kind === 'create' ? a.body.is_primary_contact : null))).toEqual([null, false, true]);
    expect(plan.warnings).toEqual(expect.arrayContaining([
      `Rows 2, 3, 4 each mark a primary contact of "Primary Co"; Pivor keeps one per client, so only row 4's is sent as primary.`,
      `Row 4 makes its contact the primary contact of "Primary Co": Pivor will then no longer count contact ${zed} (Zed Old) as primary.`,
    ]));
    // Sent side by side (real Pivor saves them in any order): only row 4's contact ends primary.
    const result = await executePlan(s.client, plan, { concurrency: 8 });
    expect(result.counts).toMatchObject({ created: 2, failed: 0 });
    const primaries = (await s.client.listAll('contacts')).filter((c) => c.client_id === client && c.is_primary_contact === true);
    expect(primaries.map((c) => c.id)).toEqual([result.results[2]!.id]);
    // Pushed again, the file agrees with Pivor: nothing to send, no contact to unset.
    const again = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email' });
    expect(kinds(again.plan.actions)).toEqual(['2:unchanged', '3:unchanged', '4:unchanged']);
    expect(again.plan.warnings.filter((w) => /no longer count/.test(w))).toEqual([]);
  });

  it('a dry run (plan only) sends no write', async () => {
    const before = s.sandbox.stats().byRoute;
    const csv = writeCsv(['first_name', 'last_name', 'email'], [['Dry', 'Run', 'dry@run.example']]);
    const { plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email', dryRun: true });
    expect(plan.counts.create).toBe(1);
    const after = s.sandbox.stats().byRoute;
    const writes = (stats: Record<string, number>) => Object.entries(stats).filter(([k]) => !k.startsWith('GET')).reduce((n, [, v]) => n + v, 0);
    expect(writes(after)).toBe(writes(before));
  });
});

// The round trip the add-on exists for: pull 1,000 contacts, edit the sheet as a person would (50 cells,
// 10 new rows, 3 deleted rows, 2 broken emails), push, and compare Pivor's full listing before and after:
// exactly those changes, the broken rows marked on their cells, nothing else touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivorClient, PivorRecord } from '../../shared/api/index.ts';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { buildOnce } from './harness/build-once.ts';
import { GasEnvironment } from './harness/gas-environment.ts';
import { adminClient, clientBodies, comparable, contactBodies, listById, seed } from './harness/pivor-admin.ts';
import { pullAll, pushAll, signInAdmin, type PushOutcome } from './harness/sidebar-driver.ts';

let sandbox: SandboxProcess;
let admin: PivorClient;
let gas: GasEnvironment;
let clients: PivorRecord[];
let before: Map<number, PivorRecord>;
let after: Map<number, PivorRecord>;
let pushed: PushOutcome;
let sheet: ReturnType<ReturnType<GasEnvironment['spreadsheetApp']['getActiveSpreadsheet']>['getSheetByName']> & object;
let col: (header: string) => number;

const edits = new Map<number, Record<string, unknown>>(); // id → fields expected to change
const broken = new Set<number>(); // ids of rows with a broken email
const deleted: number[] = [];
const newEmails = Array.from({ length: 10 }, (_, i) => `new.person${i}@example.com`);

beforeAll(async () => {
  buildOnce();
  sandbox = await startSandboxProcess(['--seed', 'users', '--quiet']);
  admin = await adminClient(sandbox.url);
  clients = await seed(admin, 'clients', clientBodies(20));
  await seed(admin, 'contacts', contactBodies(1000, clients.map((c) => c.id)));
  gas = new GasEnvironment();
  await signInAdmin(gas, sandbox.url);
  await pullAll(gas, 'contacts');
  before = await listById(admin, 'contacts');

  sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  col = (h) => headers.indexOf(h) + 1;
  const idAt = (row: number) => Number(sheet.getRange(row, col('id')).getValue());
  const type = (row: number, header: string, value: unknown) => sheet.getRange(row, col(header)).setValue(value);

  // 50 cells: 30 job titles, 10 statuses, 8 phones, 2 client names (to another existing client).
  for (let i = 0; i < 30; i++) {
    const row = 2 + i * 3;
    type(row, 'job_title', `Edited title ${i}`);
    edits.set(idAt(row), { ...edits.get(idAt(row)), job_title: `Edited title ${i}` });
  }
  for (let i = 0; i < 10; i++) {
    const row = 300 + i * 7;
    const id = idAt(row);
    const next = before.get(id)!.status === 'active' ? 'inactive' : 'active';
    type(row, 'status', next);
    edits.set(id, { ...edits.get(id), status: next });
  }
  for (let i = 0; i < 8; i++) {
    const row = 500 + i * 11;
    type(row, 'phone', `+33 1 23 45 67 ${10 + i}`);
    edits.set(idAt(row), { ...edits.get(idAt(row)), phone: `+33 1 23 45 67 ${10 + i}` });
  }
  for (const row of [700, 701]) {
    const id = idAt(row);
    const other = clients.find((c) => c.id !== before.get(id)!.client_id)!;
    type(row, 'client_name', other.name);
    edits.set(id, { ...edits.get(id), client_id: other.id });
  }
  // 2 broken emails (on rows with no other edit).
  for (const row of [800, 801]) {
    type(row, 'email', 'not-an-email');
    broken.add(idAt(row));
  }
  // 3 deleted rows, bottom first as a person would not care about.
  for (const row of [950, 400, 120]) {
    deleted.push(idAt(row));
    sheet.deleteRow(row);
  }
  // 10 new rows after the last one.
  const first = sheet.getLastRow() + 1;
  newEmails.forEach((email, i) => {
    type(first + i, 'first_name', `New${i}`);
    type(first + i, 'last_name', `Person${i}`);
    type(first + i, 'email', email);
    if (i === 0) type(first + i, 'client_name', clients[3]!.name);
  });

  pushed = await pushAll(gas, 'Contacts', { deletes: 'all' });
  after = await listById(admin, 'contacts');
}, 170_000);

afterAll(async () => {
  await gas?.close();
  await sandbox?.close();
});

describe('a push after editing 1,000 pulled contacts', () => {
  it('confirmed the 3 deletes, listing them, before sending anything', () => {
    expect(pushed.summary.deletes.map((d) => d.id).sort()).toEqual([...deleted].sort());
    expect(pushed.summary.deletes.every((d) => d.label.startsWith('contact '))).toBe(true);
    expect(pushed.summary.create).toBe(10);
    expect(pushed.summary.update).toBe(edits.size);
    expect(pushed.summary.errors).toBe(2);
    expect(pushed.last.finished).toBe(true);
  });

  it('left Pivor with exactly those changes', () => {
    expect(after.size).toBe(1000 - 3 + 10);
    for (const id of deleted) expect(after.has(id)).toBe(false);
    const created = [...after.values()].filter((r) => !before.has(r.id));
    expect(created.map((r) => r.email).sort()).toEqual([...newEmails].sort());
    expect(created.find((r) => r.email === newEmails[0])!.client_id).toBe(clients[3]!.id);
    for (const [id, old] of before) {
      if (deleted.includes(id)) continue;
      const now = after.get(id)!;
      const expected = { ...comparable(old), ...(edits.get(id) ?? {}) };
      expect(comparable(now), `contact ${id}`).toEqual(expected);
      // Untouched records were not written at all.
      if (!edits.has(id)) expect(now.updated_at, `contact ${id}`).toBe(old.updated_at);
    }
  });

  it('marked the 2 broken emails on their cells and says why in the status column', () => {
    const ids = sheet.getRange(2, col('id'), sheet.getLastRow() - 1, 1).getValues().map((r) => Number(r[0]));
    for (const id of broken) {
      const row = ids.indexOf(id) + 2;
      const cell = sheet.getRange(row, col('email'));
      expect(cell.getBackground()).toBe('#f4cccc');
      expect(cell.getNote()).toMatch(/^Pivor: .*email/i);
      expect(String(sheet.getRange(row, col('Pivor status')).getValue())).toMatch(/^error: /);
      // Only that cell: its neighbours keep their look.
      expect(sheet.getRange(row, col('phone')).getBackground()).toBe('#ffffff');
      expect(sheet.getRange(row, col('id')).getBackground()).toBe('#efefef');
    }
    const notes = sheet.getRange(2, 1, sheet.getLastRow() - 1, col('Pivor status')).getNotes().flat().filter((n) => n !== '');
    expect(notes).toHaveLength(2);
  });

  it('wrote the new ids and statuses back into the rows', () => {
    const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, col('Pivor status')).getValues();
    const byEmail = new Map(values.map((r) => [r[col('email') - 1], r]));
    for (const email of newEmails) {
      const row = byEmail.get(email)!;
      const record = [...after.values()].find((r) => r.email === email)!;
      expect(row[col('id') - 1]).toBe(record.id);
      expect(row[col('Pivor status') - 1]).toBe(`created (id ${record.id})`);
      // to the precision the sheet keeps times at
      const step = gas.spreadsheetApp._cells.timesRoundedToMs;
      expect((row[col('updated_at') - 1] as Date).getTime()).toBe(Math.round(Date.parse(String(record.updated_at)) / step) * step);
    }
    const statuses = values.map((r) => String(r[col('Pivor status') - 1]));
    expect(statuses.filter((s) => s === 'updated')).toHaveLength(edits.size);
    expect(statuses.filter((s) => s === 'unchanged')).toHaveLength(1000 - 3 - edits.size - 2);
  });

  it('sends nothing more when pushed again', async () => {
    const sent = gas.urlFetch.sent.length;
    const again = await pushAll(gas, 'Contacts');
    expect(again.summary.create + again.summary.update + again.summary.deletes.length).toBe(0);
    expect(gas.urlFetch.sent.slice(sent).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(await listById(admin, 'contacts')).toEqual(after);
  });
});

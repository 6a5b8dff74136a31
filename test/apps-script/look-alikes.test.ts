// New rows that look like records already in Pivor: the review lists them apart (with why, and the key of
// their content), they are held back unless ticked, and a ticked one is created once, with its id written
// back, so pushing again sends nothing. A row changed after it was ticked is held back again. Rows removed
// from the sheet are listed apart too, as deletes to confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivorClient, PivorRecord } from '../../shared/api/index.ts';
import type { GasEnvironment } from './harness/gas-environment.ts';
import { seededAddOn, type SeededAddOn } from './harness/seeded-add-on.ts';
import { listById } from './harness/pivor-admin.ts';
import { pullAll, rpc, sheetIdOf } from './harness/sidebar-driver.ts';
import type { PushProgress, PushSummary } from '../../apps-script/sidebar/types.ts';

let world: SeededAddOn;
let admin: PivorClient;
let gas: GasEnvironment;
let contacts: PivorRecord[];

beforeAll(async () => {
  world = await seededAddOn({ clients: 2, contacts: 20 });
  ({ admin, gas } = world);
  contacts = world.contacts;
  await pullAll(gas, 'contacts');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const sheet = () => gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
const col = (h: string) => (sheet().getRange(1, 1, 1, sheet().getLastColumn()).getValues()[0] as string[]).indexOf(h) + 1;
const cell = (row: number, h: string) => sheet().getRange(row, col(h));

async function review(): Promise<PushSummary> {
  return rpc<PushSummary>(gas, 'pushPrepare', sheetIdOf(gas, 'Contacts'), null, false);
}

async function send(summary: PushSummary, createAnyway: { row: number; key: string }[], deletes: number[] = []): Promise<PushProgress> {
  let progress = await rpc<PushProgress>(gas, 'pushStart', summary.run, deletes, createAnyway);
  while (!progress.finished && !progress.stopped) progress = await rpc<PushProgress>(gas, 'pushSlice', progress.run);
  return progress;
}

describe('rows like records already in Pivor', () => {
  const twin = 23; // a new row typed below the 20 pulled ones, with the name and email of one of them
  const fresh = 24;

  it('are listed apart in the review and held back unless ticked; removed rows are listed as deletes', async () => {
    const original = contacts[4]!;
    cell(twin, 'first_name').setValue(original.first_name);
    cell(twin, 'last_name').setValue(original.last_name);
    cell(twin, 'email').setValue(original.email);
    cell(fresh, 'first_name').setValue('Brand');
    cell(fresh, 'last_name').setValue('New');
    cell(fresh, 'email').setValue('brand.new@example.com');
    const removedId = Number(cell(10, 'id').getValue());
    sheet().deleteRow(10);

    const summary = await review();
    expect(summary.create).toBe(1);
    expect(summary.lookAlikes).toEqual([{ row: twin - 1, name: `${original.first_name} ${original.last_name}`, reason: `already in Pivor (probably contact ${original.id})`, key: expect.any(String) }]);
    expect(summary.changes.map((c) => c.row)).toEqual([fresh - 1]);
    // The list says it: no summary line about held rows beside it.
    expect(summary.warnings.filter((w) => w.includes('will not be created unless'))).toEqual([]);
    expect(summary.deletes.map((d) => d.id)).toEqual([removedId]);

    const before = (await listById(admin, 'contacts')).size;
    const done = await send(summary, []);
    expect(done.run.counts.created).toBe(1);
    expect((await listById(admin, 'contacts')).size).toBe(before + 1);
    expect(cell(twin - 1, 'Pivor status').getValue()).toBe(`not pushed: already in Pivor (probably contact ${original.id})`);
    expect(cell(twin - 1, 'id').getValue()).toBe('');
  });

  it('a ticked row changed since the review is held back again', async () => {
    const summary = await review();
    const [lookAlike] = summary.lookAlikes;
    cell(lookAlike!.row, 'job_title').setValue('Changed after the review');
    const before = (await listById(admin, 'contacts')).size;
    const done = await send(summary, [{ row: lookAlike!.row, key: lookAlike!.key }]);
    expect(done.run.counts.created).toBe(0);
    expect((await listById(admin, 'contacts')).size).toBe(before);
  });

  it('a ticked row is created once, its id written back; pushing again sends nothing', async () => {
    const summary = await review();
    const [lookAlike] = summary.lookAlikes;
    const before = (await listById(admin, 'contacts')).size;
    const done = await send(summary, [{ row: lookAlike!.row, key: lookAlike!.key }]);
    expect(done.run.counts.created).toBe(1);
    const after = await listById(admin, 'contacts');
    expect(after.size).toBe(before + 1);
    const id = Number(cell(lookAlike!.row, 'id').getValue());
    expect(after.get(id)).toMatchObject({ email: contacts[4]!.email, job_title: 'Changed after the review' });
    expect(String(cell(lookAlike!.row, 'Pivor status').getValue())).toMatch(/^created \(id \d+\)/);

    const again = await review();
    expect(again).toMatchObject({ create: 0, update: 0, lookAlikes: [] });
    const sent = gas.urlFetch.sent.filter((r) => r.method !== 'GET').length;
    await send(again, []);
    expect(gas.urlFetch.sent.filter((r) => r.method !== 'GET').length).toBe(sent);
    expect((await listById(admin, 'contacts')).size).toBe(before + 1);
  });
});

// Scheduled refresh end to end: the sidebar's choice creates, replaces or removes the person's time-driven
// trigger (Google's rules in the fake: one per user per document, at most hourly, run as its owner), the
// trigger pulls the sheets that are due, and a sheet holding changes not pushed is skipped and marked on
// the sheet and in the sidebar's state, never overwritten. The time since the last pull is moved back in
// the document's properties instead of waiting an hour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivorClient, PivorRecord } from '../../shared/api/index.ts';
import type { GasEnvironment } from './harness/gas-environment.ts';
import { seededAddOn, type SeededAddOn } from './harness/seeded-add-on.ts';
import { pullAll, pushAll, rpc, sheetIdOf } from './harness/sidebar-driver.ts';
import type { SidebarState } from '../../apps-script/sidebar/types.ts';

let world: SeededAddOn;
let admin: PivorClient;
let gas: GasEnvironment;
let contacts: PivorRecord[];
let sheetId: number;

const AMBER = '#f6b26b';

beforeAll(async () => {
  world = await seededAddOn({ clients: 2, contacts: 30, gas: { timeZone: 'Europe/Paris' } });
  ({ admin, gas } = world);
  contacts = world.contacts;
  await pullAll(gas, 'contacts');
  sheetId = sheetIdOf(gas, 'Contacts');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const sheet = () => gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
const headers = () => sheet().getRange(1, 1, 1, sheet().getLastColumn()).getValues()[0] as string[];
const col = (h: string) => headers().indexOf(h) + 1;
const statusHeader = () => sheet().getRange(1, col('Pivor status'));
const rowOf = (id: number) => (sheet().getRange(2, 1, sheet().getLastRow() - 1, 1).getValues().map((r) => r[0]).indexOf(id)) + 2;
const info = () => JSON.parse(gas.properties.getDocumentProperties().getProperty(`pivor.sheet.${sheetId}`)!) as { pulledAt: string; refresh?: string; refreshSkipped?: { reason: string } };
const entry = async () => (await rpc<SidebarState>(gas, 'getSidebarState')).sheets.find((s) => s.sheetId === sheetId)!;
const triggers = () => gas.scriptApp._triggers;

/** As if the last pull (and skipped refresh) happened `hours` ago. */
function age(hours: number): void {
  const props = gas.properties.getDocumentProperties();
  const key = `pivor.sheet.${sheetId}`;
  const value = JSON.parse(props.getProperty(key)!) as { pulledAt: string; refreshSkipped?: { at: string } };
  const back = (iso: string) => new Date(Date.parse(iso) - hours * 3_600_000).toISOString();
  value.pulledAt = back(value.pulledAt);
  if (value.refreshSkipped) value.refreshSkipped.at = back(value.refreshSkipped.at);
  props.setProperty(key, JSON.stringify(value));
}

async function fireOnly(): Promise<{ sheet: string; outcome: string; detail: string }[]> {
  expect(triggers()).toHaveLength(1);
  return (await gas.fire(triggers()[0]!)) as { sheet: string; outcome: string; detail: string }[];
}

describe('scheduled refresh', () => {
  it('says on the sheet and in the sidebar when the sheet was last pulled', async () => {
    const pulledAt = info().pulledAt;
    expect(Date.now() - Date.parse(pulledAt)).toBeLessThan(10 * 60_000);
    const local = gas.utilities.formatDate(new Date(pulledAt), 'Europe/Paris', 'yyyy-MM-dd HH:mm');
    expect(statusHeader().getNote()).toBe(`Pulled from Pivor on ${local} (Europe/Paris). Scheduled refresh: off.`);
    const e = await entry();
    expect(e).toMatchObject({ pulledAt, refresh: 'off', refreshSkipped: null, rows: 30 });
  });

  it('creates one trigger per person for the choice, replaces it when the choice changes, removes it when off', async () => {
    await rpc(gas, 'setRefresh', sheetId, 'hourly');
    expect(triggers()).toHaveLength(1);
    expect(triggers()[0]!).toMatchObject({ _handler: 'scheduledRefresh', _owner: 'editor1@example.com', _every: { hours: 1 } });
    expect(statusHeader().getNote()).toMatch(/Scheduled refresh: every hour\.$/);
    expect(await entry()).toMatchObject({ refresh: 'hourly', refreshMine: true });

    await rpc(gas, 'setRefresh', sheetId, 'daily');
    expect(triggers()).toHaveLength(1);
    expect(triggers()[0]!._every).toEqual({ days: 1 });

    await rpc(gas, 'setRefresh', sheetId, 'off');
    expect(triggers()).toHaveLength(0);
    expect(statusHeader().getNote()).toMatch(/Scheduled refresh: off\.$/);

    const wrong = (await gas.run('setRefresh', sheetId, 'every minute')) as { ok: boolean; error: { message: string } };
    expect(wrong.ok).toBe(false);
    expect(triggers()).toHaveLength(0);
  });

  it('pulls a due sheet as the trigger\'s owner, and leaves one that is not due alone', async () => {
    await rpc(gas, 'setRefresh', sheetId, 'hourly');
    const changed = contacts[3]!;
    await admin.update('contacts', changed.id, { job_title: 'Changed in Pivor' });

    const sent = gas.urlFetch.sent.length;
    expect(await fireOnly()).toEqual([{ sheet: 'Contacts', outcome: 'not due', detail: '' }]);
    expect(gas.urlFetch.sent.length).toBe(sent);

    age(2);
    const before = info().pulledAt;
    // Someone else is at the keyboard: the trigger still runs as the person who set it up.
    gas.properties._activeUser = 'editor2@example.com';
    try {
      expect(await fireOnly()).toEqual([{ sheet: 'Contacts', outcome: 'pulled', detail: '30 rows' }]);
    } finally {
      gas.properties._activeUser = 'editor1@example.com';
    }
    expect(sheet().getRange(rowOf(changed.id), col('job_title')).getValue()).toBe('Changed in Pivor');
    expect(Date.parse(info().pulledAt)).toBeGreaterThan(Date.parse(before));
    expect(info().refresh).toBe('hourly');
    expect(statusHeader().getNote()).toMatch(/^Pulled from Pivor on .* Scheduled refresh: every hour\.$/);
  });

  it('skips a sheet with changes not pushed, marks it, and refreshes it again once they are pushed', async () => {
    const edited = contacts[5]!;
    const other = contacts[6]!;
    sheet().getRange(rowOf(edited.id), col('job_title')).setValue('Edited in the sheet');
    await admin.update('contacts', other.id, { job_title: 'Also changed in Pivor' });
    age(2);

    const [outcome] = await fireOnly();
    expect(outcome).toMatchObject({ sheet: 'Contacts', outcome: 'skipped' });
    expect(outcome!.detail).toContain('changes not pushed to Pivor (1 edited)');
    // Nothing overwritten: the edit stays, Pivor's change waits.
    expect(sheet().getRange(rowOf(edited.id), col('job_title')).getValue()).toBe('Edited in the sheet');
    expect(sheet().getRange(rowOf(other.id), col('job_title')).getValue()).not.toBe('Also changed in Pivor');
    // Marked where people look: the tab, the status header and its note, and the sidebar.
    expect(sheet().getTabColor()).toBe(AMBER);
    expect(statusHeader().getBackground()).toBe(AMBER);
    expect(statusHeader().getNote()).toMatch(/^Scheduled refresh skipped on \d{4}-\d\d-\d\d \d\d:\d\d: the sheet has changes not pushed to Pivor \(1 edited\).*Push changes/s);
    const e = await entry();
    expect(e.refreshSkipped?.reason).toContain('Push changes');

    const pushed = await pushAll(gas, 'Contacts');
    expect(pushed.last.run.counts.updated).toBe(1);
    age(2);
    expect((await fireOnly())[0]).toMatchObject({ outcome: 'pulled' });
    expect(sheet().getRange(rowOf(other.id), col('job_title')).getValue()).toBe('Also changed in Pivor');
    expect(sheet().getRange(rowOf(edited.id), col('job_title')).getValue()).toBe('Edited in the sheet');
    expect(sheet().getTabColor()).toBeNull();
    expect(statusHeader().getBackground()).not.toBe(AMBER);
    expect((await entry()).refreshSkipped).toBeNull();
  });

  it('holds the sheet while it pulls: a push reviewed meanwhile is refused, and the sheet is free again after', async () => {
    age(2);
    // the review starts while the refresh waits for Pivor's first answer
    const [refresh, review] = (await Promise.all([gas.fire(triggers()[0]!), gas.run('pushPrepare', sheetId, null)])) as [
      { outcome: string }[], { ok: boolean; error?: { message: string } },
    ];
    expect(refresh.map((r) => r.outcome)).toEqual(['pulled']);
    expect(review.ok).toBe(false);
    expect(review.error!.message).toMatch(/^A scheduled refresh is getting this sheet from Pivor \(last step less than a minute ago\)\. Review your changes again when it has finished/);
    const after = (await gas.run('pushPrepare', sheetId, null)) as { ok: boolean };
    expect(after.ok).toBe(true);
  });

  it('a trigger whose sheets someone else turned off removes itself', async () => {
    gas.properties._activeUser = 'editor2@example.com';
    try {
      await rpc(gas, 'setRefresh', sheetId, 'off');
      // editor2 cannot see editor1's trigger, so it is still there
      expect(triggers()).toHaveLength(1);
    } finally {
      gas.properties._activeUser = 'editor1@example.com';
    }
    age(2);
    const sent = gas.urlFetch.sent.length;
    expect(await fireOnly()).toEqual([]);
    expect(gas.urlFetch.sent.length).toBe(sent);
    expect(triggers()).toHaveLength(0);
  });

  it('tells the owner to sign in again when their Pivor token no longer works, and pulls nothing', async () => {
    await rpc(gas, 'setRefresh', sheetId, 'daily');
    gas.properties.getUserProperties().setProperty('pivor.token', '999|revoked');
    age(30);
    const [outcome] = await fireOnly();
    expect(outcome).toMatchObject({ outcome: 'skipped' });
    expect(outcome!.detail).toMatch(/sign in again/i);
    expect(sheet().getTabColor()).toBe(AMBER);
    expect(sheet().getLastRow()).toBe(31);
  });
});

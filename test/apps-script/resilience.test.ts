// What goes wrong in real use: Apps Script kills a push half way (before a batch is sent, or after Pivor
// processed it but before the script saw the answers), two pushes of the same sheet, the server is down,
// the token was revoked (a record someone edits in Pivor after the pull: conflicts.test.ts). Each time: a clear message,
// nothing lost, nothing twice.
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PivorClient } from '../../shared/api/index.ts';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { buildOnce } from './harness/build-once.ts';
import { GasEnvironment } from './harness/gas-environment.ts';
import { adminClient, clientBodies, contactBodies, listById, seed } from './harness/pivor-admin.ts';
import { pullAll, pushAll, rpc, sheetIdOf, signInAdmin } from './harness/sidebar-driver.ts';
import type { PushProgress, PushSummary } from '../../apps-script/sidebar/types.ts';

let sandbox: SandboxProcess;
let admin: PivorClient;
let gas: GasEnvironment;

type Sheet = NonNullable<ReturnType<ReturnType<GasEnvironment['spreadsheetApp']['getActiveSpreadsheet']>['getSheetByName']>>;

function contactsSheet(): { sheet: Sheet; col: (h: string) => number } {
  const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  return { sheet, col: (h) => headers.indexOf(h) + 1 };
}

function addRows(count: number, tag: string): string[] {
  const { sheet, col } = contactsSheet();
  const first = sheet.getLastRow() + 1;
  // as pasting does, the sheet grows to hold them
  const missing = first + count - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  const emails: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `${tag}.${i}@example.com`;
    sheet.getRange(first + i, col('first_name')).setValue(`${tag}${i}`);
    sheet.getRange(first + i, col('last_name')).setValue('Resilient');
    sheet.getRange(first + i, col('email')).setValue(email);
    emails.push(email);
  }
  return emails;
}

async function countByEmail(emails: string[]): Promise<Map<string, number>> {
  const all = await listById(admin, 'contacts');
  const counts = new Map(emails.map((e) => [e, 0]));
  for (const r of all.values()) if (counts.has(String(r.email))) counts.set(String(r.email), counts.get(String(r.email))! + 1);
  return counts;
}

/** One request on its own connection (a pooled one the server already closed would fail the test). */
function statusOf(method: string, url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  buildOnce();
  sandbox = await startSandboxProcess(['--seed', 'users', '--quiet']);
  admin = await adminClient(sandbox.url);
  const clients = await seed(admin, 'clients', clientBodies(3));
  await seed(admin, 'contacts', contactBodies(120, clients.map((c) => c.id)));
  gas = new GasEnvironment();
  await signInAdmin(gas, sandbox.url);
}, 120_000);

afterAll(async () => {
  await gas?.close();
  await sandbox?.close();
});

beforeEach(async () => {
  gas.urlFetch.faults = {};
  await pullAll(gas, 'contacts');
});

describe('a push killed half way', () => {
  it('before a batch went out: run again, every row is created once', async () => {
    const emails = addRows(60, 'killed-before');
    // The first slice's calls: one fetchAll per batch of 25 creates. Die before the third.
    gas.urlFetch.faults = { killAfterCalls: 2 };
    await expect(pushAll(gas, 'Contacts')).rejects.toThrow(/Exceeded maximum execution time/);
    const partial = await countByEmail(emails);
    expect([...partial.values()].filter((n) => n === 1)).toHaveLength(50);
    gas.urlFetch.faults = {};
    const again = await pushAll(gas, 'Contacts');
    expect(again.summary.create).toBe(10);
    const counts = await countByEmail(emails);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const { sheet, col } = contactsSheet();
    const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, col('Pivor status')).getValues();
    for (const email of emails) expect(rows.find((r) => r[col('email') - 1] === email)![col('id') - 1]).toEqual(expect.any(Number));
  });

  it('after Pivor created a batch but before the script saw the answers: nothing is created twice', async () => {
    const pulled = contactsSheet().sheet.getLastRow() - 1;
    const emails = addRows(60, 'killed-during');
    // Two batches answered, the third sent and processed, then the execution dies.
    gas.urlFetch.faults = { killDuringCall: 2 };
    await expect(pushAll(gas, 'Contacts')).rejects.toThrow(/Exceeded maximum execution time/);
    const partial = await countByEmail(emails);
    expect([...partial.values()].filter((n) => n === 1)).toHaveLength(60);
    const { sheet, col } = contactsSheet();
    const idsBefore = sheet.getRange(2, col('id'), sheet.getLastRow() - 1, 1).getValues().filter((r) => r[0] !== '').length;
    expect(idsBefore).toBe(pulled + 50); // the third batch's ids never reached the sheet
    gas.urlFetch.faults = {};
    const sentBefore = gas.urlFetch.sent.length;
    const again = await pushAll(gas, 'Contacts');
    expect(again.summary.create).toBe(10);
    // The journal had them pending: they were looked up, not posted again.
    expect(gas.urlFetch.sent.slice(sentBefore).filter((r) => r.method === 'POST')).toEqual([]);
    const counts = await countByEmail(emails);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const ids = sheet.getRange(2, col('id'), sheet.getLastRow() - 1, 1).getValues().filter((r) => r[0] !== '').length;
    expect(ids).toBe(pulled + 60);
  });
});

describe('a push cancelled between slices', () => {
  it('stops after the slice in flight; the rest says so and goes out with the next push', async () => {
    const emails = addRows(600, 'cancelled');
    const summary = await rpc<PushSummary>(gas, 'pushPrepare', sheetIdOf(gas, 'Contacts'));
    expect(summary.create).toBe(600);
    const first = await rpc<PushProgress>(gas, 'pushStart', summary.run, []);
    expect(first.finished).toBe(false);
    expect(first.done).toBe(500);
    const cancelled = await rpc<PushProgress>(gas, 'pushCancel', first.run);
    expect(cancelled).toMatchObject({ finished: true, stopped: 'cancelled' });
    const counts = await countByEmail(emails);
    expect([...counts.values()].filter((n) => n === 1)).toHaveLength(500);
    expect([...counts.values()].filter((n) => n === 0)).toHaveLength(100);
    const { sheet, col } = contactsSheet();
    const statuses = sheet.getRange(2, col('Pivor status'), sheet.getLastRow() - 1, 1).getValues().flat();
    expect(statuses.filter((s) => s === 'not pushed: cancelled')).toHaveLength(100);
    const again = await pushAll(gas, 'Contacts');
    expect(again.summary.create).toBe(100);
    expect([...(await countByEmail(emails)).values()].every((n) => n === 1)).toBe(true);
  });
});

describe('two pushes of the same sheet', () => {
  const asEditor = (email: string) => {
    gas.properties._activeUser = email;
  };

  it("refuses a second person's push while the first is under way, then lets it go once that push ends", async () => {
    const emails = addRows(600, 'first');
    const mine = await rpc<PushSummary>(gas, 'pushPrepare', sheetIdOf(gas, 'Contacts'));
    let progress = await rpc<PushProgress>(gas, 'pushStart', mine.run, []);
    expect(progress.finished).toBe(false);

    asEditor('editor2@example.com');
    try {
      await signInAdmin(gas, sandbox.url, 'manager@pivor.dev');
      const refused = (await gas.run('pushPrepare', sheetIdOf(gas, 'Contacts'))) as { ok: boolean; error: { message: string } };
      expect(refused.ok).toBe(false);
      expect(refused.error.message).toBe(
        'Admin (admin@pivor.dev) is pushing this sheet (last step less than a minute ago). Wait until that push ends, then review again; ' +
        'a push whose sidebar was closed stops holding the sheet after five minutes.',
      );
      // nor can a run prepared before go on
      expect(((await gas.run('pushSlice', mine.run)) as { ok: boolean }).ok).toBe(false);

      asEditor('editor1@example.com');
      while (!progress.finished) progress = await rpc<PushProgress>(gas, 'pushSlice', progress.run);
      expect([...(await countByEmail(emails)).values()].every((n) => n === 1)).toBe(true);

      asEditor('editor2@example.com');
      const after = await rpc<PushSummary>(gas, 'pushPrepare', sheetIdOf(gas, 'Contacts'));
      expect(after.create + after.update).toBe(0);
    } finally {
      asEditor('editor1@example.com');
    }
  });

  it('refuses the same person in another tab while the first push is alive, and anyone five minutes after its last step', async () => {
    addRows(600, 'abandoned');
    const mine = await rpc<PushSummary>(gas, 'pushPrepare', sheetIdOf(gas, 'Contacts'));
    const first = await rpc<PushProgress>(gas, 'pushStart', mine.run, []);
    expect(first.finished).toBe(false);
    // another tab of the same person
    const other = (await gas.run('pushPrepare', sheetIdOf(gas, 'Contacts'))) as { ok: boolean; error: { message: string } };
    expect(other.ok).toBe(false);
    expect(other.error.message).toMatch(/^You are already pushing this sheet in another window or tab \(last step less than a minute ago\)/);
    // the push that holds the sheet goes on
    const second = await rpc<PushProgress>(gas, 'pushSlice', first.run);
    expect(second.done).toBeGreaterThan(first.done);

    // the sidebar was closed here; five minutes later anyone may push
    const key = `pivor.push.${sheetIdOf(gas, 'Contacts')}`;
    const props = gas.properties.getDocumentProperties();
    const mark = JSON.parse(props.getProperty(key)!) as { at: number };
    props.setProperty(key, JSON.stringify({ ...mark, at: Date.now() - 5 * 60 * 1000 - 1 }));
    asEditor('editor2@example.com');
    try {
      await signInAdmin(gas, sandbox.url, 'manager@pivor.dev');
      const run = await pushAll(gas, 'Contacts');
      expect(run.last.finished).toBe(true);
      expect(run.summary.create).toBe(0);
      expect(props.getProperty(key)).toBeNull();
    } finally {
      asEditor('editor1@example.com');
    }
  }, 90_000);

  it('two executions at once (the same person in two tabs): one pushes, the other is refused; the journal changes only under the lock', async () => {
    const emails = addRows(80, 'two-tabs');
    const sheetId = sheetIdOf(gas, 'Contacts');
    const tab1 = await rpc<PushSummary>(gas, 'pushPrepare', sheetId);
    const tab2 = await rpc<PushSummary>(gas, 'pushPrepare', sheetId);
    const props = gas.properties.getDocumentProperties();
    const unlocked: string[] = [];
    const watch = <K extends 'setProperty' | 'setProperties' | 'deleteProperty' | 'getProperties'>(method: K) => {
      const real = props[method].bind(props) as (...a: unknown[]) => unknown;
      (props as unknown as Record<string, unknown>)[method] = (...a: unknown[]) => {
        const keys = typeof a[0] === 'string' ? [a[0]] : method === 'getProperties' ? ['(all)'] : Object.keys(a[0] as object);
        if (!gas.locks._held()) unlocked.push(...keys.map((k) => `${method} ${k}`));
        return real(...a);
      };
    };
    for (const m of ['setProperty', 'setProperties', 'deleteProperty', 'getProperties'] as const) watch(m);
    try {
      const [a, b] = (await gas.runTogether(['pushStart', tab1.run, []], ['pushStart', tab2.run, []])) as { ok: boolean; value?: PushProgress; error?: { message: string } }[];
      const winner = [a!, b!].filter((r) => r.ok);
      const loser = [a!, b!].filter((r) => !r.ok);
      expect(winner).toHaveLength(1);
      expect(loser[0]!.error!.message).toMatch(/^You are already pushing this sheet in another window or tab/);
      let progress = winner[0]!.value!;
      while (!progress.finished) progress = await rpc<PushProgress>(gas, 'pushSlice', progress.run);
    } finally {
      for (const m of ['setProperty', 'setProperties', 'deleteProperty', 'getProperties'] as const) delete (props as unknown as Record<string, unknown>)[m];
    }
    expect([...(await countByEmail(emails)).values()].every((n) => n === 1)).toBe(true);
    expect(unlocked.filter((k) => /pivor\.(journal|push)\./.test(k) || k.endsWith('(all)'))).toEqual([]);
  });
});

describe('a dead server or a revoked token', () => {
  it('says Pivor cannot be reached, and the edits stay in the sheet for the next push', async () => {
    const { sheet, col } = contactsSheet();
    sheet.getRange(5, col('job_title')).setValue('Waiting for the server');
    gas.urlFetch.faults = { refuseAll: true };
    const result = (await gas.run('pushPrepare', sheetIdOf(gas, 'Contacts'))) as { ok: boolean; error: { kind: string; message: string } };
    // Review sends nothing when no name needs looking up: it still works offline.
    expect(result.ok).toBe(true);
    const summary = (result as unknown as { value: { run: unknown } }).value;
    const start = (await gas.run('pushStart', summary.run, [])) as { ok: boolean; error: { kind: string; message: string } };
    expect(start.ok).toBe(false);
    expect(start.error.kind).toBe('network');
    expect(start.error.message).toMatch(/^Can't reach Pivor at http:\/\/127\.0\.0\.1:\d+/);
    expect(sheet.getRange(5, col('job_title')).getValue()).toBe('Waiting for the server');
    gas.urlFetch.faults = {};
    const pushed = await pushAll(gas, 'Contacts');
    expect(pushed.last.run.counts.updated).toBe(1);
  });

  it('asks to sign in again when the token was revoked, and forgets it', async () => {
    const token = gas.properties.getUserProperties().getProperty('pivor.token')!;
    expect(await statusOf('DELETE', `${sandbox.url}/api/tokens/revoke`, token)).toBe(200);
    const result = (await gas.run('pullStart', 'contacts')) as { ok: boolean; error: { kind: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error).toEqual({ kind: 'unauthenticated', message: 'Your token was revoked or has expired: sign in again.' });
    expect(gas.properties.getUserProperties().getProperty('pivor.token')).toBeNull();
    // The sheet is as it was.
    expect(contactsSheet().sheet.getLastRow()).toBeGreaterThan(100);
    await signInAdmin(gas, sandbox.url);
  });
});

describe('sign-out', () => {
  it('revokes the token in Pivor and forgets it', async () => {
    const token = gas.properties.getUserProperties().getProperty('pivor.token')!;
    expect(await rpc(gas, 'signOut')).toEqual({});
    expect(gas.properties.getUserProperties().getProperty('pivor.token')).toBeNull();
    expect(await statusOf('GET', `${sandbox.url}/api/user`, token)).toBe(401);
    await signInAdmin(gas, sandbox.url);
  });
});

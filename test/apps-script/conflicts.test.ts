// A record someone changed or deleted in Pivor after the pull: found from Pivor's list sorted by last
// change (not a request per row), reported as a conflict and left alone, and re-pulled on request. Runs
// against the sandbox and, under test:pivor, against real Pivor.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PivorClient } from '../../shared/api/index.ts';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { buildOnce } from './harness/build-once.ts';
import { GasEnvironment } from './harness/gas-environment.ts';
import { adminClient, clientBodies, contactBodies, listById, seed } from './harness/pivor-admin.ts';
import { pullAll, pushAll, rpc, sheetIdOf, signInAdmin } from './harness/sidebar-driver.ts';

let sandbox: SandboxProcess;
let admin: PivorClient;
let gas: GasEnvironment;

function contactsSheet() {
  const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  return { sheet, col: (h: string) => headers.indexOf(h) + 1 };
}

beforeAll(async () => {
  buildOnce();
  sandbox = await startSandboxProcess(['--seed', 'users', '--quiet']);
  admin = await adminClient(sandbox.url);
  const clients = await seed(admin, 'clients', clientBodies(3));
  const contacts = await seed(admin, 'contacts', contactBodies(60, clients.map((c) => c.id)));
  // Pivor's timestamps count seconds, and records of the pull's watermark second are asked for by id. One write
  // a second after the seeding makes the watermark newer than the seeded records, whatever the machine's speed.
  await new Promise((done) => setTimeout(done, 1_100));
  await admin.update('contacts', contacts.at(-1)!.id, { job_title: 'Newest before the pulls' });
  gas = new GasEnvironment();
  await signInAdmin(gas, sandbox.url);
}, 240_000);

afterAll(async () => {
  await gas?.close();
  await sandbox?.close();
});

beforeEach(async () => {
  await pullAll(gas, 'contacts');
});

describe('a record changed in Pivor after the pull', () => {
  it('is reported as a conflict, left alone, and can be re-pulled', async () => {
    const { sheet, col } = contactsSheet();
    const row = 10;
    const id = Number(sheet.getRange(row, col('id')).getValue());
    const other = Number(sheet.getRange(row + 1, col('id')).getValue());
    sheet.getRange(row, col('job_title')).setValue('Changed in the sheet');
    sheet.getRange(row + 1, col('job_title')).setValue('Also changed in the sheet');
    const server = await admin.update('contacts', id, { phone: '+1 555 0199' });

    const pushed = await pushAll(gas, 'Contacts');
    expect(pushed.last.run.conflicts.map((c) => c.id)).toEqual([id]);
    expect(String(sheet.getRange(row, col('Pivor status')).getValue())).toMatch(/^conflict: changed in Pivor/);
    const now = await admin.get('contacts', id);
    expect(now.job_title).toBe(server.job_title);
    expect(now.phone).toBe('+1 555 0199');
    expect(now.updated_at).toBe(server.updated_at);
    // The other edit went through.
    expect((await admin.get('contacts', other)).job_title).toBe('Also changed in the sheet');

    const repulled = await rpc<{ repulled: number }>(gas, 'repullRows', sheetIdOf(gas, 'Contacts'), [id]);
    expect(repulled.repulled).toBe(1);
    expect(sheet.getRange(row, col('phone')).getValue()).toBe('+1 555 0199');
    expect(sheet.getRange(row, col('job_title')).getValue()).toBe(server.job_title ?? '');
    const again = await pushAll(gas, 'Contacts');
    expect(again.summary.update + again.summary.create).toBe(0);
  });

  it('is found in the list sorted by last change, without a request per row; a record deleted meanwhile is not recreated', async () => {
    const { sheet, col } = contactsSheet();
    const ids = [20, 21, 22, 23, 24].map((row) => Number(sheet.getRange(row, col('id')).getValue()));
    for (const row of [20, 21, 22, 23, 24]) sheet.getRange(row, col('job_title')).setValue(`Listed check ${row}`);
    await admin.update('contacts', ids[1]!, { phone: '+1 555 0142' });
    await admin.delete('contacts', ids[2]!);
    const before = gas.urlFetch.sent.length;

    const pushed = await pushAll(gas, 'Contacts');
    const sent = gas.urlFetch.sent.slice(before).map((r) => `${r.method.toUpperCase()} ${new URL(r.url).pathname}${new URL(r.url).search}`);
    expect(pushed.last.run.conflicts.map((c) => c.id)).toEqual([ids[1]]);
    expect(sent.filter((r) => /^GET \/api\/contacts\/\d+/.test(r))).toEqual([]);
    expect(sent.filter((r) => r.startsWith('GET /api/contacts?')).every((r) => r.includes('sort=-updated_at'))).toBe(true);
    expect(sent.filter((r) => r.startsWith('PATCH'))).toHaveLength(4);
    expect(String(sheet.getRange(22, col('Pivor status')).getValue())).toMatch(/^error: Contact \d+ was not found in Pivor/);
    expect((await admin.get('contacts', ids[0]!)).job_title).toBe('Listed check 20');
    expect((await admin.get('contacts', ids[1]!)).phone).toBe('+1 555 0142');
    expect((await admin.get('contacts', ids[1]!)).job_title).not.toBe('Listed check 21');
    const all = await listById(admin, 'contacts');
    expect(all.has(ids[2]!)).toBe(false);
  });
});

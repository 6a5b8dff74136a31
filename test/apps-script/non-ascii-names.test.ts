// The Sheets add-on and Pivor's initials bug, through the built script in the vm against the sandbox in its own
// process: a new row or an edit that gives a contact a name starting outside ASCII is held back (the cell marked,
// the row's status saying why) unless the user chose to send such names anyway; other edits go through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivorClient } from '../../shared/api/index.ts';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { buildOnce } from './harness/build-once.ts';
import { GasEnvironment } from './harness/gas-environment.ts';
import { adminClient, listById, seed } from './harness/pivor-admin.ts';
import { pullAll, pushAll, rpc, sheetIdOf, signInAdmin } from './harness/sidebar-driver.ts';
import type { PushProgress, PushSummary } from '../../apps-script/sidebar/types.ts';

let sandbox: SandboxProcess;
let admin: PivorClient;
let gas: GasEnvironment;

beforeAll(async () => {
  buildOnce();
  sandbox = await startSandboxProcess(['--seed', 'users', '--quiet']);
  admin = await adminClient(sandbox.url);
  await seed(admin, 'contacts', [
    { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@x.com' },
    { first_name: 'Emile', last_name: 'Zola', email: 'emile@x.com' },
  ]);
  gas = new GasEnvironment();
  await signInAdmin(gas, sandbox.url);
  await pullAll(gas, 'contacts');
}, 120_000);

afterAll(async () => {
  await gas?.close();
  await sandbox?.close();
});

const names = async () => [...(await listById(admin, 'contacts')).values()].map((c) => `${String(c.first_name)} ${String(c.last_name)}`).sort();

describe('names Pivor cannot handle, in a sheet', () => {
  it('an edited name and a new row are held back with the reason; the other changes are pushed', async () => {
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const col = (h: string) => headers.indexOf(h) + 1;
    const rowOf = (email: string) => 2 + (sheet.getRange(2, col('email'), sheet.getLastRow() - 1, 1).getValues() as string[][]).findIndex(([e]) => e === email);
    const status = (row: number) => String(sheet.getRange(row, col('Pivor status')).getValue());
    const emile = rowOf('emile@x.com');
    sheet.getRange(emile, col('first_name')).setValue('Émile');
    sheet.getRange(rowOf('ada@x.com'), col('job_title')).setValue('Mathematician');
    const added = sheet.getLastRow() + 1;
    sheet.getRange(added, col('first_name')).setValue('Łukasz');
    sheet.getRange(added, col('last_name')).setValue('Nowak');
    const grace = added + 1;
    sheet.getRange(grace, col('first_name')).setValue('Grace');
    sheet.getRange(grace, col('last_name')).setValue('Hopper');

    const held = await pushAll(gas, 'Contacts');
    expect(held.summary).toMatchObject({ update: 1, create: 1, errors: 2, nonAsciiNames: 2 });
    expect(held.last.finished).toBe(true);
    expect(await names()).toEqual(['Ada Lovelace', 'Emile Zola', 'Grace Hopper']);
    expect([...(await listById(admin, 'contacts')).values()].map((c) => c.job_title)).toContain('Mathematician');
    expect(status(emile)).toContain('first name "Émile" starts with "É"');
    expect(status(emile)).toContain('The row is held back');
    expect(status(added)).toContain('first name "Łukasz" starts with "Ł"');
    expect(sheet.getRange(emile, col('first_name')).getNote()).toContain('outside plain ASCII');
    // The new row's status, left empty, shows what Pivor stored; pushing again sends nothing new.
    expect(sheet.getRange(grace, col('status')).getValue()).toBe('active');
    expect((await pushAll(gas, 'Contacts')).summary).toMatchObject({ update: 0, create: 0, errors: 2 });
  });

  it('"Send them anyway" sends them; Pivor (its bug, as the sandbox plays it) then fails on the contacts it lists', async () => {
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const summary = await rpc<PushSummary>(gas, 'pushPrepare', sheetIdOf(gas, 'Contacts'), null, true);
    expect(summary).toMatchObject({ update: 1, create: 1, errors: 0, nonAsciiNames: 2 });
    expect(summary.run.sendNonAsciiNames).toBe(true);
    const first = await rpc<PushProgress>(gas, 'pushStart', summary.run, []);
    expect(first.run.counts).toMatchObject({ created: 1, updated: 1, failed: 0 });
    const statuses = (sheet.getRange(2, headers.indexOf('Pivor status') + 1, sheet.getLastRow() - 1, 1).getValues() as string[][]).flat();
    expect(statuses.filter((s) => s.startsWith('created: sent anyway, as you chose'))).toHaveLength(1);
    expect(statuses.filter((s) => s === 'updated')).toHaveLength(1);
    // Both are saved, and Pivor can no longer answer them: a listing reads only the others.
    expect([...(await listById(admin, 'contacts')).values()].map((c) => c.first_name).sort()).toEqual(['Ada', 'Grace']);
  });
});

// The Sheets add-on and Pivor's initials bug, through the built script in the vm against the sandbox in its own
// process: a new row or an edit that gives a contact a name starting outside ASCII is held back (the cell marked,
// the row's status saying why) unless the user chose to send such names anyway; other edits go through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivorClient } from '../../shared/api/index.ts';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { buildOnce } from './harness/build-once.ts';
import { GasEnvironment } from './harness/gas-environment.ts';
import { adminClient, listById, seed } from './harness/pivor-admin.ts';
import { pullAll, pushAll, signInAdmin } from './harness/sidebar-driver.ts';

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
  it('an edited name and a new row are held back with the reason; the other edit is pushed', async () => {
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const col = (h: string) => headers.indexOf(h) + 1;
    const rowOf = (email: string) => 2 + (sheet.getRange(2, col('email'), sheet.getLastRow() - 1, 1).getValues() as string[][]).findIndex(([e]) => e === email);
    const emile = rowOf('emile@x.com');
    sheet.getRange(emile, col('first_name')).setValue('Émile');
    sheet.getRange(rowOf('ada@x.com'), col('job_title')).setValue('Mathematician');
    const added = sheet.getLastRow() + 1;
    sheet.getRange(added, col('first_name')).setValue('Łukasz');
    sheet.getRange(added, col('last_name')).setValue('Nowak');

    const held = await pushAll(gas, 'Contacts');
    expect(held.summary).toMatchObject({ update: 1, create: 0, errors: 2, nonAsciiNames: 2 });
    expect(held.last.finished).toBe(true);
    expect(await names()).toEqual(['Ada Lovelace', 'Emile Zola']);
    expect([...(await listById(admin, 'contacts')).values()].map((c) => c.job_title)).toContain('Mathematician');
    const status = (row: number) => String(sheet.getRange(row, col('Pivor status')).getValue());
    expect(status(emile)).toContain('first name "Émile" starts with "É"');
    expect(status(emile)).toContain('The row is held back');
    expect(status(added)).toContain('first name "Łukasz" starts with "Ł"');
    expect(sheet.getRange(emile, col('first_name')).getNote()).toContain('outside plain ASCII');

    // The user ticks "Send them anyway": the same sheet, reviewed again with the choice, sends both.
    const sent = await pushAll(gas, 'Contacts', { sendNonAsciiNames: true });
    expect(sent.summary).toMatchObject({ update: 1, create: 1, errors: 0, nonAsciiNames: 2 });
    expect(sent.summary.run.sendNonAsciiNames).toBe(true);
    expect(sent.last.run.counts).toMatchObject({ created: 1, updated: 1, failed: 0 });
    expect(await names()).toEqual(['Ada Lovelace', 'Émile Zola', 'Łukasz Nowak'].sort());
    expect(Number(sheet.getRange(added, col('id')).getValue())).toBeGreaterThan(0);
    // The new row's status, left empty, shows what Pivor stored; pushing again sends nothing.
    expect(sheet.getRange(added, col('status')).getValue()).toBe('active');
    const again = await pushAll(gas, 'Contacts', { sendNonAsciiNames: true });
    expect(again.summary).toMatchObject({ update: 0, create: 0, errors: 0 });
  });
});

// Sign-in and Pull, end to end: the built add-on in the vm, a real sandbox in another process, the
// sidebar's slice loop played by the test. What lands in the sheet is checked cell by cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivorClient, PivorRecord } from '../../shared/api/index.ts';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { buildOnce } from './harness/build-once.ts';
import { GasEnvironment } from './harness/gas-environment.ts';
import { adminClient, clientBodies, contactBodies, seed } from './harness/pivor-admin.ts';
import { pullAll, pushAll, rpc, signInAdmin } from './harness/sidebar-driver.ts';

let sandbox: SandboxProcess;
let admin: PivorClient;
let gas: GasEnvironment;
let tricky: PivorRecord;

beforeAll(async () => {
  buildOnce();
  sandbox = await startSandboxProcess(['--seed', 'users', '--quiet']);
  admin = await adminClient(sandbox.url);
  const clients = await seed(admin, 'clients', clientBodies(5));
  await seed(admin, 'contacts', contactBodies(230, clients.map((c) => c.id)));
  tricky = (await seed(admin, 'contacts', [{
    first_name: '=HYPERLINK("http://evil.example","click")',
    last_name: '+SUM(1,2)',
    email: 'tricky@example.com',
    phone: '00123',
    job_title: '-2+3',
    department: '@mention',
    notes: 'x'.repeat(60_000),
    is_primary_contact: true,
    client_id: clients[0]!.id,
  }]))[0]!;
  // A leading apostrophe in a plain-text cell: kept as written, or dropped, depending on the Sheets.
  await seed(admin, 'contacts', [{ first_name: 'Quote', last_name: 'Kept', email: 'quote@example.com', job_title: "'Quoted title", client_id: clients[1]!.id }]);
  gas = new GasEnvironment({ timeZone: 'America/New_York' });
}, 120_000);

afterAll(async () => {
  await gas?.close();
  await sandbox?.close();
});

describe('sign-in', () => {
  it('refuses a wrong password with a clear message and keeps nothing', async () => {
    const r = (await gas.run('signIn', { baseUrl: sandbox.url, email: 'admin@pivor.dev', password: 'nope' })) as { ok: boolean; error: { message: string } };
    expect(r.ok).toBe(false);
    expect(r.error.message).toBe('Wrong email or password.');
    expect(gas.properties.getUserProperties().getProperty('pivor.token')).toBeNull();
  });

  it('keeps the token in the user properties only, never in the document, the logs or a cell', async () => {
    const user = await signInAdmin(gas, sandbox.url);
    expect(user.email).toBe('admin@pivor.dev');
    const token = gas.properties.getUserProperties().getProperty('pivor.token');
    expect(token).toMatch(/^\d+\|/);
    expect(JSON.stringify(gas.properties.getDocumentProperties().getProperties())).not.toContain(token!);
    expect(JSON.stringify(gas.properties.getScriptProperties().getProperties())).not.toContain(token!);
    expect(gas.logger.getLog()).not.toContain(token!);
    // Another Google user of the same spreadsheet does not see it.
    gas.properties._activeUser = 'someone-else@example.com';
    expect(((await gas.run('getSidebarState')) as { value: { user: unknown } }).value.user).toBeNull();
    gas.properties._activeUser = 'editor1@example.com';
    expect(((await gas.run('getSidebarState')) as { value: { user: { email: string } } }).value.user.email).toBe('admin@pivor.dev');
  });
});

describe('pull', () => {
  it('puts every contact in its sheet, page by page, with a hidden snapshot', async () => {
    const slices = await pullAll(gas, 'contacts');
    expect(slices.at(-1)!.done).toBe(232);
    // Told once, at the end, when the sheet changed a value as it was written; else nothing.
    const told = slices.flatMap((s) => s.warnings).filter((w) => w.startsWith('Google Sheets changed'));
    if (gas.spreadsheetApp._cells.apostropheInPlainText === 'stripped') {
      expect(told).toHaveLength(1);
      // One cell (the quoted title) when the seeded times fell on a whole minute, which rounding leaves alone; more otherwise.
      expect(told[0]).toMatch(/^Google Sheets changed (one cell as it was|[\d,]+ cells as they were) written \(row \d+, \w+: ".+" became ".+"\)\. (It is kept as the sheet shows it and not sent to Pivor unless you edit it|They are kept as the sheet shows them and not sent to Pivor unless you edit them)\.$/);
    } else {
      expect(told).toEqual([]);
    }
    const ss = gas.spreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Contacts')!;
    expect(sheet.getLastRow()).toBe(233);
    expect(sheet.getFrozenRows()).toBe(1);
    const snapshot = ss.getSheetByName('_pivor_snapshot_Contacts')!;
    expect(snapshot.isSheetHidden()).toBe(true);
    expect(snapshot.getLastRow()).toBe(233);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    expect(headers?.slice(0, 3)).toEqual(['id', 'first_name', 'last_name']);
    expect(headers).toContain('client_name');
    expect(headers?.at(-2)).toBe('updated_at');
    expect(headers?.at(-1)).toBe('Pivor status');
    for (const cell of sheet.getDataRange().getFormulas().flat()) expect(cell).toBe('');
  });

  it('writes text that looks like a formula, a number or a date as text', () => {
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const ids = sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues().map((r) => r[0]);
    const row = ids.indexOf(tricky.id) + 2;
    const values = sheet.getRange(row, 1, 1, headers.length).getValues()[0]!;
    const at = (h: string) => values[headers.indexOf(h)];
    expect(at('first_name')).toBe('=HYPERLINK("http://evil.example","click")');
    expect(at('last_name')).toBe('+SUM(1,2)');
    expect(at('phone')).toBe('00123');
    expect(at('job_title')).toBe('-2+3');
    expect(at('department')).toBe('@mention');
    expect(at('is_primary')).toBe(true);
    expect(String(at('notes')).length).toBeLessThanOrEqual(50_000);
  });

  it('marks id and updated_at read-only, gives dropdowns, checkboxes and date cells in the spreadsheet time zone', () => {
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const col = (h: string) => headers.indexOf(h) + 1;
    const protections = sheet.getProtections(gas.spreadsheetApp.ProtectionType.RANGE);
    expect(protections).toHaveLength(2);
    for (const p of protections) {
      expect(p.isWarningOnly()).toBe(true);
      expect([col('id'), col('updated_at')]).toContain(p.getRange().getColumn());
      expect(p.getRange().getNumRows()).toBe(sheet.getMaxRows());
    }
    expect(sheet.getRange(2, col('id')).getBackground()).toBe('#efefef');
    const status = sheet.getRange(2, col('status')).getDataValidation()!;
    expect(status.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(status.getCriteriaValues()[0]).toEqual(['active', 'inactive']);
    expect(sheet.getRange(2, col('is_primary')).getDataValidation()!.getCriteriaType()).toBe('CHECKBOX');
    const updated = sheet.getRange(2, col('updated_at'));
    const value = updated.getValue();
    expect(Object.prototype.toString.call(value)).toBe('[object Date]');
    // Shown in the spreadsheet's zone (New York), not UTC.
    const iso = (value as Date).toISOString();
    const shown = updated.getDisplayValue();
    const nyHour = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', hourCycle: 'h23' }).format(value as Date);
    expect(shown.slice(11, 13)).toBe(nyHour);
    expect(iso.slice(11, 13)).not.toBe(shown.slice(11, 13));
    // Spare rows below the data are formatted too: a typed phone stays text.
    expect(sheet.getRange(sheet.getLastRow() + 5, col('phone')).getNumberFormat()).toBe('@');
  });

  it('sends no write when pushing right after the pull', async () => {
    const before = gas.urlFetch.sent.length;
    const run = await pushAll(gas, 'Contacts');
    expect(run.summary.create + run.summary.update + run.summary.deletes.length).toBe(0);
    expect(run.summary.unchanged).toBe(232);
    const sent = gas.urlFetch.sent.slice(before);
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    expect(sheet.getRange(2, headers.indexOf('Pivor status') + 1).getValue()).toBe('unchanged');
  });

  it('refuses to push an edit of a text too long for a cell, which would cut it short in Pivor', async () => {
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const ids = sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues().map((r) => r[0]);
    const cell = sheet.getRange(ids.indexOf(tricky.id) + 2, headers.indexOf('notes') + 1);
    cell.setValue(`${String(cell.getValue()).slice(0, 40_000)} edited`);
    const run = await pushAll(gas, 'Contacts');
    expect(run.summary.errors).toBe(1);
    expect(cell.getNote()).toMatch(/longer than a cell holds/);
    expect(String((await admin.get('contacts', tricky.id)).notes)).toHaveLength(60_000);
  });
});

describe('pulling again over changes not pushed', () => {
  const contactsSheet = () => gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
  const columnOf = (header: string) => (contactsSheet().getRange(1, 1, 1, contactsSheet().getLastColumn()).getValues()[0] as string[]).indexOf(header) + 1;
  const everything = () => JSON.stringify(contactsSheet().getRange(1, 1, contactsSheet().getMaxRows(), contactsSheet().getMaxColumns()).getValues());

  it('finds nothing to lose right after a pull', async () => {
    await pullAll(gas, 'contacts');
    expect(await rpc(gas, 'pullCheck', 'contacts')).toBeNull();
    expect(await rpc(gas, 'pullCheck', 'communications')).toBeNull(); // no such sheet yet
  });

  it('counts the rows edited, added and removed since the pull, and writes nothing while counting', async () => {
    const sheet = contactsSheet();
    const jobTitle = sheet.getRange(3, columnOf('job_title'));
    const pulled = jobTitle.getValue();
    jobTitle.setValue('Edited, not pushed');
    sheet.getRange(4, columnOf('Pivor status')).setValue('our own column: not a change');
    const typed = sheet.getLastRow() + 1;
    sheet.getRange(typed, columnOf('first_name')).setValue('Typed');
    sheet.getRange(typed, columnOf('last_name')).setValue('In');
    sheet.deleteRow(5);
    const before = everything();
    expect(await rpc(gas, 'pullCheck', 'contacts')).toEqual({ sheetName: 'Contacts', edited: 1, added: 1, removed: 1, comparable: true });
    expect(everything()).toBe(before);
    // a cell set back to what was pulled is no change
    jobTitle.setValue(pulled);
    expect(await rpc(gas, 'pullCheck', 'contacts')).toMatchObject({ edited: 0, added: 1, removed: 1 });
  });

  it('counts every row of a sheet whose id column is gone, since none can be matched', async () => {
    const sheet = contactsSheet();
    const idHeader = sheet.getRange(1, columnOf('id'));
    idHeader.setValue('renamed');
    try {
      expect(await rpc(gas, 'pullCheck', 'contacts')).toEqual({ sheetName: 'Contacts', edited: 0, added: sheet.getLastRow() - 1, removed: 0, comparable: false });
    } finally {
      idHeader.setValue('id');
    }
  });

  it('a pull made anyway replaces the changes with what Pivor holds', async () => {
    await pullAll(gas, 'contacts');
    expect(await rpc(gas, 'pullCheck', 'contacts')).toBeNull();
    expect(contactsSheet().getLastRow()).toBe(233);
  });
});

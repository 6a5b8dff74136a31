// The sidebar as a person uses it, in headless Chromium, against the built script in the vm and the
// sandbox in its own process: sign in, pull, review and push (confirming a delete), import a CSV file,
// sign out. Screenshots go to test-artifacts/apps-script/.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivorClient } from '../../shared/api/index.ts';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { buildOnce } from './harness/build-once.ts';
import { GasEnvironment } from './harness/gas-environment.ts';
import { adminClient, clientBodies, contactBodies, listById, seed } from './harness/pivor-admin.ts';
import { openSidebar, type SidebarPage } from './harness/sidebar-page.ts';

let sandbox: SandboxProcess;
let admin: PivorClient;
let gas: GasEnvironment;
let ui: SidebarPage;

beforeAll(async () => {
  buildOnce();
  sandbox = await startSandboxProcess(['--seed', 'users', '--quiet']);
  admin = await adminClient(sandbox.url);
  const clients = await seed(admin, 'clients', [...clientBodies(3), { name: 'Acme Corp' }, { name: 'Bright Futures Ltd' }]);
  await seed(admin, 'contacts', contactBodies(340, clients.map((c) => c.id)));
  // The pessimistic model of google.script.run (a returned promise reaches the page as {}): the
  // sidebar must then fetch each result from where the server left it.
  gas = new GasEnvironment({ unwrapPromises: false });
  ui = await openSidebar(gas);
}, 120_000);

afterAll(async () => {
  await ui?.close();
  await gas?.close();
  await sandbox?.close();
});

describe('the sidebar', () => {
  it('signs in with email and password and shows who is signed in', async () => {
    const { page } = ui;
    await page.getByLabel("Pivor's address").fill(sandbox.url);
    await page.getByLabel('Email', { exact: true }).fill('admin@pivor.dev');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong email or password.');
    await ui.shot('01-sign-in-error');
    await page.getByLabel('Password').fill('password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Account', { exact: true }).waitFor();
    expect(await page.getByLabel('Account', { exact: true }).textContent()).toContain('admin@pivor.dev');
    expect(gas.properties.getUserProperties().getProperty('pivor.token')).toMatch(/^\d+\|/);
    await ui.shot('02-signed-in');
  });

  it('pulls contacts with a progress bar', async () => {
    const { page } = ui;
    await page.getByRole('button', { name: 'Pull Contacts' }).click();
    await page.getByText(/^Pulled 340 contacts/).waitFor({ timeout: 30_000 });
    await ui.shot('03-pulled');
    expect(gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!.getLastRow()).toBe(341);
  });

  it('shows when each sheet was last pulled, and sets its scheduled refresh', async () => {
    const { page } = ui;
    const sheetId = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!.getSheetId();
    const pulledAt = (JSON.parse(gas.properties.getDocumentProperties().getProperty(`pivor.sheet.${sheetId}`)!) as { pulledAt: string }).pulledAt;
    const local = gas.utilities.formatDate(new Date(pulledAt), gas.spreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');
    const list = page.getByRole('list', { name: 'Pulled sheets' });
    await expect.poll(() => list.textContent(), { timeout: 30_000 }).toContain(`Contacts: last pulled ${local}, 340 rows`);
    await page.getByLabel('Scheduled refresh of Contacts').selectOption('hourly');
    await expect.poll(() => gas.scriptApp._triggers.length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => list.textContent(), { timeout: 30_000 }).toContain('Runs with your Pivor sign-in');
    await ui.shot('03b-scheduled-refresh');
    await page.getByLabel('Scheduled refresh of Contacts').selectOption('off');
    await expect.poll(() => gas.scriptApp._triggers.length, { timeout: 30_000 }).toBe(0);
  });

  it('reviews the changes, lists the deletes for confirmation, and pushes with progress', async () => {
    const { page } = ui;
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const col = (h: string) => headers.indexOf(h) + 1;
    const oldTitle = String(sheet.getRange(3, col('job_title')).getValue());
    const name = `${sheet.getRange(3, col('first_name')).getValue()} ${sheet.getRange(3, col('last_name')).getValue()}`;
    sheet.getRange(3, col('job_title')).setValue('Head of Sidebars');
    sheet.getRange(4, col('email')).setValue('broken-email');
    const removed = Number(sheet.getRange(6, col('id')).getValue());
    sheet.deleteRow(6);

    await page.getByRole('tab', { name: 'Push' }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    const review = page.getByRole('list', { name: 'What the push will do' });
    await review.waitFor();
    expect(await review.textContent()).toContain('1 to update');
    expect(await review.textContent()).toContain('1 with errors');
    const deleteBox = page.getByRole('checkbox', { name: new RegExp(`contact ${removed} `) });
    expect(await deleteBox.isChecked()).toBe(false);
    // Each row that will change, field by field, old → new, with a way to it.
    const changes = page.getByRole('list', { name: 'Rows that will change in Pivor' });
    expect((await changes.locator(':scope > li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      `Row 3 · ${name}Go to row 3job_title: ${oldTitle || '(empty)'} → Head of Sidebars`,
    ]);
    await ui.shot('04-review');
    await changes.getByRole('button', { name: 'Go to row 3' }).click();
    await expect.poll(() => gas.spreadsheetApp.getActiveSpreadsheet()._activeRange).toMatchObject({ sheet: 'Contacts', row: 3, col: 1, numRows: 1 });
    await deleteBox.check();
    await page.getByRole('button', { name: 'Send 2 changes to Pivor' }).click();
    await page.getByText(/^Push finished/).waitFor({ timeout: 30_000 });
    await ui.shot('05-pushed');
    expect(await page.getByText(/^Push finished/).textContent()).toContain('0 created, 1 updated, 1 deleted, 0 failed');
    const records = await listById(admin, 'contacts');
    expect(records.has(removed)).toBe(false);
    expect([...records.values()].filter((r) => r.job_title === 'Head of Sidebars')).toHaveLength(1);
    expect(sheet.getRange(4, col('email')).getBackground()).toBe('#f4cccc');
  });

  it('imports a CSV file into a new sheet, then pushes it', async () => {
    const { page } = ui;
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'hubspot-contacts.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(new URL('./fixtures/hubspot-contacts.csv', import.meta.url)),
    });
    await page.getByRole('table', { name: 'Columns' }).waitFor();
    expect(await page.getByLabel('Field for Company Name').inputValue()).toBe('client_name');
    expect(await page.getByLabel('Field for Lifecycle Stage').inputValue()).toBe('');
    // a column of email addresses left out is said at the mapping, not only in the review
    const emailsLeft = page.getByText('Holds email addresses, and they are not imported.');
    expect(await emailsLeft.count()).toBe(0);
    await page.getByLabel('Field for Email').selectOption('');
    await emailsLeft.waitFor();
    await page.getByLabel('Field for Email').selectOption('email');
    await emailsLeft.waitFor({ state: 'detached' });
    await ui.shot('06-import-mapping');
    await page.getByRole('button', { name: 'Put 3 rows in a new sheet' }).click();
    // The new sheet is reviewed at once.
    const review = page.getByRole('list', { name: 'What the push will do' });
    await review.waitFor({ timeout: 30_000 });
    expect(await review.textContent()).toContain('3 to create');
    await ui.shot('07-import-review');
    const imported = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts import')!;
    expect(imported.getLastRow()).toBe(4);
    expect(await page.getByRole('list', { name: 'Rows that will change in Pivor' }).locator(':scope > li').allTextContents()).toHaveLength(3);
    expect(await page.getByRole('list', { name: 'Rows that will change in Pivor' }).textContent()).toContain('Row 2 · ');
    expect(await page.getByRole('list', { name: 'Rows that will change in Pivor' }).textContent()).toContain(': new, will be created');
    await page.getByRole('button', { name: 'Send 3 changes to Pivor' }).click();
    await page.getByText(/^Push finished/).waitFor({ timeout: 30_000 });
    await ui.shot('08-import-pushed');
    const records = [...(await listById(admin, 'contacts')).values()];
    const ana = records.find((r) => r.email === 'ana.garcia@example.es')!;
    expect(ana.first_name).toBe('Ana');
    expect((ana.client as { name?: string } | null)?.name ?? null).toBe('Bright Futures Ltd');
  });

  it('holds back a new row like a contact already in Pivor, and creates it when ticked', async () => {
    const { page } = ui;
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    sheet.activate();
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const col = (h: string) => headers.indexOf(h) + 1;
    const row = sheet.getLastRow() + 1;
    const [first, last, email] = ['first_name', 'last_name', 'email'].map((h) => String(sheet.getRange(5, col(h)).getValue()));
    for (const [h, v] of [['first_name', first], ['last_name', last], ['email', email]] as const) sheet.getRange(row, col(h)).setValue(v);

    await page.getByRole('tab', { name: 'Push' }).click();
    await page.getByLabel('Sheet').selectOption({ label: 'Contacts (contacts)' });
    await page.getByRole('button', { name: 'Review changes' }).click();
    const review = page.getByRole('list', { name: 'What the push will do' });
    await review.waitFor({ timeout: 30_000 });
    expect(await review.textContent()).toContain('1 new, like records already in Pivor (created only if ticked below)');
    const box = page.getByRole('checkbox', { name: new RegExp(`^Row ${row} · ${first} ${last}: already in Pivor \\(probably contact \\d+\\)$`) });
    expect(await box.isChecked()).toBe(false);
    expect(await page.getByRole('button', { name: 'Nothing to send' }).isDisabled()).toBe(true);
    // Sent unticked (with an edit beside it), it is not created, and the end of the push says so.
    sheet.getRange(7, col('department')).setValue('Look-alike test');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Send 1 change to Pivor' }).click();
    await page.getByText(/^Push finished/).waitFor({ timeout: 30_000 });
    expect(await page.getByText(/^1 new row looks like records already in Pivor and was not created/).count()).toBe(1);
    expect([...(await listById(admin, 'contacts')).values()].filter((r) => r.email === email)).toHaveLength(1);
    await page.getByRole('button', { name: 'Review again' }).click();
    await box.waitFor({ timeout: 30_000 });
    await box.check();
    await ui.shot('08b-look-alike-review');
    await page.getByRole('button', { name: 'Send 1 change to Pivor' }).click();
    await page.getByText(/^Push finished/).waitFor({ timeout: 30_000 });
    expect(await page.getByText(/^Push finished/).textContent()).toContain('1 created');
    expect([...(await listById(admin, 'contacts')).values()].filter((r) => r.email === email)).toHaveLength(2);
    expect(Number(sheet.getRange(row, col('id')).getValue())).toBeGreaterThan(0);
  });

  it('opened from the menu with "Push changes", reviews the active sheet at once', async () => {
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    sheet.activate();
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    sheet.getRange(2, headers.indexOf('department') + 1).setValue('Menu-driven');
    const fromMenu = await openSidebar(gas, 'menuPush');
    try {
      const review = fromMenu.page.getByRole('list', { name: 'What the push will do' });
      await review.waitFor({ timeout: 30_000 });
      expect(await review.textContent()).toContain('1 to update');
      expect(await fromMenu.page.getByRole('tab', { name: 'Push' }).getAttribute('aria-selected')).toBe('true');
      await fromMenu.shot('10-menu-push-review');
    } finally {
      await fromMenu.close();
    }
  });

  it('asks before a pull replaces changes not pushed, and keeps them when told to', async () => {
    const { page } = ui;
    // never pushed: the broken email the push above refused, and the menu test's edit in row 2
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const department = sheet.getRange(2, headers.indexOf('department') + 1);
    expect(department.getValue()).toBe('Menu-driven');
    await page.getByRole('tab', { name: 'Pull' }).click();
    await page.getByRole('button', { name: 'Pull Contacts' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Changes not pushed' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('The Contacts sheet has changes not pushed to Pivor (2 rows edited)');
    // the safe answer has the focus
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep my changes');
    await ui.shot('11-pull-asks-first');
    await ask.getByRole('button', { name: 'Keep my changes' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(department.getValue()).toBe('Menu-driven');

    await page.getByRole('button', { name: 'Pull Contacts' }).click();
    await ask.getByRole('button', { name: 'Pull anyway' }).click();
    await page.getByText(/^Pulled \d+ contacts/).waitFor({ timeout: 30_000 });
    expect(department.getValue()).not.toBe('Menu-driven');
  });

  it('signs out, revoking the token', async () => {
    const { page } = ui;
    const token = gas.properties.getUserProperties().getProperty('pivor.token')!;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('form', { name: 'Sign in to Pivor' }).waitFor();
    expect(await page.getByLabel("Pivor's address").inputValue()).toBe(sandbox.url);
    expect(gas.properties.getUserProperties().getProperty('pivor.token')).toBeNull();
    const probe = await admin.sendBatch([{ method: 'GET', path: '/user' }]);
    expect(probe[0]!.ok).toBe(true);
    await ui.shot('09-signed-out');
    expect(token).not.toBe('');
    // Every answer came the long way round, and nothing was left behind in the cache.
    expect(new Set(ui.calls)).toEqual(new Set(['callServer', 'takeServerResult']));
    expect(ui.calls.filter((c) => c === 'callServer').length).toBe(ui.calls.filter((c) => c === 'takeServerResult').length);
  });
});

// Review and Plan read one model (real Chromium, the sandbox over HTTP): their counts agree on a file with missing
// clients, a repeated email, normalizations and real errors, and follow an option changed on Review at once; an
// unchanged export pushed back shows no errors; a cell fixed in the grid, with the keyboard alone, is what Pivor
// receives, and the corrected file downloads.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readCsv, writeCsv } from '../../shared/csv/index.ts';
import { createFetchTransport, PivorClient } from '../../shared/api/index.ts';
import { exportCsv } from '../../shared/export/index.ts';
import { countOrZero as count, extensionSuite, openWizard, readText, screenshot, settled, toPlan, toReview } from './harness.ts';
import { allRecords, apiCreate } from './pivor-server.ts';

const suite = extensionSuite();
const dir = mkdtempSync(join(tmpdir(), 'pivor-review-'));
beforeAll(() => apiCreate(suite.sandbox.url, suite.token, 'clients', { name: 'Meridian Engineering Ltd' }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The wizard on a file, at Review. */
async function reviewFile(path: string, resource: string): Promise<Page> {
  const page = await openWizard(suite.ext, path, resource);
  await toReview(page);
  return page;
}

/** Keys go to the cell's editor only once it is open and focused (a loaded machine renders it later). */
async function editorOpen(page: Page): Promise<void> {
  await page.locator('input.cell-input:focus').waitFor({ timeout: 30_000 });
}

async function reviewCounts(page: Page) {
  return { valid: await count(page, 'count-valid'), warnings: await count(page, 'count-warnings'), errors: await count(page, 'count-errors') };
}

async function planCounts(page: Page) {
  await toPlan(page);
  const counts = {
    create: await count(page, 'plan-create'), update: await count(page, 'plan-update'), unchanged: await count(page, 'plan-unchanged'),
    held: await count(page, 'plan-duplicate'), skip: await count(page, 'plan-skip'),
  };
  return counts;
}

describe('one model on Review and Plan', () => {
  test('counts agree on missing clients, a repeated email, normalizations and real errors, and follow "create clients" at once', { timeout: 120_000 }, async () => {
    // 2, 3: a client Pivor lacks; 4: France → FR and spaces trimmed (infos); 5: a bad email (an error);
    // 6: row 4's email again (the plan skips it); 7: a near client name (held for a choice); 8: plain
    const path = file('model-contacts.csv', writeCsv(['first_name', 'last_name', 'email', 'client_name', 'country'], [
      ['Ada', 'Byron', 'ada@nova.test', 'Nova Labs', ''],
      ['Bo', 'Ng', 'bo@nova.test', 'Nova Labs', ''],
      ['  Cy ', 'Ito', 'cy@example.test', '', 'France'],
      ['Di', 'Roe', 'not-an-email', '', ''],
      ['Ed', 'Ito', 'CY@example.test', '', ''],
      ['Flo', 'Ray', 'flo@example.test', 'Meridian Engineering', ''],
      ['Gus', 'Lam', 'gus@example.test', '', ''],
    ]));
    const page = await reviewFile(path, 'contacts');
    // without creating clients: rows 2 and 3 are not sent, on both screens
    expect(await reviewCounts(page)).toEqual({ valid: 2, warnings: 0, errors: 5 });
    // a normalization marks its cell, not the row
    expect(await page.locator('[data-testid=review-row-4]').count()).toBe(0);
    await page.click('[data-testid=only-issues]');
    expect(await page.getAttribute('[data-testid=review-row-4]', 'class')).toBe('status-valid');
    expect(await page.getAttribute('[data-testid=review-row-4] td[data-column=country]', 'class')).toBe('cell-info');
    expect(await page.textContent('[data-testid=review-row-6] .issue-list')).toMatch(/^email: row 4 has the same email/);

    await page.getByLabel('Create clients that are not in Pivor yet').check();
    await settled(page);
    await expect.poll(() => count(page, 'count-errors'), { timeout: 30_000 }).toBe(3);
    const review = await reviewCounts(page);
    expect(review).toEqual({ valid: 4, warnings: 0, errors: 3 });
    expect(await page.textContent('[data-testid=review-row-2] .issue-list')).toContain('Nova Labs');
    await screenshot(page, 'review-model-wide');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'review-model-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 480, height: 860 });
    await screenshot(page, 'review-model-narrow');
    await page.setViewportSize({ width: 1200, height: 860 });

    const plan = await planCounts(page);
    expect(plan.create + plan.update + plan.unchanged).toBe(review.valid + review.warnings);
    expect(plan.skip + plan.held).toBe(review.errors);
    expect(plan).toEqual({ create: 4, update: 0, unchanged: 0, held: 0, skip: 3 });
    // each reason says its column once, and the row only in its own cell
    await page.locator('.plan-filter label', { hasText: 'Skipped' }).click();
    const reason = await page.textContent('[data-testid=plan-row-5] .skip-reason');
    expect(reason).toMatch(/^email: /);
    expect(reason).not.toMatch(/Row 5|column email/);
    await screenshot(page, 'review-model-plan');
    await page.close();
  });

  test('an unchanged export pushed back shows no errors, though Pivor holds a status its API cannot write', { timeout: 120_000 }, async () => {
    const kept = await apiCreate(suite.sandbox.url, suite.token, 'clients', { name: 'Old Co', email: 'old@co.test' });
    suite.sandbox.query("UPDATE clients SET status = 'archived' WHERE id = ?", [kept.id]);
    const client = new PivorClient({ baseUrl: suite.sandbox.url, transport: createFetchTransport({}) });
    await client.createToken('admin@pivor.dev', 'password', 'export');
    const page = await reviewFile(file('clients-export.csv', (await exportCsv(client, 'clients')).csv), 'clients');
    const records = await count(page, 'count-records');
    expect(await reviewCounts(page)).toEqual({ valid: records, warnings: 0, errors: 0 });
    expect(await page.isChecked('[data-testid=only-issues]')).toBe(false);
    const row = page.locator('tr', { has: page.locator('td', { hasText: 'Old Co' }) });
    expect(await row.locator('td[data-column=status]').getAttribute('class')).toBe('cell-info');
    expect(await row.locator('.issue-list').textContent()).toMatch(/archived" is what Pivor holds already/);
    expect(await planCounts(page)).toEqual({ create: 0, update: 0, unchanged: records, held: 0, skip: 0 });
    await page.close();
  });

  test('a cell fixed in the grid with the keyboard is what Pivor receives; the corrected CSV downloads', { timeout: 120_000 }, async () => {
    const path = file('fix-me.csv', writeCsv(['first_name', 'last_name', 'email'], [['Hal', 'Fix', 'hal(at)fix.test'], ['Ivy', 'Ok', 'ivy@fix.test']]));
    const page = await reviewFile(path, 'contacts');
    expect(await reviewCounts(page)).toEqual({ valid: 1, warnings: 0, errors: 1 });
    // keyboard only: to the cell, Enter, type, Enter
    const cell = page.locator('[data-testid=review-row-2] td[data-column=email]');
    await cell.focus();
    await page.keyboard.press('Enter');
    await editorOpen(page);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('hal@fix.test');
    await page.keyboard.press('Enter');
    await settled(page);
    await expect.poll(() => count(page, 'count-errors'), { timeout: 30_000 }).toBe(0);
    expect(await count(page, 'count-valid')).toBe(2);
    await page.click('[data-testid=only-issues]');
    expect(await page.getAttribute('[data-testid=review-row-2] td[data-column=email]', 'class')).toContain('cell-edited');

    await page.click('[data-testid=download-corrected]');
    const saved = await suite.ext.download('fix-me-corrected.csv');
    // read once Chrome has written it all
    await expect.poll(() => readCsv(readText(saved)).records.length, { timeout: 20_000 }).toBe(2);
    expect(readCsv(readText(saved)).records.map((r) => r.cells)).toEqual([['Hal', 'Fix', 'hal@fix.test'], ['Ivy', 'Ok', 'ivy@fix.test']]);

    expect(await planCounts(page)).toMatchObject({ create: 2, skip: 0 });
    await page.click('[data-testid=send]');
    await page.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
    const emails = (await allRecords(suite.sandbox.url, suite.token, 'contacts')).map((c) => c.email);
    expect(emails).toContain('hal@fix.test');
    expect(emails).not.toContain('hal(at)fix.test');
    await page.close();
  });

  test('the failures come back: "Fix and re-import" opens the failed rows in the grid with their errors, and they go through', { timeout: 180_000 }, async () => {
    const path = file('loop.csv', writeCsv(['first_name', 'last_name', 'email'], [['Jo', 'Loop', 'jo@loop.test'], ['Kim', 'Loop', 'kim at loop.test']]));
    const page = await reviewFile(path, 'contacts');
    await planCounts(page);
    await page.click('[data-testid=send]');
    await page.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
    expect(await count(page, 'result-problems')).toBe(1);
    expect(await page.textContent('[data-testid=result-row-3]')).toMatch(/email: .*kim at loop\.test/);
    await page.click('[data-testid=fix-failures]');
    await page.waitForSelector('[data-testid=count-records]', { timeout: 60_000 });
    await settled(page);
    // the failed row alone, its error on its cell, the push's message beside it; the failures CSV is still there
    expect(await reviewCounts(page)).toEqual({ valid: 0, warnings: 0, errors: 1 });
    expect(await page.getAttribute('[data-testid=review-row-2] td[data-column=email]', 'class')).toBe('cell-error');
    expect(await page.textContent('[data-testid=review-row-2] [data-testid=last-error]')).toContain('kim at loop.test');
    await screenshot(page, 'review-model-failures-back');
    await page.locator('[data-testid=review-row-2] td[data-column=email]').dblclick();
    await editorOpen(page);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('kim@loop.test');
    await page.keyboard.press('Enter');
    await settled(page);
    await expect.poll(() => count(page, 'count-errors'), { timeout: 30_000 }).toBe(0);
    expect(await planCounts(page)).toMatchObject({ create: 1, skip: 0 });
    await page.click('[data-testid=send]');
    await page.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
    const loop = (await allRecords(suite.sandbox.url, suite.token, 'contacts')).filter((c) => c.last_name === 'Loop').map((c) => c.email).sort();
    expect(loop).toEqual(['jo@loop.test', 'kim@loop.test']);
    await page.close();
  });

  test('a near client name: pick the existing client in the grid, and the contact is linked to it', { timeout: 120_000 }, async () => {
    const meridian = (await allRecords(suite.sandbox.url, suite.token, 'clients')).find((c) => c.name === 'Meridian Engineering Ltd')!;
    const path = file('near.csv', writeCsv(['first_name', 'last_name', 'email', 'client_name'], [['Lee', 'Near', 'lee@near.test', 'Meridian Engineering']]));
    const page = await reviewFile(path, 'contacts');
    expect(await reviewCounts(page)).toEqual({ valid: 0, warnings: 0, errors: 1 });
    const picker = page.locator('[data-testid=choose-2]');
    expect(await picker.locator('option').allTextContents()).toContain(`client ${meridian.id} (Meridian Engineering Ltd)`);
    await picker.selectOption(String(meridian.id));
    await settled(page);
    await expect.poll(() => count(page, 'count-errors'), { timeout: 30_000 }).toBe(0);
    await page.click('[data-testid=only-issues]');
    expect(await page.locator('[data-testid=choose-2]').inputValue()).toBe(String(meridian.id));
    await screenshot(page, 'review-model-near-client');
    expect(await planCounts(page)).toMatchObject({ create: 1, skip: 0 });
    await page.click('[data-testid=send]');
    await page.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
    const lee = (await allRecords(suite.sandbox.url, suite.token, 'contacts')).find((c) => c.email === 'lee@near.test')!;
    expect(lee.client_id).toBe(meridian.id);
    await page.close();
  });

  test('value mapping: a status Pivor does not know is mapped once for every row, remembered, and sent as mapped', { timeout: 120_000 }, async () => {
    const path = file('statuses.csv', writeCsv(['first_name', 'last_name', 'email', 'status'], [
      ['Ada', 'Vm', 'ada@vm.test', 'active'], ['Bo', 'Vm', 'bo@vm.test', 'Hot lead'], ['Cy', 'Vm', 'cy@vm.test', 'inactive'], ['Di', 'Vm', 'di@vm.test', 'hot lead'],
    ]));
    const page = await reviewFile(path, 'contacts');
    expect(await reviewCounts(page)).toEqual({ valid: 2, warnings: 0, errors: 2 });
    const choice = page.locator('[data-testid="value-map-status-hot lead"]');
    expect(await page.textContent('[data-testid=value-mapping]')).toContain('Hot lead');
    await choice.selectOption('inactive');
    await settled(page);
    await expect.poll(() => count(page, 'count-errors'), { timeout: 30_000 }).toBe(0);
    await screenshot(page, 'review-model-value-mapping');
    // the same file again: the mapping is remembered
    const again = await reviewFile(path, 'contacts');
    expect(await again.locator('[data-testid="value-map-status-hot lead"]').inputValue()).toBe('inactive');
    expect(await count(again, 'count-errors')).toBe(0);
    await again.close();
    expect(await planCounts(page)).toMatchObject({ create: 4, skip: 0 });
    await page.click('[data-testid=send]');
    await page.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
    const sent = (await allRecords(suite.sandbox.url, suite.token, 'contacts')).filter((c) => c.last_name === 'Vm');
    expect(sent.map((c) => `${c.first_name}:${c.status}`).sort()).toEqual(['Ada:active', 'Bo:inactive', 'Cy:inactive', 'Di:inactive']);
    await page.close();
  });
});

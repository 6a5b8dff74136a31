// The review grid and the steps around it, as a user meets them (real Chromium, the sandbox over HTTP): find and replace
// in a column (counted before it changes anything, checked again at once, undone in one step, what Pivor receives and
// what the corrected CSV holds); a keyboard-only path through the grid to Pivor; the mapping's dropdowns list the
// fields suggested for their column first; large counts read with thousands separators, Plan opens on the rows it will not send with the first in view, Review's line of
// columns not imported leaves the empty ones out. Screenshots (wide, 480 px, dark) land in test-artifacts/extension/.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readCsv, writeCsv } from '../../shared/csv/index.ts';
import { mapHeaders, tableSamples } from '../../shared/map/index.ts';
import { getResource } from '../../shared/resources/index.ts';
import { countOrZero as count, extensionSuite, openWizard, readText, screenshot, settled, tabTo, toMapping, toPlan, toReview } from './harness.ts';
import { allRecords } from './pivor-server.ts';

const realWorld = new URL('../fixtures/real-world/', import.meta.url).pathname;
const suite = extensionSuite();
const dir = mkdtempSync(join(tmpdir(), 'pivor-grid-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The wizard on a file, at Review once it has checked, at a given width. */
async function reviewFile(path: string, resource: string, width = 1200): Promise<Page> {
  const page = await openWizard(suite.ext, path, resource);
  await page.setViewportSize({ width, height: 860 });
  await toReview(page);
  await settled(page);
  return page;
}

async function previewSays(page: Page, text: RegExp): Promise<void> {
  await expect.poll(() => page.textContent('[data-testid=replace-preview]'), { timeout: 30_000 }).toMatch(text);
}

async function tile(page: Page, testId: string): Promise<string> {
  return (await page.textContent(`[data-testid=${testId}] .value`))!.trim();
}

/** Whether the element is wholly inside the window as scrolled now. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
}

/** 1,200 contacts: rows 900 and 1,100 have no valid email; "Nickname" is empty throughout, "Favourite colour" is no field. */
function largeFile(): string {
  const rows: string[][] = [];
  for (let i = 2; i <= 1201; i++) {
    const email = i === 900 || i === 1100 ? `row${i} at example.test` : `row${i}@grid.test`;
    rows.push([`First${i}`, `Last${i}`, email, '', i % 2 ? 'blue' : 'green']);
  }
  return file('grid-large.csv', writeCsv(['first_name', 'last_name', 'email', 'Nickname', 'Favourite colour'], rows));
}

describe('counts, the first skipped row, the columns left out', () => {
  test('large counts read with thousands separators; Plan opens on the skipped rows with the first in view', { timeout: 180_000 }, async () => {
    const page = await reviewFile(largeFile(), 'contacts', 480);
    expect(await tile(page, 'count-records')).toBe('1,200');
    expect(await tile(page, 'count-valid')).toBe('1,198');
    expect(await page.textContent('[data-testid=review-summary]')).toContain('1,198 to create');
    // an empty column is no column "not imported": it is counted apart, as the mapping step hides it
    const leftOut = page.locator('[data-testid=review-not-imported] summary');
    expect((await leftOut.textContent())!.replace(/\s+/g, ' ')).toBe('1 column not imported:“Favourite colour”(and 1 empty)');

    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await toPlan(page);
    expect(await tile(page, 'plan-create')).toBe('1,198');
    expect(await page.textContent('[data-testid=send]')).toBe('Send 1,198 changes to Pivor');
    expect(await page.textContent('.plan-filter')).toContain('Creates (1,198)');
    // the rows not sent come first, the first of them on screen
    expect(await page.isChecked('.plan-filter label:has-text("Skipped") input')).toBe(true);
    await expect.poll(() => inView(page, '[data-testid=plan-row-900]'), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'grid-plan-first-skipped-narrow', { fullPage: false });
    await page.setViewportSize({ width: 1200, height: 860 });
    await screenshot(page, 'grid-plan-first-skipped-wide', { fullPage: false });
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'grid-plan-first-skipped-dark', { fullPage: false });
    await page.emulateMedia({ colorScheme: 'light' });
    // another filter and back: the first skipped row comes into view again
    await page.locator('.plan-filter label', { hasText: 'Creates' }).click();
    expect(await page.textContent('.pager')).toContain('1–50 of 1,198 contacts');
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await page.locator('.plan-filter label', { hasText: 'Skipped' }).click();
    await expect.poll(() => inView(page, '[data-testid=plan-row-900]'), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  test('a Google Contacts export: Review names the columns left out that hold values, and only counts the empty ones', { timeout: 120_000 }, async () => {
    const path = realWorld + 'google-contacts.csv';
    const table = readCsv(readText(path));
    const empty = table.headers.filter((_, i) => table.records.every((r) => (r.cells[i] ?? '').trim() === ''));
    expect(empty.length).toBeGreaterThan(10);
    // of those, the ones that fill no field (a phone's empty label is read with its phone, and is no column left out)
    const mapping = mapHeaders(getResource('contacts'), table.headers, {}, tableSamples(table));
    const emptyLeftOut = mapping.columns.filter((c) => empty.includes(c.header) && c.field === null && c.reason !== 'combined');
    expect(emptyLeftOut.length).toBeGreaterThan(10);
    const page = await reviewFile(path, 'contacts');
    const fold = page.locator('[data-testid=review-not-imported]');
    const line = (await fold.locator('summary').textContent())!;
    expect(await page.textContent('[data-testid=review-empty-columns]')).toBe(`(and ${emptyLeftOut.length} empty)`);
    await fold.locator('summary').click();
    const listed = await fold.locator('li').allTextContents();
    for (const header of empty) expect(listed.join('\n')).not.toContain(`"${header}"`);
    const notImported = Number(/^(\d+) columns? not imported/.exec(line)![1]);
    expect(notImported).toBeGreaterThan(0);
    expect(notImported).toBeLessThan(table.headers.length - empty.length);
    await screenshot(page, 'grid-review-not-imported-wide');
    await page.close();
  });
});

describe('find and replace in a column', () => {
  test('counted before it applies, checked again at once, undone in one step; the corrected data is what Pivor receives', { timeout: 180_000 }, async () => {
    const path = file('replace-contacts.csv', writeCsv(['first_name', 'last_name', 'email', 'job_title'], [
      ['Ann', 'Rep', 'ann(at)rep.test', 'Engineer'], ['Ben', 'Rep', 'BEN(AT)rep.test', ''], ['Cy', 'Rep', 'cy@rep.test', ''], ['Di', 'Rep', 'di@rep.test', 'Engineer'],
    ]));
    const page = await reviewFile(path, 'contacts');
    expect(await count(page, 'count-errors')).toBe(2);
    await page.locator('[data-testid=find-replace] summary').click();
    await page.locator('#fr-column').selectOption({ label: 'email' });
    await page.fill('#fr-find', '(at)');
    await page.fill('#fr-replace', '@');
    // counted over the whole column before anything changes, any case first, then matching case
    await previewSays(page, /^Will change 2 cells of “email”/);
    const examples = (await page.locator('.fr-examples li').allTextContents()).map((t) => t.replace(/\s*→\s*becomes\s*/, ' → '));
    expect(examples).toEqual(['Row 2: ann(at)rep.test → ann@rep.test', 'Row 3: BEN(AT)rep.test → BEN@rep.test']);
    await page.getByLabel('Match case').check();
    await previewSays(page, /^Will change 1 cell of “email”/);
    await page.getByLabel('Match case').uncheck();
    await previewSays(page, /^Will change 2 cells/);
    await screenshot(page, 'grid-replace-preview-wide');
    await page.setViewportSize({ width: 480, height: 860 });
    await screenshot(page, 'grid-replace-preview-narrow');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'grid-replace-preview-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1200, height: 860 });
    expect(await count(page, 'count-errors')).toBe(2);

    await page.click('[data-testid=replace-apply]');
    await settled(page);
    await expect.poll(() => count(page, 'count-errors'), { timeout: 30_000 }).toBe(0);
    await previewSays(page, /^No cell of “email” that holds “\(at\)” would change/);
    await page.uncheck('[data-testid=only-issues]');
    expect(await page.getAttribute('[data-testid=review-row-2] td[data-column=email]', 'class')).toContain('cell-edited');
    expect(await page.textContent('[data-testid=review-row-3] td[data-column=email]')).toBe('BEN@rep.test');

    // a second replacement, text that looks like HTML, fills the empty job titles: shown as text; then undone whole
    await page.locator('#fr-column').selectOption({ label: 'job_title' });
    await page.fill('#fr-find', '');
    await page.fill('#fr-replace', '<b>Lead</b>');
    await page.getByLabel('Whole cell only').check();
    await previewSays(page, /^Will change 2 cells of “job_title”/);
    await page.click('[data-testid=replace-apply]');
    await settled(page);
    await expect.poll(() => page.textContent('[data-testid=review-row-3] td[data-column=job_title]'), { timeout: 30_000 }).toBe('<b>Lead</b>');
    expect(await page.locator('[data-testid=review-row-3] td[data-column=job_title] b').count()).toBe(0);
    await previewSays(page, /^No cell of “job_title” that is empty would change/);
    await screenshot(page, 'grid-replace-applied-wide');
    await page.click('[data-testid=replace-undo]');
    await settled(page);
    await expect.poll(() => page.textContent('[data-testid=review-row-3] td[data-column=job_title]'), { timeout: 30_000 }).toBe('');
    expect(await page.getAttribute('[data-testid=review-row-3] td[data-column=job_title]', 'class')).not.toContain('cell-edited');
    // the undo took back the last replacement only: the emails stay fixed
    expect(await page.textContent('[data-testid=review-row-2] td[data-column=email]')).toBe('ann@rep.test');
    expect(await count(page, 'count-errors')).toBe(0);
    expect(await page.locator('[data-testid=replace-undo]').count()).toBe(0);

    await page.click('[data-testid=download-corrected]');
    const saved = await suite.ext.download('replace-contacts-corrected.csv');
    await expect.poll(() => readCsv(readText(saved)).records.length, { timeout: 20_000 }).toBe(4);
    expect(readCsv(readText(saved)).records.map((r) => r.cells)).toEqual([
      ['Ann', 'Rep', 'ann@rep.test', 'Engineer'], ['Ben', 'Rep', 'BEN@rep.test', ''], ['Cy', 'Rep', 'cy@rep.test', ''], ['Di', 'Rep', 'di@rep.test', 'Engineer'],
    ]);

    await toPlan(page);
    expect(await count(page, 'plan-create')).toBe(4);
    await page.click('[data-testid=send]');
    await page.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
    const sent = (await allRecords(suite.sandbox.url, suite.token, 'contacts')).filter((c) => c.last_name === 'Rep');
    expect(sent.map((c) => `${c.first_name}:${c.email}:${c.job_title ?? ''}`).sort()).toEqual([
      'Ann:ann@rep.test:Engineer', 'Ben:BEN@rep.test:', 'Cy:cy@rep.test:', 'Di:di@rep.test:Engineer',
    ]);
    await page.close();
  });
});

/** The focused element's accessible name (a grid cell's "Row 4, email…"). */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
}

describe('the keyboard alone', () => {
  test('through the grid: cells by arrow keys, fixed with Enter and F2, the issues filter, find and replace, Plan and Send', { timeout: 180_000 }, async () => {
    const path = file('keys-contacts.csv', writeCsv(['first_name', 'last_name', 'email'], [
      ['Ann', 'Key', 'ann(at)key.test'], ['Ben', 'Key', 'ben(at)key.test'], ['Cy', 'Key', 'cy-at-key.test'], ['Di', 'Key', 'di at key.test'], ['Ed', 'Key', 'ed@key.test'],
    ]));
    const page = await openWizard(suite.ext, path, 'contacts');
    await tabTo(page, /^Continue to mapping$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.mapping-table');
    await tabTo(page, /^Check the rows$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=count-records]', { timeout: 60_000 });
    await settled(page);
    expect(await count(page, 'count-errors')).toBe(4);

    // find and replace: opened, filled and applied from the keyboard
    await tabTo(page, /^Find and replace in a column/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^(first_name|last_name|email)/); // the column's select, named by its choice
    await page.keyboard.press('End'); // the last column: email
    expect(await page.locator('#fr-column option:checked').textContent()).toBe('email');
    await page.keyboard.press('Tab');
    await page.keyboard.type('(at)');
    await page.keyboard.press('Tab');
    await page.keyboard.type('@');
    await previewSays(page, /^Will change 2 cells of “email”/);
    await page.keyboard.press('Enter');
    await settled(page);
    await expect.poll(() => count(page, 'count-errors'), { timeout: 30_000 }).toBe(2);

    // the issues filter, off and on again with Space
    await tabTo(page, /Only rows with warnings or errors/);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.review-table tbody tr').count()).toBe(5);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.review-table tbody tr').count()).toBe(2);

    // into the grid in one Tab stop, along the row with the arrows, Enter to edit, Enter to keep
    await tabTo(page, /^Row 4, first_name/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatch(/^Row 4, email: /);
    await screenshot(page, 'grid-keyboard-cell-wide', { fullPage: false });
    await page.setViewportSize({ width: 480, height: 860 });
    await page.evaluate(() => document.activeElement?.scrollIntoView({ block: 'center', inline: 'center' }));
    expect(await focused(page)).toMatch(/^Row 4, email: /);
    await screenshot(page, 'grid-keyboard-cell-narrow', { fullPage: false });
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'grid-keyboard-cell-dark', { fullPage: false });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1200, height: 860 });
    await page.keyboard.press('Enter');
    await page.locator('input.cell-input:focus').waitFor({ timeout: 30_000 });
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('cy@key.test');
    await page.keyboard.press('Enter');
    await settled(page);
    await expect.poll(() => count(page, 'count-errors'), { timeout: 30_000 }).toBe(1);
    // the fixed row left the filtered grid: the focus is on the cell that took its place
    await expect.poll(() => focused(page), { timeout: 30_000 }).toMatch(/^Row 5, email: /);
    await page.keyboard.press('F2');
    await page.locator('input.cell-input:focus').waitFor({ timeout: 30_000 });
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('di@key.test');
    await page.keyboard.press('Enter');
    await settled(page);
    await expect.poll(() => count(page, 'count-errors'), { timeout: 30_000 }).toBe(0);

    await tabTo(page, /^See what will change$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=plan-create]', { timeout: 60_000 });
    await tabTo(page, /^Send 5 changes to Pivor$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
    const sent = (await allRecords(suite.sandbox.url, suite.token, 'contacts')).filter((c) => c.last_name === 'Key');
    expect(sent.map((c) => c.email).sort()).toEqual(['ann@key.test', 'ben@key.test', 'cy@key.test', 'di@key.test', 'ed@key.test']);
    await page.close();
  });
});

describe('the mapping dropdowns', () => {
  test('list the fields suggested for their column first, most likely first, and stay usable from the keyboard', { timeout: 120_000 }, async () => {
    const path = file('suggest-contacts.csv', writeCsv(['Vorname', 'Nachname', 'Tel. privé', 'Courriel'], [
      ['Ada', 'Byron', '+44 20 7946 0958', 'ada@suggest.test'], ['Bo', 'Ng', '+44 20 7946 0959', 'bo@suggest.test'], ['Cy', 'Ito', '020 7946 0960', 'cy@suggest.test'],
    ]));
    const page = await openWizard(suite.ext, path, 'contacts');
    await toMapping(page);
    const suggested = (header: string) => page.getByLabel(`Field for column ${header}`).locator('optgroup[label="Suggested for this column"] option').allTextContents();
    // matched by their values: the phone column offers phone then mobile, the email column email
    expect(await suggested('Tel. privé')).toEqual(['Phone', 'Mobile']);
    expect(await suggested('Courriel')).toEqual(['Email']);
    // every field is still there, once
    const all = await page.getByLabel('Field for column Tel. privé').locator('option').allTextContents();
    expect(all.filter((o) => o === 'Phone')).toHaveLength(1);
    expect(all).toContain('Job title');
    // a header and values that say nothing: no group, the fields as they are
    await page.locator('[data-testid=not-imported] summary').click();
    expect(await page.getByLabel('Field for column Vorname').locator('optgroup').count()).toBe(0);
    await screenshot(page, 'grid-mapping-suggested-wide');
    await page.setViewportSize({ width: 480, height: 860 });
    await screenshot(page, 'grid-mapping-suggested-narrow');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'grid-mapping-suggested-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1200, height: 860 });

    // from the keyboard: Home is "Don't import", the next choice down the first suggestion, then the second
    await tabTo(page, /^Field for column Tel\. privé$/);
    const tel = page.getByLabel('Field for column Tel. privé');
    await page.keyboard.press('Home');
    expect(await tel.inputValue()).toBe('');
    await page.keyboard.press('ArrowDown');
    expect(await tel.inputValue()).toBe('phone');
    await page.keyboard.press('ArrowDown');
    expect(await tel.inputValue()).toBe('mobile');
    await page.close();
  });
});

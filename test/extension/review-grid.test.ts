// The review grid and the steps around it, as a user meets them (real Chromium, the sandbox over HTTP): large counts
// read with thousands separators, Plan opens on the rows it will not send with the first in view, Review's line of
// columns not imported leaves the empty ones out. Screenshots (wide, 480 px, dark) land in test-artifacts/extension/.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/index.ts';
import { readCsv, writeCsv } from '../../shared/csv/index.ts';
import { mapHeaders, tableSamples } from '../../shared/map/index.ts';
import { getResource } from '../../shared/resources/index.ts';
import { startTestServer } from '../helpers/test-server.ts';
import { buildExtension, launchExtension, readText, screenshot, signInThroughPopup, type LoadedExtension } from './harness.ts';

const realWorld = new URL('../fixtures/real-world/', import.meta.url).pathname;
let sandbox: Sandbox;
let ext: LoadedExtension;
const dir = mkdtempSync(join(tmpdir(), 'pivor-grid-'));

beforeAll(async () => {
  const [dist, started] = await Promise.all([buildExtension(), startTestServer({ seed: 'users' })]);
  sandbox = started;
  ext = await launchExtension(dist);
  (await signInThroughPopup(ext, sandbox.url)).close();
}, 180_000);

afterAll(async () => {
  await ext?.close();
  await sandbox?.close();
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function toReview(path: string, resource: string, width = 1200): Promise<Page> {
  const page = await ext.open(`wizard/index.html#resource=${resource}`);
  await page.setViewportSize({ width, height: 860 });
  await page.setInputFiles('#file-input', path);
  await page.waitForSelector('[data-testid=detection]', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Continue to mapping', exact: true }).click();
  await page.waitForSelector('.mapping-table');
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await page.waitForSelector('[data-testid=count-records]', { timeout: 60_000 });
  await settled(page);
  return page;
}

/** Waits until the Review step has finished checking (after an option or a cell changed). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !!document.querySelector('[data-testid=count-records]'), undefined, { timeout: 60_000 });
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
    const page = await toReview(largeFile(), 'contacts', 480);
    expect(await tile(page, 'count-records')).toBe('1,200');
    expect(await tile(page, 'count-valid')).toBe('1,198');
    expect(await page.textContent('[data-testid=review-summary]')).toContain('1,198 to create');
    // an empty column is no column "not imported": it is counted apart, as the mapping step hides it
    const leftOut = page.locator('[data-testid=review-not-imported] summary');
    expect((await leftOut.textContent())!.replace(/\s+/g, ' ')).toBe('1 column not imported:“Favourite colour”(and 1 empty)');

    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await page.getByRole('button', { name: 'See what will change', exact: true }).click();
    await page.waitForSelector('[data-testid=plan-create]', { timeout: 60_000 });
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
    const page = await toReview(path, 'contacts');
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

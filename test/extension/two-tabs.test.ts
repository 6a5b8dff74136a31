// One push per Pivor and resource across the browser: two wizard tabs with the same file, both planned; the
// second "Send" while the first push runs is refused at once with a clear word, and sent again after the first
// has finished, it is planned anew from Pivor's records and creates nothing. Every row ends in Pivor once.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/index.ts';
import { startTestServer } from '../helpers/test-server.ts';
import { buildExtension, launchExtension, screenshot, signInThroughPopup, type LoadedExtension } from './harness.ts';

const ROWS = 60;
let sandbox: Sandbox;
let ext: LoadedExtension;

beforeAll(async () => {
  const [dist, started] = await Promise.all([buildExtension(), startTestServer({ seed: 'users' })]);
  sandbox = started;
  ext = await launchExtension(dist);
  (await signInThroughPopup(ext, sandbox.url)).close();
}, 90_000);

afterAll(async () => {
  await ext?.close();
  await sandbox?.close();
});

function file(): Buffer {
  const lines = ['first_name,last_name'];
  for (let i = 1; i <= ROWS; i++) lines.push(`Tabs,Person ${String(i).padStart(3, '0')}`);
  return Buffer.from(lines.join('\n') + '\n');
}

function perRow(): number[] {
  return sandbox.query("SELECT COUNT(*) AS n FROM contacts WHERE first_name = 'Tabs' AND deleted_at IS NULL GROUP BY last_name").map((r) => Number(r.n));
}

async function planned(): Promise<Page> {
  const page = await ext.open('wizard/index.html');
  await page.setInputFiles('#file-input', { name: 'two-tabs.csv', mimeType: 'text/csv', buffer: file() });
  await page.waitForSelector('[data-testid=detection]');
  await page.getByRole('button', { name: 'Continue to mapping', exact: true }).click();
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await page.waitForSelector('[data-testid=count-records]');
  await page.getByRole('button', { name: 'See what will change', exact: true }).click();
  await page.waitForSelector('[data-testid=plan-create]');
  return page;
}

test('a second tab cannot push the same resource while the first does; sent afterwards, it creates nothing', { timeout: 120_000 }, async () => {
  const first = await planned();
  const second = await planned();
  expect(await second.textContent('[data-testid=plan-create] .value')).toBe(String(ROWS));

  sandbox.setFaults({ latencyMs: 150 }); // 60 rows, 4 at a time: a couple of seconds
  await first.click('[data-testid=send]');
  await expect.poll(() => perRow().length, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(4);
  const posts = sandbox.stats().byRoute['POST /api/contacts'] ?? 0;
  await second.click('[data-testid=send]');
  await second.waitForSelector('[data-testid=step-error]');
  // what runs where it can be said: the resource, since when, the file and its size
  expect(await second.textContent('[data-testid=step-error]'))
    .toMatch(/Another import is running.*Another tab or window has been importing contacts into this Pivor since \d{1,2}:\d{2}.*: “two-tabs\.csv”, 60 rows\. Wait for that import to finish/s);
  await screenshot(second, 'wizard-push-busy');
  expect(perRow().length, 'the first push was still under way').toBeLessThan(ROWS);

  await first.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
  expect(Number(await first.textContent('[data-testid=result-created] .value'))).toBe(ROWS);
  expect((sandbox.stats().byRoute['POST /api/contacts'] ?? 0) - posts).toBeLessThanOrEqual(ROWS);
  sandbox.setFaults({});

  // The second tab's plan is from before the first push; sent now, it is planned again under the lock.
  await second.click('[data-testid=send]');
  await second.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
  expect(Number(await second.textContent('[data-testid=result-created] .value'))).toBe(0);
  const rows = perRow();
  expect(rows, 'one record per row of the file').toHaveLength(ROWS);
  expect(rows.every((n) => n === 1), 'no row created twice').toBe(true);
});

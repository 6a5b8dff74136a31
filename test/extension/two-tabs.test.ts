// One push per Pivor and resource across the browser: two wizard tabs with the same file, both planned; the
// second "Send" while the first push runs is refused at once with a clear word, and sent again after the first
// has finished, it is planned anew from Pivor's records and creates nothing. Every row ends in Pivor once.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite, openWizard, screenshot, toPlan, toReview } from './harness.ts';

const ROWS = 60;
const suite = extensionSuite();

function file(): string {
  const lines = ['first_name,last_name'];
  for (let i = 1; i <= ROWS; i++) lines.push(`Tabs,Person ${String(i).padStart(3, '0')}`);
  return lines.join('\n') + '\n';
}

function perRow(): number[] {
  return suite.sandbox.query("SELECT COUNT(*) AS n FROM contacts WHERE first_name = 'Tabs' AND deleted_at IS NULL GROUP BY last_name").map((r) => Number(r.n));
}

async function planned(): Promise<Page> {
  const page = await openWizard(suite.ext, { name: 'two-tabs.csv', text: file() });
  await toReview(page);
  await toPlan(page);
  return page;
}

test('a second tab cannot push the same resource while the first does; sent afterwards, it creates nothing', { timeout: 120_000 }, async () => {
  const first = await planned();
  const second = await planned();
  expect(await second.textContent('[data-testid=plan-create] .value')).toBe(String(ROWS));

  // 60 rows, 4 at a time: 6 s or more, so the second tab's Send surely comes while it runs, even on a loaded machine
  suite.sandbox.setFaults({ latencyMs: 400 });
  await first.click('[data-testid=send]');
  await expect.poll(() => perRow().length, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(4);
  const posts = suite.sandbox.stats().byRoute['POST /api/contacts'] ?? 0;
  await second.click('[data-testid=send]');
  await second.waitForSelector('[data-testid=step-error]');
  // what runs where it can be said: the resource, since when, the file and its size
  expect(await second.textContent('[data-testid=step-error]'))
    .toMatch(/Another import is running.*Another tab or window has been importing contacts into this Pivor since \d{1,2}:\d{2}.*: “two-tabs\.csv”, 60 rows\. Wait for that import to finish/s);
  await screenshot(second, 'wizard-push-busy');
  expect(perRow().length, 'the first push was still under way').toBeLessThan(ROWS);

  await first.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
  expect(Number(await first.textContent('[data-testid=result-created] .value'))).toBe(ROWS);
  expect((suite.sandbox.stats().byRoute['POST /api/contacts'] ?? 0) - posts).toBeLessThanOrEqual(ROWS);
  suite.sandbox.setFaults({});

  // The second tab's plan is from before the first push; sent now, it is planned again under the lock.
  await second.click('[data-testid=send]');
  await second.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
  expect(Number(await second.textContent('[data-testid=result-created] .value'))).toBe(0);
  const rows = perRow();
  expect(rows, 'one record per row of the file').toHaveLength(ROWS);
  expect(rows.every((n) => n === 1), 'no row created twice').toBe(true);
});

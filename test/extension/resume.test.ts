// A push cut short by closing the wizard's tab (the sandbox made slow so it is mid-way), then resumed from a new
// wizard tab: every row ends in Pivor exactly once. The rows have no email, so only the journal prevents duplicates.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../../sandbox/index.ts';
import { startTestServer } from '../helpers/test-server.ts';
import { buildExtension, launchExtension, screenshot, signInThroughPopup, type LoadedExtension } from './harness.ts';

const ROWS = 80;
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

function resumeFile(): Buffer {
  const lines = ['first_name,last_name,job_title'];
  for (let i = 1; i <= ROWS; i++) lines.push(`Resume,Person ${String(i).padStart(3, '0')},Tester`);
  return Buffer.from(lines.join('\n') + '\n');
}

function createdRows(): { last_name: string; n: number }[] {
  return sandbox.query("SELECT last_name, COUNT(*) AS n FROM contacts WHERE first_name = 'Resume' AND deleted_at IS NULL GROUP BY last_name") as never;
}

test('closing the tab mid-push, then resuming, leaves each row in Pivor exactly once', { timeout: 90_000 }, async () => {
  const page = await ext.open('wizard/index.html');
  await page.setInputFiles('#file-input', { name: 'resume-people.csv', mimeType: 'text/csv', buffer: resumeFile() });
  await page.waitForSelector('[data-testid=detection]');
  await page.getByRole('button', { name: 'Continue to mapping', exact: true }).click();
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await page.waitForSelector('[data-testid=count-records]');
  expect(await page.locator('#match-by').inputValue()).toBe('none'); // nothing to match on
  await page.getByRole('button', { name: 'See what will change', exact: true }).click();
  await page.waitForSelector('[data-testid=plan-create]');

  // Slow enough (80 rows, 4 at a time: about 4 s) that the tab is surely closed mid-way, even on a busy machine.
  sandbox.setFaults({ latencyMs: 200 });
  await page.click('[data-testid=send]');
  // Wait until the push is well under way, then close the tab as a user would.
  await expect.poll(async () => createdRows().length, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(12);
  await screenshot(page, 'wizard-5-push');
  await page.close({ runBeforeUnload: false });
  await new Promise((resolve) => setTimeout(resolve, 400)); // requests already sent land on the server
  const before = createdRows().length;
  expect(before, 'rows created before the tab was closed').toBeGreaterThan(0);
  expect(before, 'rows created before the tab was closed').toBeLessThan(ROWS);
  sandbox.setFaults({ latencyMs: 20 });

  const again = await ext.open('wizard/index.html');
  await again.waitForSelector('[data-testid=resume-banner]');
  expect(await again.textContent('[data-testid=resume-banner]')).toContain('resume-people.csv');
  await screenshot(again, 'wizard-resume-offer');
  await again.getByRole('button', { name: 'Resume', exact: true }).click();
  await again.waitForSelector('[data-testid=plan-create]');
  expect(await again.textContent('.step-card')).toContain('Resuming an interrupted import');
  await screenshot(again, 'wizard-resume-plan');
  await again.click('[data-testid=send]');
  await again.waitForSelector('[data-testid=push-complete]', { timeout: 30_000 });
  await screenshot(again, 'wizard-resume-results');

  const rows = createdRows();
  expect(rows, 'one record per row of the file').toHaveLength(ROWS);
  expect(rows.filter((r) => Number(r.n) !== 1), 'rows created more than once').toEqual([]);
  expect(Number(await again.textContent('[data-testid=result-created] .value'))).toBe(ROWS);
  // Rows the first run created were not sent again: the journal knew them, or they were looked up on the server.
  expect(await again.textContent('table')).toMatch(/created by an earlier run of this push|found on the server after its answer was lost/);

  // Finished: nothing left to resume.
  const third = await ext.open('wizard/index.html');
  await third.waitForSelector('[data-testid=drop-zone]');
  await third.waitForTimeout(300);
  expect(await third.locator('[data-testid=resume-banner]').count()).toBe(0);
  sandbox.setFaults({});
});

test('cancel stops after the rows in flight: the rest are listed as skipped, and nothing is offered for resuming', { timeout: 60_000 }, async () => {
  const lines = ['first_name,last_name'];
  for (let i = 1; i <= 60; i++) lines.push(`Cancel,Person ${i}`);
  const page = await ext.open('wizard/index.html');
  await page.setInputFiles('#file-input', { name: 'cancel-people.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await page.waitForSelector('[data-testid=detection]');
  await page.getByRole('button', { name: 'Continue to mapping', exact: true }).click();
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await page.waitForSelector('[data-testid=count-records]');
  await page.getByRole('button', { name: 'See what will change', exact: true }).click();
  await page.waitForSelector('[data-testid=plan-create]');
  sandbox.setFaults({ latencyMs: 120 });
  await page.click('[data-testid=send]');
  await expect.poll(() => sandbox.query("SELECT COUNT(*) AS n FROM contacts WHERE first_name = 'Cancel'")[0]!.n as number, { timeout: 20_000, interval: 50 })
    .toBeGreaterThanOrEqual(5);
  await page.click('[data-testid=cancel-push]');
  await page.waitForSelector('[data-testid=push-stopped]', { timeout: 20_000 });
  sandbox.setFaults({});
  expect(await page.textContent('[data-testid=push-stopped]')).toContain('You cancelled it');
  const created = Number(sandbox.query("SELECT COUNT(*) AS n FROM contacts WHERE first_name = 'Cancel'")[0]!.n);
  expect(created).toBeLessThan(60);
  expect(Number(await page.textContent('[data-testid=result-created] .value'))).toBe(created);
  expect(Number(await page.textContent('[data-testid=result-problems] .value'))).toBe(60 - created);
  await screenshot(page, 'wizard-6-results-cancelled');

  const again = await ext.open('wizard/index.html');
  await again.waitForSelector('[data-testid=drop-zone]');
  await again.waitForTimeout(300);
  expect(await again.locator('[data-testid=resume-banner]').count()).toBe(0);
  await again.close();
  await page.close();
});

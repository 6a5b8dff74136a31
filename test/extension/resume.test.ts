// A push cut short by closing the wizard's tab (the sandbox made slow so it is mid-way), then resumed from a new
// wizard tab: every row ends in Pivor exactly once. The rows have no email, so only the journal prevents duplicates.
import { expect, test } from 'vitest';
import { count, countOrZero, extensionSuite, openWizard, screenshot, toPlan, toReview } from './harness.ts';

const ROWS = 80;
const suite = extensionSuite();

function resumeFile(): string {
  const lines = ['first_name,last_name,job_title'];
  for (let i = 1; i <= ROWS; i++) lines.push(`Resume,Person ${String(i).padStart(3, '0')},Tester`);
  return lines.join('\n') + '\n';
}

function createdRows(): { last_name: string; n: number }[] {
  return suite.sandbox.query("SELECT last_name, COUNT(*) AS n FROM contacts WHERE first_name = 'Resume' AND deleted_at IS NULL GROUP BY last_name") as never;
}

test('closing the tab mid-push, then resuming, leaves each row in Pivor exactly once', { timeout: 90_000 }, async () => {
  const page = await openWizard(suite.ext, { name: 'resume-people.csv', text: resumeFile() });
  await toReview(page);
  expect(await page.locator('#match-by').inputValue()).toBe('none'); // nothing to match on
  await toPlan(page);

  // Slow enough (80 rows, 4 at a time: about 4 s) that the tab is surely closed mid-way, even on a busy machine.
  suite.sandbox.setFaults({ latencyMs: 200 });
  await page.click('[data-testid=send]');
  // Wait until the push is well under way, then close the tab as a user would.
  await expect.poll(async () => createdRows().length, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(12);
  await screenshot(page, 'wizard-5-push');
  await page.close({ runBeforeUnload: false });
  await new Promise((resolve) => setTimeout(resolve, 400)); // requests already sent land on the server
  const before = createdRows().length;
  expect(before, 'rows created before the tab was closed').toBeGreaterThan(0);
  expect(before, 'rows created before the tab was closed').toBeLessThan(ROWS);
  suite.sandbox.setFaults({ latencyMs: 20 });

  const again = await suite.ext.open('wizard/index.html');
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
  const third = await suite.ext.open('wizard/index.html');
  await third.waitForSelector('[data-testid=drop-zone]');
  await third.waitForTimeout(300);
  expect(await third.locator('[data-testid=resume-banner]').count()).toBe(0);
  suite.sandbox.setFaults({});
});

test('cancel stops after the rows in flight: the rest are listed as skipped, and nothing is offered for resuming', { timeout: 60_000 }, async () => {
  const lines = ['first_name,last_name'];
  for (let i = 1; i <= 60; i++) lines.push(`Cancel,Person ${i}`);
  const page = await openWizard(suite.ext, { name: 'cancel-people.csv', text: lines.join('\n') });
  await toReview(page);
  await toPlan(page);
  suite.sandbox.setFaults({ latencyMs: 120 });
  await page.click('[data-testid=send]');
  await expect.poll(() => suite.sandbox.query("SELECT COUNT(*) AS n FROM contacts WHERE first_name = 'Cancel'")[0]!.n as number, { timeout: 20_000, interval: 50 })
    .toBeGreaterThanOrEqual(5);
  await page.click('[data-testid=cancel-push]');
  await page.waitForSelector('[data-testid=push-stopped]', { timeout: 20_000 });
  suite.sandbox.setFaults({});
  expect(await page.textContent('[data-testid=push-stopped]')).toContain('You cancelled it');
  const created = Number(suite.sandbox.query("SELECT COUNT(*) AS n FROM contacts WHERE first_name = 'Cancel'")[0]!.n);
  expect(created).toBeLessThan(60);
  expect(Number(await page.textContent('[data-testid=result-created] .value'))).toBe(created);
  expect(Number(await page.textContent('[data-testid=result-problems] .value'))).toBe(60 - created);
  await screenshot(page, 'wizard-6-results-cancelled');

  const again = await suite.ext.open('wizard/index.html');
  await again.waitForSelector('[data-testid=drop-zone]');
  await again.waitForTimeout(300);
  expect(await again.locator('[data-testid=resume-banner]').count()).toBe(0);
  await again.close();
  await page.close();
});

/**
 * A file whose rows are not numbered from 2: a title line above the header, a blank line, a row the reader cannot
 * use (an unclosed quote). Rows are the file's lines; with a cell fixed in the grid, a resumed push must find them
 * under the same numbers, or the journal's entries land on other rows and rows are sent twice or not at all.
 */
/** The file's line holding Person i: below the title and the header, after the row to fix and the blank line. */
const lineOf = (i: number) => i + 2 + (i >= 3 ? 1 : 0) + (i > 10 ? 1 : 0);

function preambleFile(): string {
  const lines = ['Contacts to import - December', 'first_name,last_name,job_title'];
  for (let i = 1; i <= 60; i++) {
    if (i === 3) lines.push('Edit,,Fix me'); // line 5: no last name, fixed in the grid
    lines.push(`Preamble,Person ${String(i).padStart(3, '0')},Line ${lines.length + 1}`);
    if (i === 10) lines.push('');
  }
  lines.push('Preamble,"Person broken,Tester'); // unclosed quote, the last line
  return lines.join('\n') + '\n';
}

test('a file with a title line, a blank line and an unreadable row, a cell fixed in the grid: the resumed push sends each row once, the fix on its row', { timeout: 180_000 }, async () => {
  const people = () => suite.sandbox.query("SELECT last_name, job_title, COUNT(*) AS n FROM contacts WHERE first_name IN ('Preamble', 'Edit') AND deleted_at IS NULL GROUP BY last_name, job_title") as { last_name: string; job_title: string; n: number }[];
  const page = await openWizard(suite.ext, { name: 'preamble-people.csv', text: preambleFile() });
  await toReview(page);
  const errors = await count(page, 'count-errors');
  await page.locator('[data-testid=review-row-5] td[data-column=last_name]').dblclick();
  await page.locator('input.cell-input:focus').waitFor({ timeout: 30_000 });
  await page.keyboard.type('Fixed');
  await page.keyboard.press('Enter');
  await expect.poll(() => count(page, 'count-errors'), { timeout: 30_000 }).toBe(errors - 1);
  await toPlan(page);
  expect(await count(page, 'plan-create')).toBe(61);

  suite.sandbox.setFaults({ latencyMs: 200 });
  await page.click('[data-testid=send]');
  await expect.poll(async () => people().length, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(12);
  await page.close({ runBeforeUnload: false });
  await new Promise((resolve) => setTimeout(resolve, 400)); // requests already sent land on the server
  expect(people().length, 'rows created before the tab was closed').toBeLessThan(61);
  suite.sandbox.setFaults({ latencyMs: 20 });

  const again = await suite.ext.open('wizard/index.html');
  await again.waitForSelector('[data-testid=resume-banner]');
  await again.getByRole('button', { name: 'Resume', exact: true }).click();
  await again.waitForSelector('[data-testid=plan-create]');
  // The rows keep the file's numbers, so the journal knows each row the first run created: none of them looks like
  // a record "already in Pivor".
  expect(await countOrZero(again, 'plan-duplicate'), 'rows the first run created, not recognised by the journal').toBe(0);
  await again.locator('.plan-filter label', { hasText: 'Creates' }).click();
  const shown = await again.locator('tr[data-testid^=plan-row-]').evaluateAll((rows) => rows.map((r) => ({ id: r.getAttribute('data-testid') ?? '', text: r.textContent ?? '' })));
  expect(shown.length).toBeGreaterThan(0);
  for (const { id, text } of shown) {
    const person = /Person (\d{3})/.exec(text);
    if (person) expect(Number(id.replace('plan-row-', '')), text).toBe(lineOf(Number(person[1])));
  }
  await screenshot(again, 'wizard-resume-preamble-plan');
  await again.click('[data-testid=send]');
  await again.waitForSelector('[data-testid=push-complete]', { timeout: 60_000 });
  suite.sandbox.setFaults({});
  expect(await count(again, 'result-created'), 'each row created, by this run or the interrupted one').toBe(61);

  const rows = people();
  expect(rows.filter((r) => Number(r.n) !== 1), 'rows created more than once').toEqual([]);
  expect(rows, 'one record per usable row of the file').toHaveLength(61);
  // the fix is on the row it was made on, and every row kept its own values
  expect(rows.find((r) => r.job_title === 'Fix me')?.last_name).toBe('Fixed');
  for (const r of rows.filter((r) => r.last_name !== 'Fixed')) {
    expect(r.job_title, `${r.last_name}'s values`).toBe(`Line ${lineOf(Number(r.last_name.replace('Person ', '')))}`);
  }
});

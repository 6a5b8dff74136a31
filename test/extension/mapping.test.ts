// The wizard's mapping step in real headless Chromium against the test server: a 47-column Google Contacts export
// shows what it imports first (empty columns hidden, the rest folded into one line), suggestions say how sure they
// are; a failures file gets its mapping back; rows pasted from a spreadsheet import like a file; the mapping works
// at 480 px and with the keyboard alone. Screenshots (wide, narrow, dark) land in test-artifacts/extension/.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkRows, count, extensionSuite, openWizard, screenshot, tabTo, toMapping, toPlan } from './harness.ts';
import { allRecords } from './pivor-server.ts';

const realWorld = new URL('../fixtures/real-world/', import.meta.url).pathname;
const suite = extensionSuite({ seed: 'demo' });

/** The columns of the file that hold no value on any row, read from the fixture itself. */
function emptyColumns(path: string): string[] {
  const [header, ...rows] = readCsvLoosely(readFileSync(path, 'utf8'));
  return header!.filter((_, i) => rows.every((r) => (r[i] ?? '').trim() === ''));
}

/** A plain RFC 4180 reader for the test's own look at a fixture (quotes, line breaks in quotes). */
function readCsvLoosely(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { rows.at(-1)!.push(cell); cell = ''; } else if (ch === '\n') { rows.at(-1)!.push(cell); cell = ''; rows.push([]); } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || rows.at(-1)!.length > 0) rows.at(-1)!.push(cell);
  return rows.filter((r) => r.length > 1);
}

describe('a Google Contacts export', () => {
  test('no empty columns, one line for the columns not imported, suggestions with how sure they are', { timeout: 90_000 }, async () => {
    const file = realWorld + 'google-contacts.csv';
    const empty = emptyColumns(file);
    expect(empty.length).toBeGreaterThan(10);
    const page = await openWizard(suite.ext, file);
    await toMapping(page);

    const headersShown = await page.locator('.mapping-table .header-cell').allTextContents();
    for (const header of empty) expect(headersShown).not.toContain(header);
    expect(await page.locator('label:has([data-testid=show-empty])').textContent()).toContain(`Show ${empty.length} empty columns`);
    // one summary line, closed, naming the column of email addresses left out
    expect(await page.locator('[data-testid=not-imported]').count()).toBe(1);
    expect(await page.locator('[data-testid=not-imported]').getAttribute('open')).toBeNull();
    expect(await page.textContent('[data-testid=fold-emails]')).toContain('E-mail 2 - Value');
    expect(await page.locator('.notice').count()).toBe(0);
    // the imported columns, each with its field by label and, for suggestions, how sure
    const imported = page.locator('[data-testid=mapping-imported] tbody tr');
    expect(await imported.count()).toBeGreaterThanOrEqual(12);
    const website = page.locator('[data-testid=mapping-imported] tr', { hasText: 'Website 1 - Value' });
    expect(await website.locator('select').inputValue()).toBe('linkedin_url');
    expect(await website.locator('select option:checked').textContent()).toBe('LinkedIn URL');
    expect(await website.textContent()).toMatch(/Its values\s*\d{2}% sure/);
    expect(await website.textContent()).toMatch(/\d+ of \d+ sampled values are LinkedIn addresses/);
    const firstName = page.locator('[data-testid=map-row-0] .why');
    expect(await firstName.textContent()).toContain('100% sure');
    await screenshot(page, 'mapping-google-contacts');

    await page.locator('[data-testid=not-imported] summary').click();
    await page.locator('[data-testid=not-imported] tr', { hasText: 'E-mail 2 - Value' }).waitFor();
    await screenshot(page, 'mapping-google-contacts-open');
    await page.click('[data-testid=show-empty]');
    const withEmpty = await page.locator('.mapping-table .header-cell').allTextContents();
    for (const header of empty) expect(withEmpty).toContain(header);
    await page.click('[data-testid=show-empty]');

    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'mapping-google-contacts-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // 480 px: every row a card whose field dropdown is in view, not off to the right
    await page.setViewportSize({ width: 480, height: 900 });
    const boxes = await page.locator('[data-testid=mapping-imported] select').evaluateAll((selects) =>
      selects.map((s) => { const r = s.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width }; }));
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(480);
      expect(box.width).toBeGreaterThan(200);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(480);
    await page.locator('[data-testid=not-imported] summary').click(); // closed again: the cards as they first show
    await screenshot(page, 'mapping-google-contacts-narrow', { fullPage: false });
    await page.setViewportSize({ width: 1200, height: 860 });

    // Review: the same columns as one line, not a notice each
    await checkRows(page);
    expect(await page.locator('[data-testid=review-not-imported]').count()).toBe(1);
    expect(await page.locator('.notice', { hasText: 'is not imported' }).count()).toBe(0);
    await screenshot(page, 'mapping-google-contacts-review');
    await page.close();
  });
});

describe('a failures file', () => {
  test('mapped with the keyboard alone; its failures file comes back with the same mapping', async () => {
    const tag = `fail${Date.now()}`;
    const csv = `Vorname,Nachname,E-Mail,Bemerkung\nKlara,Weiss,${tag}.ok@example.com,erste\nOtto,Falsch,not-an-email-${tag},zweite\n`;
    const page = await openWizard(suite.ext, { name: `${tag}.csv`, text: csv }, 'contacts');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await tabTo(page, /^Continue to mapping$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=mapping-imported]');

    // The three German headers fill nothing: they sit in the fold, which the keyboard opens.
    await tabTo(page, /^3 columns not imported/);
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid=not-imported]').getAttribute('open')).toBe('');
    for (const [header, typed, field] of [['Vorname', 'First', 'first_name'], ['Nachname', 'Last', 'last_name'], ['Bemerkung', 'Notes', 'notes']] as const) {
      await tabTo(page, new RegExp(`^Field for column ${header}$`));
      await page.keyboard.type(typed); // a focused select picks the option its typed letters start
      await expect.poll(() => page.getByLabel(`Field for column ${header}`).inputValue()).toBe(field);
    }
    // the mapped columns stay where they were (focus with them) and say they are the user's
    expect(await page.locator('[data-testid=not-imported] summary').textContent()).toContain('3 now imported by you');
    expect(await page.textContent('[data-testid=map-row-0]')).toContain('Your choice');
    await screenshot(page, 'mapping-keyboard');
    await tabTo(page, /^Check the rows$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=count-records]');
    expect(await count(page, 'count-errors')).toBe(1);
    await tabTo(page, /^See what will change$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=plan-create]');
    await page.click('[data-testid=send]');
    await page.waitForSelector('[data-testid=push-complete]');
    const [klara] = await allRecords(suite.sandbox.url, suite.token, 'contacts', { search: `${tag}.ok@example.com` });
    expect(klara).toMatchObject({ first_name: 'Klara', last_name: 'Weiss', notes: 'erste' });
    await page.getByRole('button', { name: 'Download failures CSV', exact: true }).click();
    const failures = await suite.ext.download(`${tag}-failures.csv`);
    await page.close();

    // The failures file: the same headers plus error and original_row. Its mapping is the one chosen above.
    const again = await openWizard(suite.ext, failures, 'contacts');
    await toMapping(again);
    expect(await again.getByLabel('Field for column Vorname').inputValue()).toBe('first_name');
    expect(await again.getByLabel('Field for column Nachname').inputValue()).toBe('last_name');
    expect(await again.getByLabel('Field for column Bemerkung').inputValue()).toBe('notes');
    expect(await again.textContent('[data-testid=mapping-remembered]')).toMatch(/earlier choices .* also has “error”, “original_row”/);
    await screenshot(again, 'mapping-failures-file');
    await checkRows(again);
    expect(await count(again, 'count-records')).toBe(1);
    expect(await again.textContent('[data-testid=review-row-2] .issue-list')).toContain(`not-an-email-${tag}`);
    await again.close();
  });
});

describe('paste', () => {
  test('rows copied from a spreadsheet (tab-separated, a quoted cell with a line break and quotes) import like a file', async () => {
    const tag = `paste${Date.now()}`;
    // what Google Sheets and Excel put on the clipboard: tabs, CRLF, a cell with a line break quoted, its quotes doubled
    const rows = `First name\tLast name\tEmail\tNotes\r\nPia\tPaste\t${tag}.1@example.com\t"Line one\nLine ""two"""\r\nPer\tPaste\t${tag}.2@example.com\tplain\r\n`;
    const page = await suite.ext.open('wizard/index.html');
    await page.waitForSelector('#paste-input');
    await page.focus('#paste-input');
    await page.evaluate((text) => navigator.clipboard.writeText(text), rows);
    await page.keyboard.press('Control+V');
    await page.waitForSelector('[data-testid=detection]');
    expect(await page.textContent('[data-testid=file-origin]')).toMatch(/Pasted from a spreadsheet.*2 rows.*tab-separated/);
    expect(await page.isChecked('input[name=resource][value=contacts]')).toBe(true);
    await screenshot(page, 'paste-file-step');
    await toMapping(page);
    await checkRows(page);
    expect(await count(page, 'count-records')).toBe(2);
    expect(await count(page, 'count-errors')).toBe(0);
    await toPlan(page);
    expect(await count(page, 'plan-create')).toBe(2);
    await page.click('[data-testid=send]');
    await page.waitForSelector('[data-testid=push-complete]');
    const made = (await allRecords(suite.sandbox.url, suite.token, 'contacts', { search: tag })).sort((a, b) => String(a.email).localeCompare(String(b.email)));
    expect(made.map((c) => [c.first_name, c.notes])).toEqual([['Pia', 'Line one\nLine "two"'], ['Per', 'plain']]);
    await page.close();
  });

  test('a paste of one line says to copy the header with the rows; typed rows are read like pasted ones', async () => {
    const page = await suite.ext.open('wizard/index.html');
    await page.waitForSelector('#paste-input');
    await page.fill('#paste-input', 'Pia\tPaste\tpia@example.com');
    await page.getByRole('button', { name: 'Use these rows', exact: true }).click();
    await page.waitForSelector('[data-testid=paste-error]');
    expect(await page.textContent('[data-testid=paste-error]')).toContain('Copy the header row together with the rows');
    expect(await page.locator('[data-testid=detection]').count()).toBe(0);
    await screenshot(page, 'paste-one-line');
    await page.fill('#paste-input', 'first_name\tlast_name\temail\nPia\tPaste\tpia@example.com');
    await page.getByRole('button', { name: 'Use these rows', exact: true }).click();
    await page.waitForSelector('[data-testid=detection]');
    expect(await page.textContent('[data-testid=file-origin]')).toMatch(/Pasted from a spreadsheet.*1 rows?.*tab-separated/);
    await page.close();
  });
});

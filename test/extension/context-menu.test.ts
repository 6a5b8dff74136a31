// "Upload CSV to Pivor" from the right-click menu, in real headless Chromium: the menu's click handler runs in the
// service worker (dispatched there, as Chrome would), reads the file and opens the wizard with it.
// A local site serves a page and a CSV that needs its login cookie; a second origin serves a CSV by link.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite, screenshot, toReview } from './harness.ts';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const suite = extensionSuite({ seed: 'demo', signIn: false });
let site: Server; // the page and its cookie-protected CSV
let other: Server; // a CSV on another origin
let siteUrl: string;
let otherUrl: string;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  site = createServer((req, res) => {
    const signedIn = /(?:^|; )session=ok(?:;|$)/.test(req.headers.cookie ?? '');
    if (req.url === '/login') {
      res.writeHead(200, { 'Set-Cookie': 'session=ok; Path=/; HttpOnly; SameSite=Lax', 'Content-Type': 'text/html' }).end('<!doctype html><p>Signed in</p>');
    } else if (req.url === '/reports.html') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>Reports</title>
        <a id="same" href="/exports/contacts.csv">Contacts (CSV)</a>
        <a id="cross" href="${otherUrl}/public/clients.csv">Clients (CSV, other site)</a>`);
    } else if (req.url === '/exports/contacts.csv') {
      if (!signedIn) res.writeHead(302, { Location: '/login-form' }).end();
      else res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' }).end(readFileSync(fixtures + 'hubspot-contacts.csv'));
    } else if (req.url === '/shared/contacts.csv') {
      // Shown in the tab rather than downloaded, as raw file views (GitHub's, say) do.
      if (!signedIn) res.writeHead(302, { Location: '/login-form' }).end();
      else res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(readFileSync(fixtures + 'hubspot-contacts.csv'));
    } else if (req.url === '/login-form') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html><form>Password: <input type=password></form></html>');
    } else res.writeHead(404).end();
  });
  other = createServer((req, res) => {
    if (req.url === '/public/clients.csv') res.writeHead(200, { 'Content-Type': 'text/csv' }).end(readFileSync(fixtures + 'pivor-clients-export.csv'));
    else res.writeHead(404).end();
  });
  const [sitePort, otherPort] = await Promise.all([listen(site), listen(other)]);
  siteUrl = `http://127.0.0.1:${sitePort}`;
  otherUrl = `http://localhost:${otherPort}`; // another origin, and one the extension has no access to yet
});

afterAll(() => {
  site?.close();
  other?.close();
});

/** Right-click → "Upload CSV to Pivor": runs the extension's own menu listener for this tab, returns the wizard tab. */
async function uploadFromMenu(page: Page, menuItemId: string, linkUrl?: string): Promise<Page> {
  const worker = await suite.ext.serviceWorker();
  const opened = suite.ext.context.waitForEvent('page', (p) => p.url().includes('/wizard/index.html#handoff='));
  await worker.evaluate(
    async ({ menuItemId, linkUrl, pageUrl }) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
      if (!tab) throw new Error(`no tab at ${pageUrl}`);
      const info = { menuItemId, pageUrl, editable: false, ...(linkUrl ? { linkUrl } : {}) };
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(info, tab);
    },
    { menuItemId, linkUrl, pageUrl: page.url() },
  );
  const wizard = await opened;
  await wizard.waitForLoadState();
  return wizard;
}

test('the menu items are registered for .csv links and .csv pages only', async () => {
  const page = await suite.ext.open('popup/index.html');
  // Creating them again with the same ids fails: they exist.
  const error = await (await suite.ext.serviceWorker()).evaluate(
    () => new Promise<string>((resolve) => chrome.contextMenus.create({ id: 'pivor-upload-csv-link', title: 'x' }, () => resolve(chrome.runtime.lastError?.message ?? ''))),
  );
  expect(error).toMatch(/duplicate/i);
  await page.close();
});

test('a same-origin link behind a login: read with the page’s session, handed to the wizard, kept while signed out', { timeout: 90_000 }, async () => {
  await suite.ext.grantOrigin(siteUrl); // what activeTab grants on a real right-click
  const page = await suite.ext.context.newPage();
  await page.goto(`${siteUrl}/login`);
  await page.goto(`${siteUrl}/reports.html`);
  const wizard = await uploadFromMenu(page, 'pivor-upload-csv-link', `${siteUrl}/exports/contacts.csv`);

  // Only a random id travels in the URL.
  expect(wizard.url()).toMatch(/#handoff=[0-9a-f-]{36}$/);
  await wizard.waitForSelector('[data-testid=file-name]');
  expect(await wizard.textContent('[data-testid=file-name]')).toBe('contacts.csv');
  expect(await wizard.textContent('[data-testid=file-origin]')).toContain(`From a link on 127.0.0.1:${new URL(siteUrl).port}`);
  expect(await wizard.textContent('[data-testid=file-source]')).toBe(`${siteUrl}/exports/contacts.csv`);
  expect(await wizard.textContent('[data-testid=file-origin]')).toContain('3 rows');
  expect(await wizard.isChecked('input[name=resource][value=contacts]')).toBe(true);
  // Not signed in: said so, with a way to sign in; the file stays.
  await screenshot(wizard, 'context-menu-signed-out');
  await wizard.waitForSelector('[data-testid=signed-out]');

  const [signIn] = await Promise.all([suite.ext.context.waitForEvent('page'), wizard.getByRole('link', { name: 'Sign in', exact: true }).click()]);
  await signIn.waitForLoadState();
  expect(signIn.url()).toContain('/popup/index.html#tab');
  await suite.ext.allowOrigin(new URL(suite.sandbox.url).origin);
  await signIn.fill('#pivor-url', suite.sandbox.url);
  await signIn.fill('#email', 'admin@pivor.dev');
  await signIn.fill('#password', 'password');
  await signIn.click('button[type=submit]');
  await signIn.waitForSelector('[data-testid=user-name]');
  await screenshot(signIn, 'popup-in-tab');
  await signIn.close();

  await wizard.waitForSelector('[data-testid=signed-out]', { state: 'detached' });
  expect(await wizard.textContent('[data-testid=file-name]')).toBe('contacts.csv');
  await toReview(wizard);
  expect(await wizard.textContent('[data-testid=count-valid] .value')).toBe('3');
  await wizard.close();
  await page.close();
});

test('a .csv page itself: the page context item reads it', async () => {
  const page = await suite.ext.context.newPage();
  await page.goto(`${siteUrl}/shared/contacts.csv`);
  const wizard = await uploadFromMenu(page, 'pivor-upload-csv-page');
  await wizard.waitForSelector('[data-testid=detection]');
  expect(await wizard.textContent('[data-testid=file-origin]')).toContain('From the page you were viewing');
  await wizard.close();
  await page.close();
});

test('a link whose site session has ended: the wizard says so instead of importing a login page', async () => {
  const page = await suite.ext.context.newPage();
  await page.goto(`${siteUrl}/reports.html`);
  await suite.ext.context.clearCookies();
  const wizard = await uploadFromMenu(page, 'pivor-upload-csv-link', `${siteUrl}/exports/contacts.csv`);
  await wizard.waitForSelector('[data-testid=handoff-error]');
  expect(await wizard.textContent('[data-testid=handoff-error]')).toMatch(/web page, not a CSV file/);
  await screenshot(wizard, 'context-menu-error');
  await wizard.close();
  await page.close();
});

test('a cross-origin link: the wizard asks for that origin first, then reads the file', async () => {
  const page = await suite.ext.context.newPage();
  await page.goto(`${siteUrl}/reports.html`);
  const wizard = await uploadFromMenu(page, 'pivor-upload-csv-link', `${otherUrl}/public/clients.csv`);
  await wizard.waitForSelector('[data-testid=handoff-access]');
  expect(await wizard.textContent('[data-testid=handoff-access]')).toContain(otherUrl);
  await screenshot(wizard, 'context-menu-cross-origin');
  // The user allows it in Chrome's prompt.
  await suite.ext.allowOrigin(otherUrl);
  await wizard.getByRole('button', { name: 'Allow and read the file', exact: true }).click();
  await wizard.waitForSelector('[data-testid=detection]');
  expect(await wizard.textContent('[data-testid=file-name]')).toBe('clients.csv');
  expect(await wizard.isChecked('input[name=resource][value=clients]')).toBe(true);
  expect(await wizard.textContent('[data-testid=file-origin]')).toContain('4 rows');
  await screenshot(wizard, 'context-menu-cross-origin-read');
  await wizard.close();
  await page.close();
});

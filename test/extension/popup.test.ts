// The popup in real headless Chromium against the sandbox over HTTP: sign-in (and its errors), who and where,
// sign out revoking the token on the server, exports whose files equal the server's records, templates.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { startSandbox } from '../../sandbox/index.ts';
import { readCsv } from '../../shared/csv/index.ts';
import { columnName, getResource, templateFields } from '../../shared/resources/index.ts';
import { extensionSuite, openPopup, readText, screenshot, signInThroughPopup, signOutIfSignedIn, storageOf, tabTo } from './harness.ts';
import { allRecords, apiGet, apiToken } from './pivor-server.ts';

const suite = extensionSuite({ seed: 'demo', signIn: false });
// A web server that is not Pivor: an HTML page at every path.
const notPivor: Server = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Blog</title><h1>Hello</h1>'));
afterAll(() => notPivor.close());

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('sign-in errors', () => {
  test('plain http to a remote host is refused before anything is sent', async () => {
    const popup = await openPopup(suite.ext);
    await screenshot(popup, 'popup-signed-out');
    await popup.fill('#pivor-url', 'http://crm.example.com');
    await popup.fill('#email', 'admin@pivor.dev');
    await popup.fill('#password', 'password');
    await popup.click('button[type=submit]');
    await expect.poll(() => popup.textContent('[data-testid=sign-in-error]')).toContain('https://');
    await screenshot(popup, 'popup-error-insecure');
    await popup.close();
  });

  test('a wrong password says so', async () => {
    await suite.ext.allowOrigin(new URL(suite.sandbox.url).origin);
    const popup = await openPopup(suite.ext);
    await popup.fill('#pivor-url', suite.sandbox.url);
    await popup.fill('#email', 'admin@pivor.dev');
    await popup.fill('#password', 'not-the-password');
    await popup.click('button[type=submit]');
    await expect.poll(() => popup.textContent('[data-testid=sign-in-error]')).toContain('Wrong email or password');
    await screenshot(popup, 'popup-error-password');
    await popup.close();
  });

  test('a site that is not Pivor, and a server that does not answer, say so', async () => {
    const url = await listen(notPivor);
    await suite.ext.allowOrigin(url);
    const popup = await openPopup(suite.ext);
    await popup.fill('#pivor-url', url);
    await popup.fill('#email', 'admin@pivor.dev');
    await popup.fill('#password', 'password');
    await popup.click('button[type=submit]');
    await expect.poll(() => popup.textContent('[data-testid=sign-in-error]')).toMatch(/did not answer like a Pivor API/);
    await screenshot(popup, 'popup-error-not-pivor');

    // A port nobody listens on.
    const gone = createServer();
    const deadUrl = await listen(gone);
    await new Promise((resolve) => gone.close(resolve));
    await suite.ext.allowOrigin(deadUrl);
    await popup.fill('#pivor-url', deadUrl);
    await popup.click('button[type=submit]');
    await expect.poll(() => popup.textContent('[data-testid=sign-in-error]'), { timeout: 20_000 }).toMatch(/Can't reach Pivor/);

    // The same dead address without its scheme: http is tried, as for a local address, and the message says so.
    const bare = deadUrl.replace(/^http:\/\//, '');
    await popup.fill('#pivor-url', bare);
    expect(await popup.textContent('[data-testid=url-scheme]')).toBe(`Will use ${deadUrl} (http, as for a local address).`);
    await popup.click('button[type=submit]');
    await expect.poll(() => popup.textContent('[data-testid=sign-in-error]'), { timeout: 20_000 })
      .toContain(`so ${deadUrl} (http, as for a local address) was tried`);
    await screenshot(popup, 'popup-error-no-scheme');
    await popup.close();
  });

  test('an address without a scheme: localhost and 127.0.0.1 are tried over http and signing in works', async () => {
    await signOutIfSignedIn(suite.ext);
    await suite.ext.allowOrigin(new URL(suite.sandbox.url).origin);
    const popup = await openPopup(suite.ext);
    await popup.fill('#pivor-url', 'crm.example.com');
    expect(await popup.textContent('[data-testid=url-scheme]')).toBe('Will use https://crm.example.com (https).');
    await popup.fill('#pivor-url', suite.sandbox.url.replace(/^http:\/\//, ''));
    expect(await popup.textContent('[data-testid=url-scheme]')).toContain('(http, as for a local address)');
    await popup.fill('#email', 'admin@pivor.dev');
    await popup.fill('#password', 'password');
    await popup.click('button[type=submit]');
    await popup.waitForSelector('[data-testid=user-name]');
    const { local } = await storageOf(popup);
    expect((local.session as { baseUrl: string }).baseUrl).toBe(suite.sandbox.url);
    await popup.close();
    await signOutIfSignedIn(suite.ext);
  });

  test('a pasted token that Pivor refuses says so', async () => {
    await suite.ext.allowOrigin(new URL(suite.sandbox.url).origin);
    const popup = await openPopup(suite.ext);
    await popup.fill('#pivor-url', suite.sandbox.url);
    await popup.getByText('API token', { exact: true }).click();
    await popup.fill('#token', '999|notARealTokenAtAll');
    await popup.click('button[type=submit]');
    await expect.poll(() => popup.textContent('[data-testid=sign-in-error]')).toMatch(/did not accept this token/);
    await popup.close();
  });
});

describe('signed in', () => {
  test('email and password: who and where; the token kept in storage.local only; sign out revokes it', async () => {
    await signOutIfSignedIn(suite.ext);
    const popup = await signInThroughPopup(suite.ext, suite.sandbox.url);
    expect(await popup.textContent('[data-testid=user-name]')).toBe('Admin');
    expect(await popup.textContent('[data-testid=user-role]')).toBe('admin');
    expect(await popup.textContent('[data-testid=instance]')).toBe(new URL(suite.sandbox.url).host);
    await screenshot(popup, 'popup-signed-in');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.waitForTimeout(200);
    await screenshot(popup, 'popup-signed-in-dark');
    await popup.emulateMedia({ colorScheme: 'light' });

    const stored = await storageOf(popup);
    const token = (stored.local.session as { token: string }).token;
    expect(token).toMatch(/^\d+\|/);
    expect(stored.sync).toEqual({});
    expect(JSON.stringify(stored.session)).not.toContain(token);
    expect(popup.url()).not.toContain(token.split('|')[1]!);
    const named = suite.sandbox.query("SELECT name FROM personal_access_tokens WHERE id = ?", [Number(token.split('|')[0])]);
    expect(named[0]?.name).toBe('Pivor Bridge (Chrome)');
    expect((await apiGet(suite.sandbox.url, token, '/user')).status).toBe(200);

    await popup.getByRole('button', { name: 'Sign out', exact: true }).click();
    await popup.waitForSelector('#pivor-url');
    expect((await apiGet(suite.sandbox.url, token, '/user')).status).toBe(401);
    expect((await storageOf(popup)).local.session).toBeUndefined();
    await popup.close();
  });

  test('signs in and out with the keyboard alone, focus always visible', async () => {
    await signOutIfSignedIn(suite.ext);
    await suite.ext.allowOrigin(new URL(suite.sandbox.url).origin);
    const popup = await openPopup(suite.ext);
    await popup.waitForSelector('#pivor-url');
    await tabTo(popup, /^Pivor URL$/);
    await popup.keyboard.type(suite.sandbox.url);
    await tabTo(popup, /^Email$/);
    await popup.keyboard.type('admin@pivor.dev');
    await tabTo(popup, /^Password$/);
    await popup.keyboard.type('password');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('[data-testid=user-name]');
    await tabTo(popup, /^Sign out$/);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#pivor-url');
    await popup.close();
  });

  test('a pasted token signs in, as the user it belongs to', async () => {
    await signOutIfSignedIn(suite.ext);
    const token = await apiToken(suite.sandbox.url, 'manager@pivor.dev', 'password', 'pasted');
    await suite.ext.allowOrigin(new URL(suite.sandbox.url).origin);
    const popup = await openPopup(suite.ext);
    await popup.fill('#pivor-url', suite.sandbox.url);
    await popup.getByText('API token', { exact: true }).click();
    await popup.fill('#token', token);
    await popup.click('button[type=submit]');
    await popup.waitForSelector('[data-testid=user-name]');
    expect(await popup.textContent('[data-testid=user-role]')).toBe('manager');
    await popup.getByRole('button', { name: 'Sign out', exact: true }).click();
    await popup.waitForSelector('#pivor-url');
    expect((await apiGet(suite.sandbox.url, token, '/user')).status).toBe(401);
    await popup.close();
  });

  test('export: the downloaded file holds exactly the server records, filtered when asked', { timeout: 90_000 }, async () => {
    await signOutIfSignedIn(suite.ext);
    const popup = await signInThroughPopup(suite.ext, suite.sandbox.url);
    const token = await apiToken(suite.sandbox.url);
    const contacts = popup.locator('[data-testid=resource-contacts]');
    await contacts.locator('text=Export CSV').click();
    await popup.waitForSelector('[data-testid=export-done-contacts]');
    await screenshot(popup, 'popup-exported');
    expect(await popup.textContent('[data-testid=export-done-contacts]')).toContain(`Saved pivor-contacts-${today()}.csv (`);
    const file = await suite.ext.download(`pivor-contacts-${today()}.csv`);
    const table = readCsv(readText(file));
    const server = await allRecords(suite.sandbox.url, token, 'contacts');
    expect(table.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const idAt = table.headers.indexOf('id');
    const emailAt = table.headers.indexOf('email');
    expect(table.records.map((r) => Number(r.cells[idAt])).sort((a, b) => a - b)).toEqual(server.map((r) => r.id).sort((a, b) => a - b));
    const emails = new Map(server.map((r) => [r.id, r.email ?? '']));
    for (const record of table.records) expect(record.cells[emailAt]).toBe(emails.get(Number(record.cells[idAt])));

    // Filtered: only the clients with status "active".
    const clients = popup.locator('[data-testid=resource-clients]');
    await clients.locator('summary').click();
    await clients.locator('select').selectOption('active');
    await screenshot(popup, 'popup-export-filters');
    await clients.locator('text=Export CSV').click();
    await popup.waitForSelector('[data-testid=export-done-clients]');
    // The file's name says its filter.
    expect(await popup.textContent('[data-testid=export-file-clients]')).toBe(`pivor-clients-status-active-${today()}.csv`);
    const clientFile = readCsv(readText(await suite.ext.download(`pivor-clients-status-active-${today()}.csv`)));
    const active = await allRecords(suite.sandbox.url, token, 'clients', { status: 'active' });
    const clientIdAt = clientFile.headers.indexOf('id');
    expect(clientFile.records.map((r) => Number(r.cells[clientIdAt])).sort((a, b) => a - b)).toEqual(active.map((r) => r.id).sort((a, b) => a - b));
    expect(active.length).toBeGreaterThan(0);

    // A second export of the same list the same day: Chrome saves it as "… (1).csv", and the popup says that name.
    await contacts.locator('text=Export CSV').click();
    await expect.poll(() => popup.textContent('[data-testid=export-file-contacts]')).toBe(`pivor-contacts-${today()} (1).csv`);
    expect(readCsv(readText(await suite.ext.download(`pivor-contacts-${today()} (1).csv`))).records.length).toBe(server.length);
    await screenshot(popup, 'popup-exported-again');
    await popup.close();
  });

  test('a server that stops answering: export says so; signing out keeps the token until it can be revoked or is forgotten', { timeout: 60_000 }, async () => {
    await signOutIfSignedIn(suite.ext);
    const gone = await startSandbox({ port: 0, seed: 'users' });
    const popup = await signInThroughPopup(suite.ext, gone.url);
    await gone.close();
    await popup.locator('[data-testid=resource-clients]').locator('text=Export CSV').click();
    await expect.poll(() => popup.textContent('[data-testid=export-error-clients]'), { timeout: 20_000 }).toMatch(/Can't reach Pivor/);
    await popup.getByRole('button', { name: 'Sign out', exact: true }).click();
    await popup.waitForSelector('text=Could not revoke the token');
    expect((await storageOf(popup)).local.session).toBeDefined();
    await screenshot(popup, 'popup-error-dead-server');
    await popup.getByRole('button', { name: 'Forget it here' }).click();
    await popup.waitForSelector('#pivor-url');
    expect((await storageOf(popup)).local.session).toBeUndefined();
    await popup.close();
  });

  test('template: Pivor’s own columns with an example row', async () => {
    await signOutIfSignedIn(suite.ext);
    const popup = await signInThroughPopup(suite.ext, suite.sandbox.url);
    await popup.locator('[data-testid=resource-communications]').locator('text=Template').click();
    const table = readCsv(readText(await suite.ext.download('pivor-communications-template.csv')));
    expect(table.headers).toEqual(templateFields(getResource('communications')).map(columnName));
    expect(table.records).toHaveLength(1);
    await popup.close();
  });
});

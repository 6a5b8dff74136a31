// The real extension in headless Chromium: builds it, loads it unpacked, and gives its id, its pages, host access
// grants, downloads and screenshots. No test runner needed: the end-to-end tests and the benchmarks both use it.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = join(repo, 'test-artifacts/extension');

/** Builds the extension exactly as `npm run build:extension` does, into a folder of its own (test files run in parallel). */
export async function buildExtension(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'pivor-ext-build-'));
  await promisify(execFile)(process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'extension/vite.config.ts', '--outDir', outDir, '--emptyOutDir'], {
    cwd: repo,
  });
  if (!existsSync(join(outDir, 'manifest.json'))) throw new Error('the extension build produced no manifest.json');
  return outDir;
}

export interface LoadedExtension {
  context: BrowserContext;
  id: string;
  serviceWorker(): Promise<Worker>;
  downloadsDir: string;
  /** Opens a page of the extension (path inside the build, e.g. popup/index.html). */
  open(path: string): Promise<Page>;
  /** What a user's "Allow" in the permission prompt does: after it, the extension's own permissions.request resolves true. */
  allowOrigin(origin: string): Promise<void>;
  /** Host access to an origin, granted now (what activeTab gives for the right-clicked tab; a synthetic click cannot). */
  grantOrigin(origin: string): Promise<void>;
  /** A file Chrome downloaded, once it is complete. */
  download(name: string, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

export async function launchExtension(distDir: string): Promise<LoadedExtension> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath} (apt-get install chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'pivor-ext-profile-'));
  const downloadsDir = mkdtempSync(join(tmpdir(), 'pivor-ext-downloads-'));
  // Downloads go where Chrome's own setting says, under the names the extension gives them.
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default/Preferences'), JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false } }));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: chromiumPath,
    acceptDownloads: false,
    viewport: { width: 1200, height: 860 },
    args: [
      '--headless=new', '--no-sandbox', `--disable-extensions-except=${distDir}`, `--load-extension=${distDir}`,
      '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
  // Playwright denies downloads when acceptDownloads is false; hand them back to Chrome's own behaviour.
  const first = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(first);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await cdp.detach();

  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL((await serviceWorker()).url()).host;

  const open = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/${path}`);
    return page;
  };
  const allowOrigin = async (origin: string) => {
    const page = await context.newPage();
    await page.goto('chrome://extensions/');
    await page.evaluate(
      ([extensionId, pattern]) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } })
        .chrome.developerPrivate.addHostPermission(extensionId!, pattern!),
      [id, `${origin}/*`],
    );
    await page.close();
  };

  return {
    context,
    id,
    serviceWorker,
    downloadsDir,
    open,
    allowOrigin,
    async grantOrigin(origin) {
      await allowOrigin(origin);
      const page = await open('popup/index.html');
      const granted = await page.evaluate((pattern: string) => chrome.permissions.request({ origins: [pattern] }), `${origin}/*`);
      await page.close();
      if (!granted) throw new Error(`host access to ${origin} was not granted`);
    },
    async download(name, timeoutMs = 10_000) {
      const path = join(downloadsDir, name);
      const deadline = Date.now() + timeoutMs;
      // Chrome writes "<name>.crdownload" first and renames when done.
      while (!existsSync(path)) {
        if (Date.now() > deadline) throw new Error(`no download named ${name} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return path;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under test-artifacts/extension/ (gitignored) for people to look at. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: options.fullPage ?? true });
}

/** Opens the popup page at the width Chrome gives a popup. */
export async function openPopup(ext: LoadedExtension): Promise<Page> {
  const page = await ext.open('popup/index.html');
  await page.setViewportSize({ width: 380, height: 640 });
  return page;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Signs in through the popup's own form, as a user would (after allowing the Pivor origin). */
export async function signInThroughPopup(ext: LoadedExtension, baseUrl: string, email = 'admin@pivor.dev', password = 'password'): Promise<Page> {
  await ext.allowOrigin(new URL(baseUrl).origin);
  const popup = await openPopup(ext);
  await popup.fill('#pivor-url', baseUrl);
  await popup.fill('#email', email);
  await popup.fill('#password', password);
  await popup.click('button[type=submit]');
  await popup.waitForSelector('[data-testid=user-name]');
  return popup;
}

/** What the extension keeps in chrome.storage (read from one of its pages). */
export async function storageOf(page: Page): Promise<{ local: Record<string, unknown>; sync: Record<string, unknown>; session: Record<string, unknown> }> {
  return page.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
    session: await chrome.storage.session.get(null),
  }));
}

/** Signs out through the popup if a session is there, so a test starts signed out whatever ran before it. */
export async function signOutIfSignedIn(ext: LoadedExtension): Promise<void> {
  const popup = await openPopup(ext);
  await popup.waitForSelector('#pivor-url, [data-testid=user-name]');
  if (await popup.locator('[data-testid=user-name]').count()) {
    await popup.getByRole('button', { name: 'Sign out', exact: true }).click();
    await popup.waitForSelector('#pivor-url');
  }
  await popup.close();
}


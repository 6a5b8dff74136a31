// End-to-end harness for the extension: the browser side (browser.ts) plus what only tests need: a suite's set-up
// (the extension built, a server, Chromium, signed in), and the wizard's steps as a user clicks through them.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Sandbox, SandboxOptions } from '../../sandbox/index.ts';
import { startTestServer } from '../helpers/test-server.ts';
import { buildExtension, launchExtension, signInThroughPopup, type LoadedExtension } from './browser.ts';
import { apiToken } from './pivor-server.ts';

export * from './browser.ts';

/** What a suite's tests use, filled in by its beforeAll. */
export interface ExtensionSuite {
  ext: LoadedExtension;
  /** The sandbox (or, under `npm run test:pivor`, real Pivor behind the same handle). */
  sandbox: Sandbox;
  /** An API token of admin@pivor.dev, for the test's own look at the server (only when signed in). */
  token: string;
}

export interface SuiteOptions {
  seed?: SandboxOptions['seed'];
  /** Sign in through the popup before the tests (default true). */
  signIn?: boolean;
  /** The server to use, when it is not the test server (e.g. always the sandbox). */
  server?: () => Promise<Sandbox>;
  hookTimeoutMs?: number;
}

/**
 * Sets a suite up as a user would find it: the extension built and loaded in Chromium, a server seeded, signed in
 * through the popup; closes both after the suite. Build and server start side by side.
 */
export function extensionSuite(options: SuiteOptions = {}): ExtensionSuite {
  const suite = {} as ExtensionSuite;
  beforeAll(async () => {
    const server = options.server ?? (() => startTestServer({ seed: options.seed ?? 'users' }));
    const [dist, sandbox] = await Promise.all([buildExtension(), server()]);
    suite.sandbox = sandbox;
    suite.ext = await launchExtension(dist);
    if (options.signIn === false) return;
    (await signInThroughPopup(suite.ext, sandbox.url)).close();
    suite.token = await apiToken(sandbox.url);
  }, options.hookTimeoutMs ?? 180_000);
  afterAll(async () => {
    await suite.ext?.close();
    await suite.sandbox?.close();
  });
  return suite;
}

/** A file for the wizard: a path on disk, or one made by the test. */
export type WizardFile = string | { name: string; text: string | Buffer };

/** Opens the wizard (for a resource, if given), chooses the file and waits for what it detected. */
export async function openWizard(ext: LoadedExtension, file: WizardFile, resource?: string): Promise<Page> {
  const page = await ext.open(`wizard/index.html${resource ? `#resource=${resource}` : ''}`);
  const input = typeof file === 'string' ? file : { name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text) };
  await page.setInputFiles('#file-input', input);
  await page.waitForSelector('[data-testid=detection]', { timeout: 60_000 });
  return page;
}

/** From the file step to the mapping. */
export async function toMapping(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue to mapping', exact: true }).click();
  await page.waitForSelector('.mapping-table');
}

/** From the mapping to Review, once the rows are checked. */
export async function checkRows(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await page.waitForSelector('[data-testid=count-records]', { timeout: timeoutMs });
}

/** From the file step to Review. */
export async function toReview(page: Page): Promise<void> {
  await toMapping(page);
  await checkRows(page);
}

/** Waits until Review has finished checking (after an option or a cell changed). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !!document.querySelector('[data-testid=count-records]'), undefined, { timeout: 60_000 });
}

/** From Review to Plan. */
export async function toPlan(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.getByRole('button', { name: 'See what will change', exact: true }).click();
  await page.waitForSelector('[data-testid=plan-create]', { timeout: timeoutMs });
}

/** The number on a count tile (Review's, Plan's, Results'). */
export async function count(page: Page, testId: string): Promise<number> {
  return Number((await page.textContent(`[data-testid=${testId}] .value`))!.replace(/,/g, ''));
}

/** The number on a count tile that is left out when it would be 0. */
export async function countOrZero(page: Page, testId: string): Promise<number> {
  return (await page.locator(`[data-testid=${testId}] .value`).count()) === 0 ? 0 : count(page, testId);
}

/**
 * Presses Tab until the control named `name` has focus, as a keyboard user moves through a page, checking on
 * every stop that the focused control is visible and shows a focus ring.
 */
export async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      // a radio or checkbox drawn by its label shows its focus there
      const label = el instanceof HTMLInputElement ? el.labels?.[0] ?? null : null;
      const shown = label && el.getBoundingClientRect().width <= 2 ? label : el;
      const style = getComputedStyle(shown);
      const box = shown.getBoundingClientRect();
      return {
        name: (el.getAttribute('aria-label') ?? label?.textContent ?? el.textContent ?? '').trim(),
        // a focus ring (outline or box-shadow), on an element one can see
        ring: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
        visible: box.width > 2 && box.height > 2 && style.visibility !== 'hidden',
        what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`,
      };
    });
    if (!focused) continue;
    expect(focused.visible, `focus on an invisible ${focused.what}`).toBe(true);
    expect(focused.ring, `no focus ring on ${focused.what} "${focused.name}"`).toBe(true);
    if (name.test(focused.name)) return;
  }
  throw new Error(`${name} cannot be reached with Tab`);
}

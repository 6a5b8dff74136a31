// The built sidebar in headless Chromium, talking to the vm the way the real one talks to Apps Script:
// `google.script.run.withSuccessHandler(…).withFailureHandler(…).fn(args)` crosses to Node through an
// exposed function, which runs the script's top-level function (JSON in, JSON out) and hands back the
// result or the error, asynchronously, as google.script.run does.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { GasEnvironment } from './gas-environment.ts';

export const artifacts = resolve(import.meta.dirname, '../../../test-artifacts/apps-script');

const bridge = `
  window.google = { script: {
    host: { close() { window.__sidebarClosed = true; } },
    run: (function make(success, failure, user) {
      const runner = {
        withSuccessHandler: (fn) => make(fn, failure, user),
        withFailureHandler: (fn) => make(success, fn, user),
        withUserObject: (obj) => make(success, failure, obj),
      };
      return new Proxy(runner, {
        get(target, name) {
          if (name in target) return target[name];
          return (...args) => {
            window.__gasRun(String(name), JSON.parse(JSON.stringify(args))).then((r) => {
              if (r.ok) success && success(r.value, user);
              else failure && failure(Object.assign(new Error(r.message), { name: 'ScriptError' }), user);
            });
          };
        },
      });
    })(null, null, undefined),
  } };
`;

export interface SidebarPage {
  page: Page;
  /** Names of the server functions the page called, in order. */
  calls: string[];
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openSidebar(gas: GasEnvironment, menuFunction = 'showSidebar'): Promise<SidebarPage> {
  gas.call(menuFunction);
  const html = gas.ui.sidebar?.getContent();
  if (!html) throw new Error(`${menuFunction} showed no sidebar`);
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // Google's sidebar is 300 px wide.
  const page = await browser.newPage({ viewport: { width: 300, height: 760 }, deviceScaleFactor: 1 });
  const calls: string[] = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.exposeFunction('__gasRun', async (name: string, args: unknown[]) => {
    calls.push(name);
    try {
      return { ok: true, value: await gas.run(name, ...args) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
  await page.addInitScript(bridge);
  // Served from an https origin of its own, as Google serves sidebars (a navigation, so the bridge is in place first).
  const origin = 'https://sidebar.googleusercontent.test/';
  await page.route(origin, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(origin, { waitUntil: 'load' });
  mkdirSync(artifacts, { recursive: true });
  return {
    page,
    calls,
    async shot(name) {
      const path = join(artifacts, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await browser.close();
      if (pageErrors.length) throw new Error(`The sidebar threw: ${pageErrors.join('; ')}`);
    },
  };
}

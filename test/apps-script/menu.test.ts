// The built Code.js as Apps Script loads it: its top-level functions, the Pivor menu, the sidebar,
// and the manifest's scopes.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, builtFile } from './harness/build-once.ts';
import { GasEnvironment } from './harness/gas-environment.ts';

let gas: GasEnvironment;

beforeAll(() => {
  buildOnce();
  gas = new GasEnvironment();
});
afterAll(() => gas.close());

describe('the built add-on', () => {
  it('is one classic script whose entry points are top-level functions', () => {
    const names = gas.topLevelFunctions();
    for (const name of ['onOpen', 'onInstall', 'showSidebar', 'menuPull', 'menuPush', 'menuImport', 'getSidebarState', 'signIn', 'signOut', 'pullStart', 'pullSlice']) {
      expect(names).toContain(name);
    }
    const code = readFileSync(builtFile('Code.js'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('asks for the narrowest scopes: this spreadsheet only, external requests, its own UI, its own triggers', () => {
    const manifest = JSON.parse(readFileSync(builtFile('appsscript.json'), 'utf8')) as { runtimeVersion: string; oauthScopes: string[] };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  it('adds the Pivor menu on open and on install, each item bound to a real function', () => {
    gas.call('onInstall', { authMode: 'FULL' });
    const menu = gas.ui.menus.get('Pivor');
    expect(menu).toBeDefined();
    const items = menu!.items.filter((i): i is { caption: string; functionName: string } => 'caption' in i);
    expect(items.map((i) => i.caption)).toEqual(['Open sidebar', 'Pull', 'Push changes', 'Import a CSV file']);
    for (const item of items) expect(gas.topLevelFunctions()).toContain(item.functionName);
  });

  it('opens the built sidebar, telling it which menu item was chosen', () => {
    gas.call('menuPush');
    expect(gas.ui.sidebar?.getTitle()).toBe('Pivor');
    const html = gas.ui.sidebar!.getContent();
    expect(html).toContain(readFileSync(builtFile('Sidebar.html'), 'utf8'));
    expect(html).toContain('window.PIVOR_START="push"');
  });

  it('reports nobody signed in before sign-in, touching nothing', async () => {
    const state = (await gas.run('getSidebarState')) as { ok: boolean; value: { user: unknown; sheets: unknown[] } };
    expect(state.ok).toBe(true);
    expect(state.value.user).toBeNull();
    expect(state.value.sheets).toEqual([]);
    expect(gas.properties.getUserProperties().getKeys()).toEqual([]);
  });
});

// Builds for deployment: no plain http:// (the password would cross the internet unencrypted, and Google's
// servers have no "localhost" of the user's), and a build for one organisation (PIVOR_URL_ALLOWLIST) that
// writes Google's urlFetchWhitelist and signs in to that Pivor only. Each build runs in the vm like the
// development build the other tests use.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { buildOnce } from './harness/build-once.ts';
import { GasEnvironment } from './harness/gas-environment.ts';

const root = resolve(import.meta.dirname, '../..');
let sandbox: SandboxProcess;
const made: string[] = [];

/** The server half of the add-on, built with these options into a folder of its own. */
function build(env: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pivor-sheets-build-'));
  made.push(dir);
  execFileSync('npx', ['vite', 'build', '-c', 'apps-script/vite.server.config.ts'], {
    cwd: root, stdio: 'pipe', encoding: 'utf8',
    env: { ...process.env, PIVOR_DEV_BUILD: '0', PIVOR_SHEETS_OUT: relative(root, dir), ...env },
  });
  return dir;
}

type Answer = { ok: boolean; error?: { kind: string; message: string } };

async function signIn(gas: GasEnvironment, baseUrl: string): Promise<Answer> {
  return (await gas.run('signIn', { baseUrl, email: 'admin@pivor.dev', password: 'password' })) as Answer;
}

beforeAll(async () => {
  buildOnce();
  sandbox = await startSandboxProcess(['--seed', 'users', '--quiet']);
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('a build for deployment', () => {
  it('refuses http://, localhost included, before sending the password', async () => {
    const gas = new GasEnvironment({ buildDir: build({}) });
    try {
      const answer = await signIn(gas, sandbox.url);
      expect(answer.ok).toBe(false);
      expect(answer.error!.message).toMatch(/^Pivor's address must start with https:\/\/ \(http:\/\/127\.0\.0\.1:\d+ would send your password unencrypted/);
      expect(gas.urlFetch.sent).toEqual([]);
    } finally {
      await gas.close();
    }
  }, 120_000);

  it('for one organisation: writes urlFetchWhitelist and signs in to that address only', async () => {
    const dir = build({ PIVOR_URL_ALLOWLIST: 'https://crm.example.com/' });
    const manifest = JSON.parse(readFileSync(join(dir, 'appsscript.json'), 'utf8')) as { urlFetchWhitelist?: string[]; oauthScopes: string[] };
    expect(manifest.urlFetchWhitelist).toEqual(['https://crm.example.com/']);
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.external_request');
    const gas = new GasEnvironment({ buildDir: dir });
    try {
      const answer = await signIn(gas, 'https://other.example.org');
      expect(answer.error!.message).toBe('This add-on was set up for https://crm.example.com/ only: https://other.example.org is not one of them. Ask whoever installed it.');
      expect(gas.urlFetch.sent).toEqual([]);
    } finally {
      await gas.close();
    }
  }, 120_000);

  it('refuses an allowlist Google would refuse, saying why', () => {
    expect(() => build({ PIVOR_URL_ALLOWLIST: 'https://crm.example.com' })).toThrow(/"https:\/\/crm\.example\.com" must be an https:\/\/ address with a full domain and a path/);
    expect(() => build({ PIVOR_URL_ALLOWLIST: 'http://crm.example.com/' })).toThrow(/must be an https:\/\/ address/);
  }, 120_000);
});

describe('the development build the tests use', () => {
  it('accepts http:// for localhost only', async () => {
    const gas = new GasEnvironment();
    try {
      expect((await signIn(gas, sandbox.url)).ok).toBe(true);
      const remote = await signIn(gas, 'http://crm.example.com');
      expect(remote.error!.message).toMatch(/^Pivor's address must start with https:\/\//);
    } finally {
      await gas.close();
    }
  });
});

// The sidebar's calls under each way Google may answer them: the promise's value (optimistic), the
// unsettled promise reaching the page as {} (pessimistic), and the failure handler after the execution
// ran to its end (the answer lost on its way). The sidebar's own RPC code runs here in Node against the
// built script; every outcome (a value, a handler that throws, an answer too big for one cache value)
// reaches the caller, never "no answer".
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PivorClient } from '../../shared/api/index.ts';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { call, ServerError } from '../../apps-script/sidebar/server.ts';
import { utf8Chunks } from '../../apps-script/utf8-chunks.ts';
import { buildOnce } from './harness/build-once.ts';
import { GasEnvironment, type GasEnvironmentOptions } from './harness/gas-environment.ts';
import { adminClient, contactBodies, seed } from './harness/pivor-admin.ts';
import { scriptRun } from './harness/script-run.ts';
import type { PullProgress, PushSummary } from '../../apps-script/sidebar/types.ts';

const MODELS: Record<string, GasEnvironmentOptions> = {
  optimistic: {},
  pessimistic: { unwrapPromises: false },
  'answer lost': { loseAnswerOf: (name) => name === 'callServer' },
  'pessimistic, answer lost': { unwrapPromises: false, loseAnswerOf: (name) => name === 'callServer' },
};

let sandbox: SandboxProcess;
let admin: PivorClient;
const open: GasEnvironment[] = [];

function environment(options: GasEnvironmentOptions): { gas: GasEnvironment; calls: string[] } {
  const gas = new GasEnvironment(options);
  open.push(gas);
  const calls: string[] = [];
  (globalThis as { google?: unknown }).google = { script: { run: scriptRun(gas, calls) } };
  return { gas, calls };
}

/** Through the sidebar's own calls, which work under every model. */
async function signIn(): Promise<void> {
  await call('signIn', { baseUrl: sandbox.url, email: 'admin@pivor.dev', password: 'password' });
}

async function pullContacts(): Promise<void> {
  let progress = await call<PullProgress>('pullStart', 'contacts');
  while (!progress.finished) progress = await call<PullProgress>('pullSlice', progress.job);
}

beforeAll(async () => {
  buildOnce();
  sandbox = await startSandboxProcess(['--seed', 'users', '--quiet']);
  admin = await adminClient(sandbox.url);
  // Long names outside ASCII (starting with ASCII letters: Pivor fails on names that do not): the review of their deletes is over 200 kB of UTF-8.
  const bodies = contactBodies(1_200, []).map((b, i) => ({ ...b, first_name: `Ola-Ærøskøbing-Ölçüm-${i}`, last_name: 'Lund-Ångström-Łódź-Žďár-Ђорђевић-Σωκράτης-東京都'.repeat(2) }));
  await seed(admin, 'contacts', bodies);
}, 180_000);

afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

afterAll(async () => {
  delete (globalThis as { google?: unknown }).google;
  await sandbox?.close();
});

describe.each(Object.entries(MODELS))('google.script.run, %s', (_model, options) => {
  it('hands back the value', async () => {
    const { calls } = environment(options);
    await signIn();
    const state = await call<{ user: { email: string } }>('getSidebarState');
    expect(state.user.email).toBe('admin@pivor.dev');
    expect(calls[0]).toBe('callServer');
  });

  it('reports a handler that throws with its reason, not as "no answer"', async () => {
    const { gas } = environment(options);
    const real = gas.spreadsheetApp.getActiveSpreadsheet.bind(gas.spreadsheetApp);
    gas.spreadsheetApp.getActiveSpreadsheet = () => {
      throw new Error('Service Spreadsheets failed while accessing document with id 1abc.');
    };
    const error = await call('getSidebarState').then(() => null, (e: unknown) => e);
    gas.spreadsheetApp.getActiveSpreadsheet = real;
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).kind).toBe('crash');
    expect((error as ServerError).message).toMatch(/^The add-on failed: Service Spreadsheets failed while accessing document/);
    expect(gas.logger.lines.join('\n')).toMatch(/Service Spreadsheets failed/);
  });
});

describe('an answer larger than one cache value', () => {
  it('is kept in pieces under 100 KB of UTF-8 each, and arrives whole', async () => {
    const { gas } = environment(MODELS['pessimistic, answer lost']!);
    await signIn();
    await pullContacts();
    const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    sheet.deleteRows(2, sheet.getLastRow() - 1);
    const summary = await call<PushSummary>('pushPrepare', sheet.getSheetId());
    expect(summary.deletes).toHaveLength(1_200);
    expect(summary.deletes[7]!.label).toMatch(/Ola-Ærøskøbing-Ölçüm-\d+ Lund-Ångström/);
    expect(Buffer.byteLength(JSON.stringify(summary))).toBeGreaterThan(200_000);
  });
});

describe('utf8Chunks', () => {
  it('cuts by bytes, never inside a character, and joins back to the text', () => {
    const text = 'aé東😀'.repeat(40_000);
    const chunks = utf8Chunks(text, 90_000);
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBeGreaterThan(4);
    for (const chunk of chunks) {
      expect(Buffer.byteLength(chunk)).toBeLessThanOrEqual(90_000);
      expect(chunk).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});

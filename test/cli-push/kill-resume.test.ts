// A push killed half way (SIGKILL: no chance to clean up) and the same command run again: every row ends on the
// server exactly once. Communications have no match key, so only the journal prevents duplicates here.
// The sandbox runs in its own process with latency, so the kill lands while requests are in flight.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../shared/csv/index.ts';
import type { PivorClient } from '../../shared/api/index.ts';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { signIn } from '../push/sandbox-session.ts';
import { finished, runCli, spawnCli } from '../helpers/pivor-csv.ts';

const ROWS = 300;
let sandbox: SandboxProcess;
let client: PivorClient;
let scratch: string;

beforeAll(async () => {
  sandbox = await startSandboxProcess(['--seed', 'users', '--latency', '25', '--quiet']);
  client = await signIn(sandbox.url);
  scratch = mkdtempSync(join(tmpdir(), 'pivor-kill-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function onServer(search?: string): Promise<number> {
  return (await client.listPage('communications', { perPage: 1, ...(search ? { filters: { search } } : {}) })).meta.total;
}

/** Writes ROWS communications to a file and starts `pivor-csv push` on it, signed in with a token of its own. */
async function startPush(name: string, headers: string[], row: (i: number) => string[]) {
  const file = join(scratch, name);
  writeFileSync(file, writeCsv(headers, Array.from({ length: ROWS }, (_, i) => row(i))));
  const { token } = await client.createToken('admin@pivor.dev', 'password', `${name} test`);
  const env = { XDG_CONFIG_HOME: join(scratch, 'config'), PIVOR_URL: sandbox.url, PIVOR_TOKEN: token };
  const args = ['push', 'communications', file, '--concurrency', '4', '--json'];
  const child = spawnCli(args, env);
  const first = finished(child);
  child.stdin?.end();
  return { child, first, args, env };
}

describe('kill and resume', () => {
  it('SIGKILL half way, same command again: none missing, none twice', async () => {
    const { child, first, args, env } = await startPush('calls.csv', ['type', 'subject', 'status', 'due_at'],
      (i) => ['phone', `Call ${i + 1}`, 'pending', '2026-03-01 09:00']);
    // Kill once a good part is on the server, while the rest is still being sent.
    for (let n = await onServer(); n < ROWS / 3; n = await onServer()) {
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    const killed = await first;
    expect(killed.signal).toBe('SIGKILL');
    const before = await onServer();
    expect(before).toBeGreaterThanOrEqual(ROWS / 3);
    expect(before).toBeLessThan(ROWS);

    const again = await runCli(args, env);
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout) as { files: { counts: Record<string, number>; results: { row: number; id: number; message?: string }[] }[] };
    const [push] = json.files;
    expect(push!.counts).toMatchObject({ created: ROWS, failed: 0, skipped: 0 });
    const earlier = push!.results.filter((r) => r.message?.includes('earlier run') || r.message?.startsWith('found on the server'));
    expect(earlier.length).toBeGreaterThanOrEqual(before - 4);

    const all = await client.listAll('communications', { filters: { search: 'Call ' } });
    expect(all).toHaveLength(ROWS);
    expect(new Set(all.map((c) => c.subject)).size).toBe(ROWS);
    expect(new Set(push!.results.map((r) => r.id))).toEqual(new Set(all.map((c) => c.id)));
  }, 60_000);

  it('Ctrl-C (SIGINT) stops sending, lets requests in flight finish, exits 1 naming the rows not sent; a re-run completes', async () => {
    const { child, first, args, env } = await startPush('notes.csv', ['type', 'subject'], (i) => ['note', `Note ${i + 1}`]);
    while ((await onServer('Note ')) < ROWS / 4 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGINT');
    const stopped = await first;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/Cancelling/);
    const json = JSON.parse(stopped.stdout) as { files: { counts: Record<string, number>; stopped: string | null }[] };
    expect(json.files[0]!.stopped).toBe('cancelled');
    const { created, skipped } = json.files[0]!.counts;
    expect(created! + skipped!).toBe(ROWS);
    // Everything reported created is on the server, and nothing else is.
    expect(await onServer('Note ')).toBe(created);

    const again = await runCli(args, env);
    expect(again.code).toBe(0);
    expect(await onServer('Note ')).toBe(ROWS);
  }, 60_000);
});

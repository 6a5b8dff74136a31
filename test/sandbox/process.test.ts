// The command entry in its own process: the {"url","port"} line, flags and environment, SIGTERM saving the database.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { call } from './http.ts';

const running: SandboxProcess[] = [];
const start = async (args: string[], env?: Record<string, string>) => {
  const p = await startSandboxProcess(args, env);
  running.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.close()));
});

const login = async (url: string) =>
  call(url, 'POST', '/api/tokens/create', { body: { email: 'admin@pivor.dev', password: 'password' } });

describe('sandbox/main.ts', () => {
  it('prints its URL on a free loopback port and serves the API', async () => {
    const sandbox = await start(['--port', '0', '--seed', 'users']);
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
    expect((await login(sandbox.url)).status).toBe(200);
    // The request log line follows the response.
    await vi.waitFor(() => expect(sandbox.stderr()).toContain('POST /api/tokens/create → 200'));
  });

  it('saves the database file on SIGTERM, and the next process loads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pivor-sandbox-'));
    try {
      const dbFile = join(dir, 'pivor.sqlite');
      const first = await start(['--db', dbFile, '--quiet']);
      const token = (await login(first.url)).body.token;
      expect((await call(first.url, 'POST', '/api/clients', { token, body: { name: 'Kept Ltd' } })).status).toBe(201);
      await first.close();
      expect(existsSync(dbFile)).toBe(true);
      const second = await start(['--db', dbFile, '--seed', 'none', '--quiet']);
      const list = await call(second.url, 'GET', '/api/clients', { token });
      expect(list.body.data.map((c: any) => c.name)).toEqual(['Kept Ltd']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every write it answered when killed with SIGKILL right after the answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pivor-sandbox-'));
    try {
      const dbFile = join(dir, 'pivor.sqlite');
      const first = await start(['--db', dbFile, '--quiet']);
      const token = (await login(first.url)).body.token;
      const names = Array.from({ length: 20 }, (_, i) => `Kept ${i}`);
      const replies = await Promise.all(names.map((name) => call(first.url, 'POST', '/api/clients', { token, body: { name } })));
      expect(replies.map((r) => r.status)).toEqual(names.map(() => 201));
      await first.crash();
      const second = await start(['--db', dbFile, '--quiet']);
      const list = await call(second.url, 'GET', '/api/clients?per_page=100&sort=name', { token });
      expect(list.body.data.map((c: any) => c.name)).toEqual([...names].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes faults from flags and from PIVOR_SANDBOX_* variables', async () => {
    const flagged = await start(['--error-rate', '1', '--quiet']);
    expect((await login(flagged.url)).status).toBe(500);
    const fromEnv = await start(['--quiet'], { PIVOR_SANDBOX_RATE_LIMIT_RATE: '1', PIVOR_SANDBOX_RETRY_AFTER: '3' });
    const reply = await login(fromEnv.url);
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('3');
  });

  it('refuses an unknown flag with exit code 2 and the usage', async () => {
    await expect(startSandboxProcess(['--nope'])).rejects.toThrow(/exited with code 2[\s\S]*unknown option --nope[\s\S]*Usage/);
  });
});

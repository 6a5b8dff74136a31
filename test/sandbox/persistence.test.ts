// Persistence: with a dbFile every write is saved before it is answered, and a restart
// with the same file keeps the data (and is not seeded again).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index.ts';
import { call } from './http.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pivor-sandbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const login = async (url: string) =>
  (await call(url, 'POST', '/api/tokens/create', { body: { email: 'admin@pivor.dev', password: 'password' } })).body.token as string;

describe('dbFile', () => {
  it('keeps records and tokens across a restart, without seeding again', async () => {
    const dbFile = join(dir, 'nested', 'pivor.sqlite');
    const first = await startSandbox({ dbFile, seed: 'users' });
    const token = await login(first.url);
    await call(first.url, 'POST', '/api/clients', { token, body: { name: 'Survivor Ltd' } });
    await first.close();

    const second = await startSandbox({ dbFile, seed: 'demo' });
    try {
      const list = await call(second.url, 'GET', '/api/clients', { token });
      expect(list.status).toBe(200);
      expect(list.body.data.map((c: any) => c.name)).toEqual(['Survivor Ltd']);
      expect(second.query('SELECT COUNT(*) AS n FROM users')).toEqual([{ n: 3 }]);
    } finally {
      await second.close();
    }
  });

  it('a write is in the file by the time it is answered', async () => {
    const dbFile = join(dir, 'pivor.sqlite');
    const running = await startSandbox({ dbFile });
    try {
      const token = await login(running.url);
      expect((await call(running.url, 'POST', '/api/contacts', { token, body: { first_name: 'Early', last_name: 'Save' } })).status).toBe(201);
      const copy = await startSandbox({ dbFile });
      try {
        expect(copy.query('SELECT first_name FROM contacts')).toEqual([{ first_name: 'Early' }]);
      } finally {
        await copy.close();
      }
    } finally {
      await running.close();
    }
  });
});

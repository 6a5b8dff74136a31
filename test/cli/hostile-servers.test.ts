// pivor-csv (a child process) against servers that are not what they should be: one that redirects elsewhere
// (issue: "redirects never carry anything away") and one that never answers ("silence is a defect").
// A recording server stands at the redirect's target: nothing may reach it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from '../push/sandbox-session.ts';
import { finished, runCli, spawnCli } from '../helpers/pivor-csv.ts';
import { recordingServer, redirectingServer, silentServer, type Running, type Recorded } from '../helpers/hostile-servers.ts';

let scratch: string;
let s: Session;
let thief: Running & { seen: Recorded[] };
const running: Running[] = [];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'pivor-hostile-'));
  s = await openSession();
  thief = await recordingServer();
});
afterAll(async () => {
  for (const server of running) await server.close();
  await thief?.close();
  await s?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function start<T extends Running>(server: Promise<T>): Promise<T> {
  const started = await server;
  running.push(started);
  return started;
}

const home = (name: string) => ({ XDG_CONFIG_HOME: join(scratch, name) });
const contactsCsv = () => {
  const path = join(scratch, `contacts-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, 'first_name,last_name,email\nAda,Lovelace,ada@example.com\nAlan,Turing,alan@example.com\n');
  return path;
};

describe('a server that redirects to another origin', () => {
  it('login: the password is not sent there, the message names where it pointed, nothing is stored', async () => {
    const redirector = await start(redirectingServer(thief.url, { status: 308 }));
    const before = thief.seen.length;
    const run = await runCli(['login', '--url', redirector.url, '--email', 'admin@pivor.dev', '--password-stdin'], home('login'), 'secret-password\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`redirected the request to ${thief.url}/api/tokens/create`);
    expect(run.stderr).toContain('nothing was sent there');
    expect(thief.seen.slice(before)).toEqual([]);
    expect(existsSync(join(scratch, 'login', 'pivor-bridge', 'credentials.json'))).toBe(false);
  });

  it('login over https redirected to plain http: nothing leaves in clear', async () => {
    const key = join(scratch, 'key.pem');
    const cert = join(scratch, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const redirector = await start(redirectingServer(thief.url, { status: 308, tls: { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') } }));
    expect(redirector.url).toMatch(/^https:/);
    const before = thief.seen.length;
    const run = await runCli(['login', '--url', redirector.url, '--email', 'admin@pivor.dev', '--password-stdin'],
      { ...home('login-tls'), NODE_EXTRA_CA_CERTS: cert }, 'secret-password\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${redirector.url} redirected the request to ${thief.url}/api/tokens/create`);
    expect(thief.seen.slice(before)).toEqual([]);
  });

  it('export: the token is not sent there, exit 2 naming the target, no file written', async () => {
    const redirector = await start(redirectingServer(thief.url));
    const before = thief.seen.length;
    const out = join(scratch, 'redirected-export.csv');
    const run = await runCli(['export', 'clients', '--out', out], { ...home('export'), PIVOR_URL: redirector.url, PIVOR_TOKEN: s.token });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`redirected the request to ${thief.url}/api/clients`);
    expect(thief.seen.slice(before)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('push: a 307 on the POSTs sends no row there and creates nothing twice; the rows fail with the reason', async () => {
    // A Pivor whose reads work and whose writes answer 307 to another origin.
    const redirector = await start(redirectingServer(thief.url, { passOn: { methods: ['GET'], to: s.sandbox.url } }));
    const before = thief.seen.length;
    const contactsBefore = (await s.client.listAll('contacts')).length;
    const file = contactsCsv();
    const run = await runCli(['push', 'contacts', file], { ...home('push'), PIVOR_URL: redirector.url, PIVOR_TOKEN: s.token });
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(`redirected the request to ${thief.url}/api/contacts`);
    expect(thief.seen.slice(before)).toEqual([]);
    expect((await s.client.listAll('contacts')).length).toBe(contactsBefore);
  });
});

describe('a server that accepts connections and never answers', () => {
  it('export says it is waiting within seconds, then fails clearly (PIVOR_TIMEOUT=1), writing no file', async () => {
    const silent = await start(silentServer());
    const out = join(scratch, 'silent-export.csv');
    const child = spawnCli(['export', 'clients', '--out', out], { ...home('silent'), PIVOR_URL: silent.url, PIVOR_TOKEN: 'x|y', PIVOR_TIMEOUT: '1' });
    const startedAt = Date.now();
    let firstNoticeAfter = -1;
    child.stderr?.on('data', (chunk: Buffer) => {
      if (firstNoticeAfter < 0 && /Waiting for Pivor|attempt 2 of 5/.test(chunk.toString())) firstNoticeAfter = Date.now() - startedAt;
    });
    const run = await finished(child);
    expect(firstNoticeAfter).toBeGreaterThan(0);
    // Seconds, not minutes: the bound includes starting the CLI on a busy machine.
    expect(firstNoticeAfter).toBeLessThan(15_000);
    expect(run.stderr).toMatch(/attempt 5 of 5/);
    expect(run.stderr).toContain(`Can't reach Pivor at ${silent.url}: check the URL and your connection (no answer within 1 s).`);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(silent.connections()).toBeGreaterThanOrEqual(5);
  }, 40_000);

  it('with the default timeout, the first notice comes after 5 s of silence, not minutes', async () => {
    const silent = await start(silentServer());
    const child = spawnCli(['export', 'contacts'], { ...home('silent-default'), PIVOR_URL: silent.url, PIVOR_TOKEN: 'x|y' });
    const done = finished(child);
    const notice = await new Promise<string>((resolve) => {
      let text = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /Waiting for Pivor at [^\n]*\n/.exec(text);
        if (match) resolve(match[0]);
      });
    });
    child.kill('SIGTERM');
    await done;
    expect(notice).toBe(`Waiting for Pivor at ${silent.url}: no answer for 5 s (attempt 1 of 5).\n`);
  }, 20_000);

  it('push: waits aloud, ends with a failure, and leaves the file as it was', async () => {
    const silent = await start(silentServer());
    const file = contactsCsv();
    const original = readFileSync(file, 'utf8');
    const run = await runCli(['push', 'contacts', file], { ...home('silent-push'), PIVOR_URL: silent.url, PIVOR_TOKEN: 'x|y', PIVOR_TIMEOUT: '1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/attempt 2 of 5/);
    expect(run.stderr).toContain(`Can't reach Pivor at ${silent.url}`);
    expect(readFileSync(file, 'utf8')).toBe(original);
  }, 40_000);
});

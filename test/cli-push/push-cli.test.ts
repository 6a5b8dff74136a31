// pivor-csv login, logout, push and export as a user runs them (a child process) against the sandbox over HTTP:
// the stored login's permissions, exit codes 0/1/2, the dry run, --json, the failures file, several files at once.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { openSession, routeCount, type Session } from '../push/sandbox-session.ts';
import { root, runCli } from '../helpers/pivor-csv.ts';

let s: Session;
let scratch: string;
let env: Record<string, string>;

const fixture = (name: string) => join(root, 'test/fixtures', `${name}.csv`);
/** A copy of a fixture in the scratch folder, so the failures file lands there. */
function copy(name: string): string {
  const path = join(scratch, `${name}.csv`);
  copyFileSync(fixture(name), path);
  return path;
}

beforeAll(async () => {
  s = await openSession();
  scratch = mkdtempSync(join(tmpdir(), 'pivor-cli-push-'));
  env = { XDG_CONFIG_HOME: join(scratch, 'config'), PIVOR_URL: s.sandbox.url, PIVOR_TOKEN: s.token };
});
afterAll(async () => {
  await s?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('pivor-csv login and logout', () => {
  it('stores the token in a 0600 file in a 0700 folder, never prints it, uses it, then revokes and forgets it', { timeout: 90_000 }, async () => {
    const home = { XDG_CONFIG_HOME: join(scratch, 'login-config') };
    const login = await runCli(['login', '--url', s.sandbox.url, '--email', 'manager@pivor.dev', '--password-stdin'], home, 'password\n');
    expect(login.code).toBe(0);
    expect(login.stdout).toMatch(/Signed in to http:\/\/127\.0\.0\.1:\d+ as manager@pivor\.dev \(manager\)/);
    const file = join(home.XDG_CONFIG_HOME, 'pivor-bridge', 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home.XDG_CONFIG_HOME, 'pivor-bridge')).mode & 0o777).toBe(0o700);
    const { token } = JSON.parse(readFileSync(file, 'utf8')) as { token: string };
    expect(login.stdout + login.stderr).not.toContain(token);
    expect(login.stdout + login.stderr).not.toContain(token.split('|')[1]!);

    const exported = await runCli(['export', 'clients'], home);
    expect(exported.code).toBe(0);
    expect(readCsv(exported.stdout).headers[0]).toBe('id');

    const logout = await runCli(['logout'], home);
    expect(logout.code).toBe(0);
    expect(existsSync(file)).toBe(false);
    const revoked = await fetch(`${s.sandbox.url}/api/user`, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
    expect(revoked.status).toBe(401);
    expect((await runCli(['export', 'clients'], home)).code).toBe(2);
  });

  it('a wrong password is exit 2 with the reason, and nothing is stored', async () => {
    const home = { XDG_CONFIG_HOME: join(scratch, 'wrong-config') };
    const run = await runCli(['login', '--url', s.sandbox.url, '--email', 'admin@pivor.dev', '--password-stdin'], home, 'nope\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Wrong email or password/);
    expect(existsSync(join(home.XDG_CONFIG_HOME, 'pivor-bridge', 'credentials.json'))).toBe(false);
  });
});

describe('pivor-csv push', () => {
  it('pushes several files in dependency order with --json, and exits 1 because one row could not be written', async () => {
    const run = await runCli(['push', '--communications', copy('pivor-communications-export'), '--contacts', copy('pivor-contacts-export'),
      '--clients', copy('pivor-clients-export'), '--json'], env);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { files: { resource: string; counts: Record<string, number>; failuresFile: string | null }[] };
    expect(json.files.map((f) => [f.resource, f.counts.created, f.counts.skipped])).toEqual([['clients', 3, 1], ['contacts', 3, 0], ['communications', 4, 0]]);
    expect(json.files[0]!.failuresFile).toBe(join(scratch, 'pivor-clients-export.failures.csv'));
    const failures = readCsv(readFileSync(json.files[0]!.failuresFile!));
    expect(failures.records).toHaveLength(1);
    expect(failures.records[0]!.cells.slice(0, 1)).toEqual(['Open Data Society']);
  });

  it('running the same push again sends nothing (Marc has no email to match: he is recognised by name) and exits 0', async () => {
    const posts = routeCount(s.sandbox, 'POST /api/contacts') + routeCount(s.sandbox, 'PATCH /api/contacts/{id}') + routeCount(s.sandbox, 'PUT /api/contacts/{id}');
    const run = await runCli(['push', 'contacts', copy('pivor-contacts-export')], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/contacts: 0 created, 0 updated, 3 unchanged \(1 already in Pivor, not created again\)/);
    expect(run.stdout).toMatch(/row 4 not created: already in Pivor \(probably contact \d+\)/);
    expect(routeCount(s.sandbox, 'POST /api/contacts') + routeCount(s.sandbox, 'PATCH /api/contacts/{id}') + routeCount(s.sandbox, 'PUT /api/contacts/{id}')).toBe(posts);
  });

  it('--dry-run prints the plan row by row and writes nothing', async () => {
    const before = s.sandbox.stats().requests;
    const gets = Object.entries(s.sandbox.stats().byRoute).filter(([k]) => k.startsWith('GET')).reduce((n, [, v]) => n + v, 0);
    const run = await runCli(['push', 'contacts', copy('messy-contacts'), '--dry-run', '--create-missing-clients'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/missing client "Nonexistent Holdings": would be created/);
    // Rows 2 and 9 both say primary for Acme Corp: row 9 keeps it, and row 2 (in Pivor, not primary) stays as it is.
    expect(run.stdout).toMatch(/Rows 2, 9 each mark a primary contact of "Acme Corp"; Pivor keeps one per client, so only row 9's is sent as primary/);
    expect(run.stdout).toMatch(/row 2: unchanged/);
    expect(run.stdout).toMatch(/row 3: skipped: last name is required \(column last_name\)/);
    expect(run.stdout).toMatch(/row 5: create/);
    const after = s.sandbox.stats();
    const getsAfter = Object.entries(after.byRoute).filter(([k]) => k.startsWith('GET')).reduce((n, [, v]) => n + v, 0);
    expect(after.requests - before).toBe(getsAfter - gets);
  });

  it('a file with errors exits 1, names each skipped row, and leaves a failures file to fix', async () => {
    const path = copy('messy-contacts');
    const run = await runCli(['push', 'contacts', path], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\n {2}skipped: Row 4: "not-an-email" is not a valid email address \(column email\)/);
    const failures = readCsv(readFileSync(join(scratch, 'messy-contacts.failures.csv')));
    expect(failures.headers.slice(-2)).toEqual(['error', 'original_row']);
    expect(failures.records.map((r) => r.cells.at(-1))).toEqual(['3', '4', '5', '6', '8']);
  });

  it('exit 2 for an unusable call: unknown resource, no token, unreachable server', async () => {
    const wrong = await runCli(['push', 'deals', copy('messy-contacts')], env);
    expect(wrong.code).toBe(2);
    const noToken = await runCli(['push', 'contacts', copy('messy-contacts')], { ...env, PIVOR_TOKEN: '' });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/Not signed in/);
    const down = await runCli(['push', 'contacts', copy('hubspot-contacts')], { ...env, PIVOR_URL: 'http://127.0.0.1:9' });
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/Can't reach Pivor at http:\/\/127\.0\.0\.1:9/);
    expect(down.stderr).not.toContain(s.token);
  });
});

describe('pivor-csv export', () => {
  it('writes the filtered records to --out', async () => {
    const out = join(scratch, 'active.csv');
    const run = await runCli(['export', 'clients', '--out', out, '--filter', 'status=active'], env);
    expect(run.code).toBe(0);
    const table = readCsv(readFileSync(out));
    const status = table.headers.indexOf('status');
    expect(table.records.length).toBeGreaterThan(0);
    expect(table.records.every((r) => r.cells[status] === 'active')).toBe(true);
    expect((await runCli(['export', 'clients', '--filter', 'colour=red'], env)).code).toBe(2);
  });
});

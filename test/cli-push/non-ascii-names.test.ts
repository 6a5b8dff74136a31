// pivor-csv and Pivor's initials bug, in a child process against the sandbox over HTTP: a contact whose name starts
// with a character outside ASCII is held back (exit 1, the reason, the hint, the failures file) unless the user
// passes --send-non-ascii-names, which --help explains.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../shared/csv/index.ts';
import { openSession, routeCount, type Session } from '../push/sandbox-session.ts';
import { runCli } from '../helpers/pivor-csv.ts';

let s: Session;
let scratch: string;
let env: Record<string, string>;
beforeAll(async () => {
  s = await openSession();
  scratch = mkdtempSync(join(tmpdir(), 'pivor-cli-names-'));
  env = { XDG_CONFIG_HOME: join(scratch, 'config'), PIVOR_URL: s.sandbox.url, PIVOR_TOKEN: s.token };
});
afterAll(async () => {
  await s?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function file(name: string): string {
  const path = join(scratch, name);
  writeFileSync(path, writeCsv(['first_name', 'last_name', 'email'], [['Ada', 'Lovelace', 'ada@x.com'], ['Émile', 'Zola', 'emile@x.com'], ['Lech', 'Wałęsa', 'lech@x.com']]));
  return path;
}
const names = () => s.sandbox.query('SELECT first_name FROM contacts WHERE deleted_at IS NULL ORDER BY id').map((r) => String(r.first_name));

describe('pivor-csv and names Pivor cannot handle', () => {
  it('check reports the row as an error with what to do, and the flag turns it into a warning', async () => {
    const path = file('check.csv');
    const run = await runCli(['check', 'contacts', path], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('first name "Émile" starts with "É", a character outside plain ASCII.');
    expect(run.stdout).toContain('1 row is held back for a name Pivor cannot handle: change the first letter, or push with --send-non-ascii-names');
    const anyway = await runCli(['check', 'contacts', path, '--send-non-ascii-names'], env);
    expect(anyway.code).toBe(0);
    expect(anyway.stdout).toContain('is sent anyway, as you chose');
  });

  it('push holds the row back, sends the others, and leaves it in the failures file', async () => {
    const path = file('held.csv');
    const posts = routeCount(s.sandbox, 'POST /api/contacts');
    const run = await runCli(['push', 'contacts', path], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('contacts: 2 created');
    expect(run.stdout).toMatch(/skipped: Row 3: first name "Émile" starts with "É".*The row is held back: change its first letter \(to "E", say\)/);
    expect(run.stdout).toContain('push with --send-non-ascii-names');
    expect(routeCount(s.sandbox, 'POST /api/contacts') - posts).toBe(2);
    expect(names()).toEqual(['Ada', 'Lech']);
    const failures = readCsv(readFileSync(join(scratch, 'held.failures.csv')));
    expect(failures.records.map((r) => r.cells[0])).toEqual(['Émile']);
  });

  it('--send-non-ascii-names sends it, as the user chose', async () => {
    const run = await runCli(['push', 'contacts', join(scratch, 'held.failures.csv'), '--send-non-ascii-names'], env);
    expect(run.stdout).toContain('contacts: 1 created');
    expect(names()).toEqual(['Ada', 'Lech', 'Émile']);
  });

  it('push --help explains the flag', async () => {
    const help = await runCli(['push', '--help']);
    expect(help.stdout).toContain('--send-non-ascii-names');
    expect(help.stdout).toContain("until the name is changed in Pivor's web screens");
  });
});

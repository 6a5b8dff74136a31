// The ordinary situations that used to lose or duplicate rows, each run as a user runs it (pivor-csv in a child
// process against the sandbox over HTTP), counting the records on the server afterwards: a record deleted in
// Pivor between two runs, a fixed or re-saved communications file pushed again, clients without email and near
// names, two pushes of one file at once, a stale lock, and a journal that cannot be saved.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../shared/csv/index.ts';
import { finished, runCli, spawnCli } from '../helpers/pivor-csv.ts';
import { openSession, routeCount, type Session } from '../push/sandbox-session.ts';

// Each test runs pivor-csv several times, so each has minutes (a busy machine makes a run take seconds).
let s: Session;
let scratch: string;
let env: Record<string, string>;

beforeAll(async () => {
  s = await openSession({ faults: { latencyMs: 5 } });
  scratch = mkdtempSync(join(tmpdir(), 'pivor-twice-'));
  env = { XDG_CONFIG_HOME: join(scratch, 'config'), PIVOR_URL: s.sandbox.url, PIVOR_TOKEN: s.token };
});
afterAll(async () => {
  await s?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

/** How many live records of a table hold each value of a column, for values starting with a tag. */
function countsBy(table: string, column: string, tag: string): Map<string, number> {
  const rows = s.sandbox.query(`SELECT ${column} AS v, COUNT(*) AS n FROM ${table} WHERE ${column} LIKE ? AND deleted_at IS NULL GROUP BY ${column}`, [`${tag}%`]);
  return new Map(rows.map((r) => [String(r.v), Number(r.n)]));
}

function once(counts: Map<string, number>, expected: number): void {
  expect(counts.size).toBe(expected);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
}

describe('the server is the truth; the journal only resumes', { timeout: 240_000 }, () => {
  it('a contact deleted in Pivor between two runs is created again, and the run says so', async () => {
    const path = file('people.csv', writeCsv(['first_name', 'last_name'], Array.from({ length: 50 }, (_, i) => ['Del', `Person${i + 1}`])));
    const first = await runCli(['push', 'contacts', path], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/contacts: 50 created/);
    const [gone] = s.sandbox.query("SELECT id FROM contacts WHERE last_name = 'Person7' AND deleted_at IS NULL");
    await s.client.delete('contacts', Number(gone!.id));

    const again = await runCli(['push', 'contacts', path], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/contacts: 1 created, 0 updated, 49 unchanged \(49 already in Pivor, not created again\)/);
    once(countsBy('contacts', 'last_name', 'Person'), 50);
  });

  it('records an interrupted push created and the server then lost are created again on the re-run, with a notice', async () => {
    const path = file('lost.csv', writeCsv(['type', 'subject'], Array.from({ length: 120 }, (_, i) => ['note', `Lost ${i + 1}`])));
    const child = spawnCli(['push', 'communications', path, '--concurrency', '2'], env);
    const done = finished(child);
    child.stdin?.end();
    while ((countsBy('communications', 'subject', 'Lost ').size) < 40 && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await done;
    // The server "loses" ten acknowledged writes: deleted behind the push's back.
    const made = s.sandbox.query("SELECT id FROM communications WHERE subject LIKE 'Lost %' AND deleted_at IS NULL ORDER BY id LIMIT 10");
    for (const r of made) await s.client.delete('communications', Number(r.id));

    const again = await runCli(['push', 'communications', path], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/row\(s\) an earlier run of this push created are no longer in Pivor and will be created again/);
    once(countsBy('communications', 'subject', 'Lost '), 120);
    // Finished: the journal is closed, and a third run creates nothing.
    const third = await runCli(['push', 'communications', path], env);
    expect(third.stdout).toMatch(/communications: 0 created, 0 updated, 120 unchanged \(120 already in Pivor/);
    once(countsBy('communications', 'subject', 'Lost '), 120);
  });
});

describe('rows already in Pivor are recognised without an id', { timeout: 240_000 }, () => {
  const headers = ['type', 'subject', 'due_at', 'description'];
  const rows = [
    ['call', 'Renewal call', '2026-03-02 10:00', 'Ask about\nthe renewal'],
    ['meeting', 'Kick-off', 'not a date', 'Agenda'],
    ['note', 'Café visit', '', 'Liked the espresso'],
  ];

  it('a fixed file, its failures file and re-saved copies (CRLF inside cells, LF, no BOM, columns reordered, Windows-1252) create each row once', async () => {
    const path = file('comms.csv', writeCsv(headers, rows));
    const first = await runCli(['push', 'communications', path], env);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/communications: 2 created, .* 1 skipped/);

    // The failures file, fixed and pushed: only the fixed row is created.
    const failures = readCsv(readFileSync(join(scratch, 'comms.failures.csv')));
    const due = failures.headers.indexOf('due_at');
    const fixed = failures.records.map((r) => r.cells.map((c, i) => (i === due ? '2026-03-05 09:00' : c)));
    const failuresPath = file('comms.failures.csv', writeCsv(failures.headers, fixed));
    const retry = await runCli(['push', 'communications', failuresPath], env);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toMatch(/communications: 1 created/);

    // The original, fixed the same way, then re-saved in other ways: nothing more is created.
    const fixedRows = rows.map((r) => (r[1] === 'Kick-off' ? [r[0]!, r[1], '2026-03-05 09:00', r[3]!] : r));
    const order = [3, 1, 0, 2];
    const variants: [string, string | Uint8Array][] = [
      ['fixed.csv', writeCsv(headers, fixedRows)],
      ['crlf-in-cells.csv', writeCsv(headers, fixedRows.map((r) => r.map((c) => c.replace(/\n/g, '\r\n'))))],
      ['lf.csv', writeCsv(headers, fixedRows, { bom: false }).replace(/\r\n/g, '\n')],
      ['reordered.csv', writeCsv(order.map((i) => headers[i]!), fixedRows.map((r) => order.map((i) => r[i]!)))],
      ['cp1252.csv', new Uint8Array(Buffer.from(writeCsv(headers, fixedRows, { bom: false }), 'latin1'))],
    ];
    for (const [name, content] of variants) {
      const run = await runCli(['push', 'communications', file(name, content)], env);
      expect(run.code, `${name}: ${run.stdout}${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/communications: 0 created, 0 updated, 3 unchanged \(3 already in Pivor, not created again\)/);
      expect(run.stdout).toMatch(/row 2 not created: already in Pivor \(probably communication \d+\)/);
    }
    once(countsBy('communications', 'subject', 'Renewal call'), 1);
    once(countsBy('communications', 'subject', 'Kick-off'), 1);
    once(countsBy('communications', 'subject', 'Café visit'), 1);
  });

  it('a row twice in one file is created once; --allow-duplicates creates what the user asks for', async () => {
    const twice = file('twice.csv', writeCsv(['type', 'subject'], [['note', 'Twice note'], ['note', 'Twice note']]));
    const run = await runCli(['push', 'communications', twice], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/row 3 not created: like row 2 of this file, which creates it/);
    expect(countsBy('communications', 'subject', 'Twice note').get('Twice note')).toBe(1);
    const asked = await runCli(['push', 'communications', twice, '--allow-duplicates'], env);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/communications: 2 created/);
    expect(countsBy('communications', 'subject', 'Twice note').get('Twice note')).toBe(3);
  });
});

describe('clients without email and near names', { timeout: 240_000 }, () => {
  let pinnacle: number;
  let meridian: number;
  let twins: number[];
  beforeAll(async () => {
    pinnacle = (await s.client.create('clients', { name: 'Pinnacle Foods AG', email: 'info@pinnacle.example' })).id;
    meridian = (await s.client.create('clients', { name: 'Meridian Engineering Ltd' })).id;
    twins = [(await s.client.create('clients', { name: 'Harbour Twin' })).id, (await s.client.create('clients', { name: 'Harbour Twin' })).id];
  });

  it('clients matched by email: a row with no email is matched by its name, a near name is held naming the candidate', async () => {
    const path = file('clients.csv', writeCsv(['name', 'email', 'city'], [
      ['Pinnacle Foods AG', '', 'Zug'], ['Meridian Engineering', '', ''], ['Brand New Bakery', 'hi@bakery.example', ''],
    ]));
    const run = await runCli(['push', 'clients', path, '--match', 'email'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`row 2 not created: already in Pivor \\(probably client ${pinnacle}\\)`));
    expect(run.stdout).toMatch(new RegExp(`row 3 not created: looks like client ${meridian} \\(Meridian Engineering Ltd\\) in Pivor \\(a near name\\)`));
    expect(run.stdout).toMatch(/clients: 1 created/);
    expect(countsBy('clients', 'name', 'Pinnacle').get('Pinnacle Foods AG')).toBe(1);
    expect(countsBy('clients', 'name', 'Meridian').size).toBe(1);

    // Without an email column, clients match by name: the row updates the one Pinnacle Foods AG.
    const byName = await runCli(['push', 'clients', file('names.csv', writeCsv(['name', 'city'], [['PINNACLE  foods ag', 'Zug']])), '--match', 'email'], env);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toMatch(/The file has no email column: clients match by name/);
    expect(byName.stdout).toMatch(/clients: 0 created, 1 updated/);
  });

  it('contacts naming a near or shared client are skipped naming the candidates; a client_id column settles them', async () => {
    const rows = [['Ann', 'Near', 'Meridian Engineering'], ['Bob', 'Twin', 'Harbour Twin']];
    const path = file('staff.csv', writeCsv(['first_name', 'last_name', 'client_name'], rows));
    const before = routeCount(s.sandbox, 'POST /api/clients');
    const run = await runCli(['push', 'contacts', path, '--create-missing-clients'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`no client named "Meridian Engineering" in Pivor, but client ${meridian} \\(Meridian Engineering Ltd\\) is near: to link it, give its id in a client_id column`));
    expect(run.stdout).toMatch(new RegExp(`2 clients in Pivor are named "Harbour Twin" \\(client ${twins[0]} \\(Harbour Twin\\), client ${twins[1]} \\(Harbour Twin\\)\\): give the id`));
    expect(routeCount(s.sandbox, 'POST /api/clients')).toBe(before);
    expect(countsBy('contacts', 'last_name', 'Near').size + countsBy('contacts', 'last_name', 'Twin').size).toBe(0);

    const withIds = file('staff-ids.csv', writeCsv(['first_name', 'last_name', 'client_name', 'client_id'], [
      [...rows[0]!, String(meridian)], [...rows[1]!, String(twins[1])],
    ]));
    const settled = await runCli(['push', 'contacts', withIds], env);
    expect(settled.code, settled.stdout).toBe(0);
    expect(settled.stdout).toMatch(/contacts: 2 created/);
    const linked = s.sandbox.query("SELECT last_name, client_id FROM contacts WHERE last_name IN ('Near', 'Twin') AND deleted_at IS NULL ORDER BY last_name");
    expect(linked).toEqual([{ last_name: 'Near', client_id: meridian }, { last_name: 'Twin', client_id: twins[1] }]);
  });
});

describe('one push at a time', { timeout: 240_000 }, () => {
  it('two pushes of one file at once: the second says who holds the lock and sends nothing; every row is on the server once', async () => {
    const path = file('same.csv', writeCsv(['first_name', 'last_name', 'email'], Array.from({ length: 300 }, (_, i) => ['Same', `Row${i + 1}`, `same${i + 1}@lock.example`])));
    const locks = join(scratch, 'config', 'pivor-bridge', 'locks');
    const lockFile = join(locks, `${createHash('sha256').update(`${s.sandbox.url}/api\ncontacts`).digest('hex').slice(0, 32)}.json`);
    const child = spawnCli(['push', 'contacts', path], env);
    const first = finished(child);
    child.stdin?.end();
    while (!existsSync(lockFile) && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    const posts = routeCount(s.sandbox, 'POST /api/contacts');
    const second = await runCli(['push', 'contacts', path], env);
    const pushed = await first;
    expect(second.code).toBe(2);
    const url = s.sandbox.url.replace(/[.]/g, '\\.');
    expect(second.stderr).toMatch(new RegExp(`another pivor-csv push of contacts to ${url} is running \\(process ${child.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC, file .*same\\.csv\\): wait for it to finish`));
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toMatch(/contacts: 300 created/);
    expect(routeCount(s.sandbox, 'POST /api/contacts') - posts).toBeLessThanOrEqual(300);
    once(countsBy('contacts', 'email', 'same'), 300);
    expect(existsSync(lockFile)).toBe(false);

    // Both at once, as a user would start them: whoever runs, the creates add up to 300 and none is twice.
    const again = file('same-again.csv', writeCsv(['first_name', 'last_name', 'email'], Array.from({ length: 300 }, (_, i) => ['Again', `Row${i + 1}`, `again${i + 1}@lock.example`])));
    const runs = await Promise.all([runCli(['push', 'contacts', again], env), runCli(['push', 'contacts', again], env)]);
    for (const r of runs) expect([0, 2]).toContain(r.code);
    const created = runs.map((r) => Number(/contacts: (\d+) created/.exec(r.stdout)?.[1] ?? 0));
    expect(created.reduce((x, y) => x + y, 0)).toBe(300);
    once(countsBy('contacts', 'email', 'again'), 300);
  });

  it('a lock left by a process that is gone is taken over, with a word to the user', async () => {
    const locks = join(scratch, 'config', 'pivor-bridge', 'locks');
    mkdirSync(locks, { recursive: true });
    const path = join(locks, `${createHash('sha256').update(`${s.sandbox.url}/api\ncommunications`).digest('hex').slice(0, 32)}.json`);
    writeFileSync(path, JSON.stringify({ pid: 999_999, host: (await import('node:os')).hostname(), since: '2026-01-01T00:00:00.000Z', file: 'old.csv' }));
    const run = await runCli(['push', 'communications', file('after-crash.csv', writeCsv(['type', 'subject'], [['note', 'After a crash']]))], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/took over the lock of process 999999, which pushed communications since 2026-01-01T00:00:00.000Z and is no longer running/);
    expect(existsSync(path)).toBe(false);
  });
});

describe('a journal that cannot be saved', { timeout: 240_000 }, () => {
  it('stops before sending anything, says why, and leaves no temporary file behind', async () => {
    const config = join(scratch, 'config-full');
    const path = file('unsaved.csv', writeCsv(['type', 'subject'], [['note', 'Unsaved 1'], ['note', 'Unsaved 2']]));
    // The journal's own file name taken by a folder: its atomic write (a temporary file renamed over it) fails.
    const key = `${s.sandbox.url}/api\ncommunications\n${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    const journals = join(config, 'pivor-bridge', 'journals');
    mkdirSync(join(journals, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`, 'x'), { recursive: true });
    const posts = routeCount(s.sandbox, 'POST /api/communications');
    const run = await runCli(['push', 'communications', path], { ...env, XDG_CONFIG_HOME: config });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/stopped: the push journal could not be saved/);
    expect(routeCount(s.sandbox, 'POST /api/communications')).toBe(posts);
    expect(readdirSync(journals).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

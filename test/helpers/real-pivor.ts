// Starts the real Pivor server from a real-pivor folder (its start.sh: PHP's built-in server on SQLite) for
// `npm run test:pivor`, and gives tests what the sandbox gives them: a fresh database on demand (the
// pristine file is copied over the live one, which PHP reopens on every request) and direct reads and
// writes of that database. The server's output goes to a file: a pipe this process reads would fill while
// a test blocks its thread (the Sheets harness does), and PHP would stop answering.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { Database, type BindValue } from '../../sandbox/db/database.ts';

type SqlJs = Awaited<ReturnType<typeof initSqlJs>>;
import { seedDemo } from '../../sandbox/seed/seed-demo.ts';

/** Where a started server is: plain data, handed from the global setup to the test files. */
export interface RealPivorInfo {
  url: string;
  /** The SQLite file the server reads, and fresh databases to copy over it. */
  dbFile: string;
  pristine: Record<'users' | 'demo', string>;
}

export interface RealPivorServer {
  url: string;
  /** Replaces the database with a fresh copy: 'users' the three sign-ins, 'demo' those and the sandbox's demo CRM. */
  reset(seed: 'users' | 'demo'): Promise<void>;
  /** Runs SQL on the live database file (a write is saved back atomically). */
  query(sql: string, params?: readonly unknown[]): Record<string, unknown>[];
}

const startTimeoutMs = 180_000; // start.sh may first install PHP from Debian's repositories

export async function startRealPivor(serverDir: string): Promise<{ info: RealPivorInfo; stop(): Promise<void> }> {
  const workdir = mkdtempSync(join(tmpdir(), 'pivor-test-'));
  const logFile = join(workdir, 'server.log');
  const port = await choosePort();
  const out = openSync(logFile, 'a');
  const child = spawn('bash', [join(resolve(serverDir), 'start.sh'), String(port), '--with-users', '--workdir', join(workdir, 'app')], {
    stdio: ['ignore', out, out],
    env: { PHP_CLI_SERVER_WORKERS: '4', ...process.env },
  });
  closeSync(out);
  const stopOnExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnExit);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const log = () => readFileSync(logFile, 'utf8');
  await waitUntilUp(url, child, log);

  const dbFile = join(workdir, 'app', 'database', 'database.sqlite');
  const pristine = { users: join(workdir, 'users.sqlite'), demo: join(workdir, 'demo.sqlite') };
  copyFileSync(dbFile, pristine.users);
  await writeDemoDatabase(pristine.users, pristine.demo);
  return {
    info: { url, dbFile, pristine },
    async stop() {
      process.off('exit', stopOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM'); // start.sh stops PHP and its workers on TERM
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      await rm(workdir, { recursive: true, force: true });
    },
  };
}

/** A test file's handle on a server the global setup started. */
export async function attachRealPivor(info: RealPivorInfo): Promise<RealPivorServer> {
  const sql = await initSqlJs();
  const replace = (bytes: Uint8Array | string) => {
    const next = `${info.dbFile}.next`;
    if (typeof bytes === 'string') copyFileSync(bytes, next);
    else writeFileSync(next, bytes);
    renameSync(next, info.dbFile);
  };
  return {
    url: info.url,
    async reset(seed) {
      replace(info.pristine[seed]);
    },
    query: (text, params = []) => runSql(sql, info.dbFile, text, params as BindValue[], replace),
  };
}

/** A port from PIVOR_TEST_PORTS ("18000-18099") when set, else one the system says is free. */
async function choosePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.PIVOR_TEST_PORTS ?? '');
  if (!range) return listenOn(0);
  const [low, high] = [Number(range[1]), Number(range[2])];
  const offset = Math.floor(Math.random() * (high - low + 1));
  for (let i = 0; i <= high - low; i++) {
    const port = low + ((offset + i) % (high - low + 1));
    if (await listenOn(port).then(() => true, () => false)) return port;
  }
  throw new Error(`no free port in PIVOR_TEST_PORTS=${process.env.PIVOR_TEST_PORTS}`);
}

function listenOn(port: number): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      server.close(() => done(bound));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`real Pivor exited (code ${child.exitCode}) before answering:\n${log()}`);
    const up = await fetch(`${url}/up`).then((r) => r.status === 200, () => false);
    if (up) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`real Pivor did not answer ${url}/up within ${startTimeoutMs / 1000} s:\n${log()}`);
}

/** The sandbox's demo CRM written into a copy of real Pivor's database (same tables; users 1–3 exist). */
async function writeDemoDatabase(from: string, to: string): Promise<void> {
  const db = await Database.open(new Uint8Array(readFileSync(from)));
  seedDemo(db);
  writeFileSync(to, db.export());
  db.close();
}

function runSql(sql: SqlJs, file: string, text: string, params: BindValue[], replace: (bytes: Uint8Array) => void): Record<string, unknown>[] {
  const db = new sql.Database(readFileSync(file));
  try {
    const statement = db.prepare(text);
    statement.bind(params.map((p) => (typeof p === 'boolean' ? Number(p) : (p ?? null))));
    const rows: Record<string, unknown>[] = [];
    while (statement.step()) rows.push(statement.getAsObject());
    statement.free();
    if (db.getRowsModified() > 0) replace(db.export());
    return rows;
  } finally {
    db.close();
  }
}

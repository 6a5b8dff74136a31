// Benchmark against real Pivor (PHP's built-in server with 8 workers, SQLite), started from PIVOR_SERVER_DIR:
// pushing 2,000 new contacts at concurrency 8 against plain concurrent POSTs of the same bodies in the same
// run (the floor this server allows; target: the push at 90% of it or better), then exporting those 2,000
// (4 pages at a time, the default, against one page at a time): rows per second and requests. Each push side
// starts from the same fresh database; the two sides alternate, twice each, and each keeps its best. After each
// push the database must hold exactly the rows, each once, and each export exactly the database's records, each
// once: a failure stops the benchmark, saying what differs. Figures are printed, not asserted.
// Run: npm run bench:pivor   (or PIVOR_SERVER_DIR=… node --import tsx bench/pivor.ts [rows] [repeats])
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createFetchTransport, PivorClient } from '../shared/api/index.ts';
import { readCsv, writeCsv } from '../shared/csv/index.ts';
import { exportCsv } from '../shared/export/index.ts';
import { executePlan, memoryJournalStore, preparePush } from '../shared/push/index.ts';
import { attachRealPivor, startRealPivor, type RealPivorServer } from '../test/helpers/real-pivor.ts';
import { counting } from './counting-transport.ts';

const concurrency = 8;

interface Contact {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  job_title: string;
}

function contacts(rows: number): Contact[] {
  return Array.from({ length: rows }, (_, i) => ({
    first_name: `First${i}`, last_name: `Last${i}`, email: `person${i}@bench.example`, phone: `+1 555 ${String(i).padStart(5, '0')}`, job_title: 'Buyer',
  }));
}

async function signIn(url: string): Promise<{ client: PivorClient; token: string; requests: () => number }> {
  const transport = counting(createFetchTransport({ concurrency, timeoutMs: 60_000 }));
  const client = new PivorClient({ baseUrl: url, transport });
  const { token } = await client.createToken('admin@pivor.dev', 'password', 'bench');
  return { client, token, requests: () => transport.requests };
}

/** The database holds each of the rows once, and nothing else. */
function checkDatabase(server: RealPivorServer, rows: number, side: string): void {
  const [counts] = server.query('SELECT COUNT(*) AS n, COUNT(DISTINCT email) AS emails FROM contacts');
  if (counts!.n !== rows || counts!.emails !== rows) {
    throw new Error(`after the ${side}, Pivor holds ${String(counts!.n)} contacts with ${String(counts!.emails)} distinct emails, not ${rows}`);
  }
}

/** One export timed, its ids checked against the database's: each record once, nothing else. */
async function timedExport(server: RealPivorServer, pagesAhead: number): Promise<{ seconds: number; requests: number }> {
  const { client, requests } = await signIn(server.url);
  const before = requests();
  const started = performance.now();
  const { csv, complete } = await exportCsv(client, 'contacts', { pagesAhead });
  const seconds = (performance.now() - started) / 1000;
  const table = readCsv(csv);
  const idAt = table.headers.indexOf('id');
  const ids = table.records.map((r) => Number(r.cells[idAt]));
  const stored = server.query('SELECT id FROM contacts').map((r) => Number(r.id));
  const exported = new Set(ids);
  const missing = stored.filter((id) => !exported.has(id)).length;
  if (!complete || ids.length !== stored.length || exported.size !== ids.length || missing > 0) {
    throw new Error(`export (${pagesAhead} at a time): ${ids.length} rows, ${exported.size} distinct ids, ${missing} of Pivor's ${stored.length} missing, complete: ${complete}`);
  }
  return { seconds, requests: requests() - before };
}

/** The bodies POSTed with plain fetch, `concurrency` at a time: no planning, no journal, no checks. */
async function plainPosts(url: string, token: string, bodies: Contact[]): Promise<number> {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` };
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const response = await fetch(`${url}/api/contacts`, { method: 'POST', headers, body: JSON.stringify(bodies[i]) });
      await response.text();
      if (response.status !== 201) throw new Error(`plain POST: HTTP ${response.status}`);
    }
  }));
  return (performance.now() - started) / 1000;
}

/** The whole push as the CLI runs it: read the CSV, list what exists, plan, send. */
async function push(client: PivorClient, bodies: Contact[]): Promise<number> {
  const headers = Object.keys(bodies[0]!) as (keyof Contact)[];
  const csv = writeCsv(headers, bodies.map((b) => headers.map((h) => b[h])));
  const started = performance.now();
  const { plan } = await preparePush(client, { resource: 'contacts', input: csv }, { matchBy: 'email' });
  const result = await executePlan(client, plan, { concurrency, journal: memoryJournalStore(), journalKey: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  if (result.counts.created !== bodies.length) throw new Error(`the push created ${result.counts.created} of ${bodies.length}`);
  return seconds;
}

export async function runPivorBench(options: { serverDir: string; rows?: number; repeats?: number; log?: (line: string) => void }): Promise<void> {
  const rows = options.rows ?? 2000;
  const repeats = Math.max(1, options.repeats ?? 2);
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  process.env.PHP_CLI_SERVER_WORKERS = String(concurrency);
  const started = await startRealPivor(options.serverDir);
  try {
    const server = await attachRealPivor(started.info);
    const bodies = contacts(rows);
    const best = { plain: Infinity, push: Infinity };
    log(`real Pivor, PHP_CLI_SERVER_WORKERS=${concurrency}; ${rows} new contacts at concurrency ${concurrency}; best of ${repeats}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    for (let round = 0; round < repeats; round++) {
      await server.reset('users');
      best.plain = Math.min(best.plain, await plainPosts(server.url, (await signIn(server.url)).token, bodies));
      checkDatabase(server, rows, 'plain POSTs');
      await server.reset('users');
      best.push = Math.min(best.push, await push((await signIn(server.url)).client, bodies));
      checkDatabase(server, rows, 'push');
    }
    log(`  plain concurrent POSTs (baseline): ${best.plain.toFixed(2)} s, ${(rows / best.plain).toFixed(0)} rows/s`);
    log(`  push (list, plan, send):           ${best.push.toFixed(2)} s, ${(rows / best.push).toFixed(0)} rows/s, ${((100 * best.plain) / best.push).toFixed(0)}% of the baseline (target 90%)`);

    // The database now holds the pushed rows: exported one window at a time (the baseline) and 4 at a time.
    const exports: Record<number, { seconds: number; requests: number }> = {};
    for (const pagesAhead of [1, 4, 1, 4]) {
      const run = await timedExport(server, pagesAhead);
      if (!exports[pagesAhead] || run.seconds < exports[pagesAhead].seconds) exports[pagesAhead] = run;
    }
    const [one, four] = [exports[1]!, exports[4]!];
    const figure = (r: { seconds: number; requests: number }) => `${r.seconds.toFixed(2)} s, ${(rows / r.seconds).toFixed(0)} rows/s, ${r.requests} requests`;
    log(`  export of the ${rows}, one window at a time (baseline): ${figure(one)}`);
    log(`  export, 4 windows at a time (default):              ${figure(four)}, ${(one.seconds / four.seconds).toFixed(2)}× as fast`);
  } finally {
    await started.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const serverDir = process.env.PIVOR_SERVER_DIR;
  if (!serverDir) throw new Error('set PIVOR_SERVER_DIR to a real-pivor folder (with start.sh)');
  await runPivorBench({ serverDir, rows: Number(process.argv[2] ?? 2000), repeats: Number(process.argv[3] ?? 2) });
}

// Baseline for the extension push bench: what a request costs from Chrome itself. The same plain POSTs (a new
// contact each, `concurrency` at a time, no push engine, no journal, no progress) from Node's fetch and from an
// extension page's fetch, alternating on one sandbox process, with each side's rows per second and CPU
// milliseconds per row by process. Run: node --import tsx bench/plain-fetch-cost.ts [rows=1000] [latencyMs=20] [runs=2] [concurrency=4]
import { loadavg } from 'node:os';
import { createFetchTransport, PivorClient } from '../shared/api/index.ts';
import { cpuByRole, cpuPerRow, cpuSummary, type CpuByRole } from './process-cpu.ts';
import { withRig } from './extension-push.ts';

// Kept as text: it runs both here and in the page, and the page gets it without the build's helpers.
const POSTS = `async (url, token, tag, rows, concurrency) => {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < rows) {
      const i = next++;
      const response = await fetch(url + '/api/contacts', {
        method: 'POST',
        headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ first_name: 'Plain' + i, last_name: tag, email: tag + '-' + i + '@bench.example' }),
      });
      await response.text();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return rows / ((performance.now() - started) / 1000);
}`;
const posts = new Function(`return (${POSTS})`)() as (url: string, token: string, tag: string, rows: number, concurrency: number) => Promise<number>;

function line(side: string, rowsPerSecond: number, cpu: CpuByRole): string {
  return `  ${side.padEnd(12)} ${rowsPerSecond.toFixed(1).padStart(6)} rows/s   CPU ms/row ${cpuSummary(cpu)}`;
}

const [rows = 1000, latencyMs = 20, runs = 2, concurrency = 4] = process.argv.slice(2).map(Number).map((n) => (Number.isFinite(n) && n > 0 ? n : undefined)) as (number | undefined)[];
await withRig(['--quiet', '--latency', String(latencyMs)], async ({ ext, sandbox }) => {
  const token = (await new PivorClient({ baseUrl: sandbox.url, transport: createFetchTransport() }).createToken('admin@pivor.dev', 'password', 'bench')).token;
  const page = await ext.open('wizard/index.html');
  console.log(`plain POSTs: ${rows} new contacts, ${latencyMs} ms per request, ${concurrency} at a time; load average ${loadavg()[0]!.toFixed(2)}`);
  for (let run = 1; run <= runs; run++) {
    const before = cpuByRole();
    const node = await posts(sandbox.url, token, `node${run}-${Date.now()}`, rows, concurrency);
    const between = cpuByRole();
    const chrome = (await page.evaluate(`(${POSTS})(${JSON.stringify(sandbox.url)}, ${JSON.stringify(token)}, 'page${run}-${Date.now()}', ${rows}, ${concurrency})`)) as number;
    const after = cpuByRole();
    console.log(`run ${run}\n${line('Node fetch', node, cpuPerRow(before, between, rows))}\n${line('Chrome page', chrome, cpuPerRow(between, after, rows))}`);
  }
  console.log(`load average ${loadavg()[0]!.toFixed(2)}`);
});

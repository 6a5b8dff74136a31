// Benchmark: exporting 10,000 contacts (and the 50 clients their names come from) from the sandbox in its own
// process with a fixed latency per request, asking for the windows after the first one at a time (the baseline,
// in the same run) and 4 at a time (the default). Also times plain pages of 100, 4 at a time, with no check that
// the export is whole (what the export did before it checked): the price of the overlapping windows.
// Prints seconds, requests per second and the ratios.
// Run: node --import tsx bench/export.ts [rows] [latencyMs]
import { pathToFileURL } from 'node:url';
import type { PivorClient } from '../shared/api/index.ts';
import { writeCsv } from '../shared/csv/index.ts';
import { exportCsv, exportHeaders, recordToExportRow } from '../shared/export/index.ts';
import { adminClient } from '../test/apps-script/harness/pivor-admin.ts';
import { withSeededSandbox } from './seeded-sandbox.ts';

export interface ExportBenchResult {
  /** 0: plain pages, unchecked. */
  pagesAhead: number;
  seconds: number;
  rows: number;
  bytes: number;
}

export async function runExportBench(
  options: { rows?: number; latencyMs?: number; log?: (line: string) => void } = {},
): Promise<ExportBenchResult[]> {
  const rows = options.rows ?? 10_000;
  const latencyMs = options.latencyMs ?? 20;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  return withSeededSandbox({ contacts: rows, latencyMs, log }, async (sandbox) => {
    const client = await adminClient(sandbox.url);
    const results: ExportBenchResult[] = [];
    // alternate, twice each, and keep each setting's best: the machine's load moves between runs
    for (const pagesAhead of [1, 4, 0, 1, 4, 0]) {
      const started = performance.now();
      const csv = pagesAhead === 0 ? await plainPages(client) : (await exportCsv(client, 'contacts', { pagesAhead })).csv;
      const seconds = (performance.now() - started) / 1000;
      const lines = csv.split('\n').filter((line) => line !== '').length - 1;
      if (lines !== rows) throw new Error(`the export has ${lines} rows, not ${rows}`);
      const best = results.find((r) => r.pagesAhead === pagesAhead);
      if (!best) results.push({ pagesAhead, seconds, rows: lines, bytes: csv.length });
      else best.seconds = Math.min(best.seconds, seconds);
    }
    const pages = Math.ceil(rows / 100) + 1; // the contacts' pages, and the one page of clients
    const [one, four, plain] = results as [ExportBenchResult, ExportBenchResult, ExportBenchResult];
    log(`export of ${rows} contacts, ${pages} pages of 100, ${latencyMs} ms per request (best of 2 each):`);
    log(`  windows one at a time (baseline): ${one.seconds.toFixed(2)} s`);
    log(`  4 windows at a time (default):    ${four.seconds.toFixed(2)} s, ${(one.seconds / four.seconds).toFixed(2)}× as fast`);
    log(`  plain pages 4 at a time, unchecked: ${plain.seconds.toFixed(2)} s (the default takes ${(four.seconds / plain.seconds).toFixed(2)}× as long)`);
    return results;
  });
}

/** Pages of 100 one after another, 4 at a time, nothing checked: how the export read before it was made whole. */
async function plainPages(client: PivorClient): Promise<string> {
  const clients = new Map((await client.listAll('clients')).map((c) => [c.id, c.name]));
  const rows: string[][] = [];
  for await (const page of client.pages('contacts', { pagesAhead: 4 })) {
    rows.push(...page.data.map((record) => recordToExportRow('contacts', record, { clientNames: clients as Map<number, string> })));
  }
  return writeCsv(exportHeaders('contacts'), rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rows, latency] = process.argv.slice(2).map(Number);
  await runExportBench({ ...(rows ? { rows } : {}), ...(latency ? { latencyMs: latency } : {}) });
}

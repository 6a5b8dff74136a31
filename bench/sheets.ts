// The Sheets add-on under load: the built script in the vm (fake Google services, real HTTP through the
// synchronous UrlFetchApp) against the sandbox in its own process with 20 ms of latency per request.
// Pulls 10,000 contacts, edits 1,000 rows (and puts an invalid email in 10 others), pushes them, and prints
// per slice: the wall time against Apps Script's 6-minute limit, the Spreadsheet calls made and what they
// wrote (cells, and values sent: a whole range set to one value sends one), and the UrlFetch calls (they
// must follow pages and batches, not rows). Run: node --import tsx bench/sheets.ts [rows] [edits]
import { pathToFileURL } from 'node:url';
import { withSeededSandbox } from './seeded-sandbox.ts';
import { buildOnce } from '../test/apps-script/harness/build-once.ts';
import { GasEnvironment } from '../test/apps-script/harness/gas-environment.ts';
import { adminClient, listById } from '../test/apps-script/harness/pivor-admin.ts';
import { rpc, sheetIdOf, signInAdmin } from '../test/apps-script/harness/sidebar-driver.ts';
import type { PullProgress, PushProgress, PushSummary } from '../apps-script/sidebar/types.ts';

const LIMIT_MS = 6 * 60 * 1000;
const SPREADSHEET = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|Protection|DataValidation|DataValidationBuilder)\./;
const WRITE = /^(set|clear|insert|delete|protect|remove|hide|append)/;

export interface SliceFigure {
  step: string;
  ms: number;
  /** Share of Apps Script's 6-minute limit. */
  ofLimit: number;
  spreadsheetCalls: number;
  /** Of those calls, the ones that write (set…, clear…, insert…, delete…, protect). */
  writeCalls: number;
  /** Cells the step wrote (values, formats, notes, colours, validations), and the values it sent for them. */
  cellsWritten: number;
  valuesSent: number;
  urlFetchCalls: number;
  httpRequests: number;
  rows: number;
}

export interface SheetsBenchResult {
  rows: number;
  edits: number;
  latencyMs: number;
  pull: SliceFigure[];
  push: SliceFigure[];
  updatedOnServer: number;
}

function sliceMeter(gas: GasEnvironment) {
  return async <T>(step: string, rows: (value: T) => number, work: () => Promise<T>): Promise<{ value: T; figure: SliceFigure }> => {
    gas.counter.reset();
    const sent = gas.urlFetch.sent.length;
    const started = performance.now();
    const value = await work();
    const ms = performance.now() - started;
    const byName = gas.counter.snapshot();
    const sum = (test: (name: string) => boolean) => Object.entries(byName).filter(([k]) => test(k)).reduce((n, [, v]) => n + v, 0);
    return {
      value,
      figure: {
        step, ms, ofLimit: ms / LIMIT_MS,
        spreadsheetCalls: sum((k) => SPREADSHEET.test(k)),
        writeCalls: sum((k) => SPREADSHEET.test(k) && WRITE.test(k.split('.')[1]!)),
        cellsWritten: gas.counter.cellsWritten,
        valuesSent: gas.counter.valuesSent,
        urlFetchCalls: sum((k) => k === 'UrlFetchApp.fetch' || k === 'UrlFetchApp.fetchAll'),
        httpRequests: gas.urlFetch.sent.length - sent,
        rows: rows(value),
      },
    };
  };
}

export async function runSheetsBench(options: { rows?: number; edits?: number; latencyMs?: number; log?: (line: string) => void } = {}): Promise<SheetsBenchResult> {
  const rows = options.rows ?? 10_000;
  const edits = options.edits ?? 1_000;
  const latencyMs = options.latencyMs ?? 20;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  buildOnce();

  return withSeededSandbox({ contacts: rows, latencyMs, log }, async (sandbox) => {
    const gas = new GasEnvironment();
    try {
      await signInAdmin(gas, sandbox.url);
      const measure = sliceMeter(gas);

      const pull: SliceFigure[] = [];
      let progress = (await measure('pullStart', (p: PullProgress) => p.done, () => rpc<PullProgress>(gas, 'pullStart', 'contacts')));
      pull.push(progress.figure);
      while (!progress.value.finished) {
        const before = progress.value.done;
        const job = progress.value.job;
        progress = await measure('pullSlice', (p: PullProgress) => p.done - before, () => rpc<PullProgress>(gas, 'pullSlice', job));
        pull.push(progress.figure);
      }

      // A person's edits: one cell in each of `edits` rows (not measured).
      const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
      const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
      const jobTitle = headers.indexOf('job_title') + 1;
      const step = Math.max(1, Math.floor(rows / edits));
      for (let i = 0; i < edits; i++) sheet.getRange(2 + i * step, jobTitle).setValue(`Bench title ${i}`);
      // And a few mistakes the push marks on their cells (one row in a hundred edited), in rows of their own.
      const email = headers.indexOf('email') + 1;
      for (let i = 0; i < Math.ceil(edits / 100); i++) sheet.getRange(3 + i * step * 100, email).setValue(`not an email ${i}`);

      const push: SliceFigure[] = [];
      const prepared = await measure('pushPrepare', (s: PushSummary) => s.update + s.create, () => rpc<PushSummary>(gas, 'pushPrepare', sheetIdOf(gas, 'Contacts')));
      push.push(prepared.figure);
      let slice = await measure('pushStart', (p: PushProgress) => p.done, () => rpc<PushProgress>(gas, 'pushStart', prepared.value.run, []));
      push.push(slice.figure);
      while (!slice.value.finished && !slice.value.stopped) {
        const before = slice.value.done;
        const run = slice.value.run;
        slice = await measure('pushSlice', (p: PushProgress) => p.done - before, () => rpc<PushProgress>(gas, 'pushSlice', run));
        push.push(slice.figure);
      }
      if (slice.value.stopped) throw new Error(`push stopped: ${slice.value.stopped}`);

      const admin = await adminClient(sandbox.url);
      const updatedOnServer = [...(await listById(admin, 'contacts')).values()].filter((r) => String(r.job_title).startsWith('Bench title')).length;
      return { rows, edits, latencyMs, pull, push, updatedOnServer };
    } finally {
      await gas.close();
    }
  });
}

/** Deliberately slow per-call costs for Apps Script (real ones are usually far lower). */
const PESSIMISTIC = { spreadsheetCallS: 0.1, urlFetchCallS: 1 };

function pessimistic(f: SliceFigure): number {
  return f.ms / 1000 + f.spreadsheetCalls * PESSIMISTIC.spreadsheetCallS + f.urlFetchCalls * PESSIMISTIC.urlFetchCallS;
}

export function formatSheetsBench(result: SheetsBenchResult): string {
  const line = (f: SliceFigure) =>
    `  ${f.step.padEnd(12)} ${String(f.rows).padStart(6)} rows  ${(f.ms / 1000).toFixed(2).padStart(6)} s  ${(f.ofLimit * 100).toFixed(2).padStart(5)} % of 6 min  ` +
    `${String(f.spreadsheetCalls).padStart(4)} Spreadsheet calls (${f.writeCalls} writing ${f.cellsWritten} cells, ${f.valuesSent} values sent)  ` +
    `${String(f.urlFetchCalls).padStart(3)} UrlFetch calls (${f.httpRequests} requests)`;
  const total = (list: SliceFigure[]) => list.reduce((a, f) => ({
    ms: a.ms + f.ms, ss: a.ss + f.spreadsheetCalls, uf: a.uf + f.urlFetchCalls, req: a.req + f.httpRequests, cells: a.cells + f.cellsWritten, sent: a.sent + f.valuesSent,
  }), { ms: 0, ss: 0, uf: 0, req: 0, cells: 0, sent: 0 });
  const p = total(result.pull);
  const q = total(result.push);
  return [
    `Sheets add-on, ${result.rows} contacts, ${result.edits} edited, sandbox latency ${result.latencyMs} ms per request`,
    'pull (one server call per slice):',
    ...result.pull.map(line),
    `  total ${(p.ms / 1000).toFixed(2)} s, ${p.ss} Spreadsheet calls writing ${p.cells} cells (${p.sent} values sent), ${p.uf} UrlFetch calls, ${p.req} requests`,
    'push:',
    ...result.push.map(line),
    `  total ${(q.ms / 1000).toFixed(2)} s, ${q.ss} Spreadsheet calls writing ${q.cells} cells (${q.sent} values sent), ${q.uf} UrlFetch calls, ${q.req} requests`,
    `requests per changed row (conflict check and writes): ${(q.req / result.edits).toFixed(3)} (${q.req} for ${result.edits}; a GET per row before was 2.0)`,
    `server check: ${result.updatedOnServer} of ${result.edits} edits are in Pivor`,
    `slowest slice: ${(Math.max(...[...result.pull, ...result.push].map((f) => f.ms)) / 1000).toFixed(2)} s (limit 360 s)`,
    // The vm's Spreadsheet calls cost nothing; Google's do. A pessimistic bound, assumptions stated:
    `budget check at ${PESSIMISTIC.spreadsheetCallS} s per Spreadsheet call and ${PESSIMISTIC.urlFetchCallS} s per UrlFetch call: slowest slice ≈ ` +
      `${Math.max(...[...result.pull, ...result.push].map(pessimistic)).toFixed(0)} s of 360 s`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [rows, edits] = process.argv.slice(2).map(Number);
  const result = await runSheetsBench({ ...(rows ? { rows } : {}), ...(edits ? { edits } : {}) });
  process.stdout.write(`${formatSheetsBench(result)}\n`);
}

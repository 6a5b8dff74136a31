// Benchmark: the extension's push against the CLI's, side by side on one sandbox (its own process, a fixed latency
// per request), at the same concurrency. The extension is the real build in headless Chromium, driven through the
// wizard as a user would (file → mapping → review → plan → Send); the CLI side is the core's preparePush and
// executePlan over plain fetch with the file journal, as `pivor-csv push` runs them. Both create the same number of
// new contacts; runs alternate so the machine's load falls on both. Each is timed from its start (the command; the
// click on Send, after which the wizard plans again under its lock) to the last answer, and from its first request. Also printed: the requests the sandbox saw per row during the extension's
// push (a CORS preflight would show as OPTIONS) and the longest main-thread task while it pushed. The responsiveness
// run takes a large file through every step and prints the longest main-thread task of each.
// Run: node --import tsx bench/extension-push.ts [rows] [latencyMs] [repeats] [concurrency]
//      node --import tsx bench/extension-push.ts responsiveness [rows] [seconds]   (100,000 rows, 30 s, then cancel)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { createFetchTransport, PivorClient } from '../shared/api/index.ts';
import { writeCsv } from '../shared/csv/index.ts';
import { executePlan, preparePush } from '../shared/push/index.ts';
import { PushTimeline, type PushTimings } from '../shared/push/push-timeline.ts';
import { fileJournalStore } from '../cli/file-journal-store.ts';
import { cpuByRole, cpuPerRow, cpuSummary, type CpuByRole } from './process-cpu.ts';
import { startProfiling } from './cpu-profile.ts';
import { startSandboxProcess, type SandboxProcess } from '../test/helpers/sandbox-process.ts';
import { buildExtension, launchExtension, signInThroughPopup, type LoadedExtension } from '../test/extension/browser.ts';

export interface ExtensionPushFigures {
  side: 'cli' | 'extension';
  rows: number;
  /** From the command (CLI) or the click on Send (extension) to the last answer. */
  seconds: number;
  rowsPerSecond: number;
  /** Of those, the time before the first request of the push: reading the records, planning (again, under the lock). */
  beforeSendingSeconds: number;
  /** Rows per second of the sending alone. */
  sendingRowsPerSecond: number;
  /** Requests the sandbox saw while pushing, per row, by method (extension side only). */
  requestsPerRow?: Record<string, number>;
  /** The longest main-thread task of the wizard page while it pushed, ms (extension side only). */
  longestTaskMs?: number;
  /** Where the sending's time went: requests in flight, journal saves (and, extension side, chrome.storage's share). */
  timings?: PushTimings & { storageWriteMs?: number };
  /** CPU milliseconds per row of each process role (the bench's own Node process, the sandbox, Chromium's) from the first request to the last, Linux only. */
  cpuMsPerRow?: CpuByRole;
}

function contactsCsv(rows: number, tag: string): string {
  return writeCsv(
    ['first_name', 'last_name', 'email', 'phone', 'job_title'],
    Array.from({ length: rows }, (_, i) => [`First${i}`, `Last${i}`, `${tag}-${i}@bench.example`, `+1 555 ${String(i).padStart(5, '0')}`, 'Buyer']),
  );
}

async function cliPush(sandbox: SandboxProcess, token: string, csv: string, rows: number, concurrency: number, scratch: string): Promise<ExtensionPushFigures> {
  const client = new PivorClient({ baseUrl: sandbox.url, token, transport: createFetchTransport({ concurrency: Math.max(6, concurrency) }) });
  const started = performance.now();
  const { plan } = await preparePush(client, { resource: 'contacts', input: csv }, { matchBy: 'email' });
  // The same timeline as the extension's worker keeps, around the same transport and journal.
  const timeline = new PushTimeline(concurrency);
  const journal = timeline.journal(fileJournalStore({ XDG_CONFIG_HOME: scratch }));
  const timed = new PivorClient({ baseUrl: sandbox.url, token, transport: timeline.transport(createFetchTransport({ concurrency: Math.max(6, concurrency) })) });
  const cpu = cpuByRole();
  const sending = performance.now();
  const result = await executePlan(timed, plan, { concurrency, journal, journalKey: `bench-${Date.now()}` });
  const ended = performance.now();
  if (result.counts.created !== rows) throw new Error(`the CLI side created ${result.counts.created} of ${rows}`);
  return { ...figures('cli', rows, started, sending, ended), timings: timeline.timings(), cpuMsPerRow: cpuPerRow(cpu, cpuByRole(), rows) };
}

function figures(side: ExtensionPushFigures['side'], rows: number, started: number, sending: number, ended: number): ExtensionPushFigures {
  const seconds = (ended - started) / 1000;
  return { side, rows, seconds, rowsPerSecond: rows / seconds, beforeSendingSeconds: (sending - started) / 1000, sendingRowsPerSecond: rows / ((ended - sending) / 1000) };
}

/** Opens the wizard on a file and takes it to the Plan step, each step a phase of the page's watch. */
async function toPlan(ext: LoadedExtension, path: string, concurrency: number): Promise<Page> {
  const page = await ext.open('wizard/index.html#resource=contacts');
  await watchPage(page);
  await phase(page, 'read');
  await page.setInputFiles('#file-input', path);
  await page.waitForSelector('[data-testid=detection]', { timeout: 300_000 });
  await page.getByRole('button', { name: 'Continue to mapping', exact: true }).click();
  await phase(page, 'check');
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await page.waitForSelector('[data-testid=count-records]', { timeout: 300_000 });
  await phase(page, 'plan');
  await page.getByRole('button', { name: 'See what will change', exact: true }).click();
  await page.waitForSelector('[data-testid=plan-create]', { timeout: 300_000 });
  await page.getByLabel('Requests at once').selectOption(String(concurrency));
  await phase(page, 'idle');
  return page;
}

const PROFILE_SECONDS = 10;

/** Times from the click on Send to the results. */
async function extensionPush(ext: LoadedExtension, sandbox: SandboxProcess, path: string, rows: number, concurrency: number): Promise<ExtensionPushFigures> {
  const page = await toPlan(ext, path, concurrency);
  try {
    const logBefore = sandbox.stderr().length;
    await phase(page, 'push');
    const profileDir = process.env.PIVOR_BENCH_PROFILE;
    const profiling = profileDir ? await startProfiling(page) : undefined;
    // CPU from the first request on: before it, the re-plan under the lock (and its indeterminate bar) is the
    // wizard's, and its length depends on the load.
    const sendingCpu = page.waitForFunction(() => performance.getEntriesByName('pivor-push-sending').length > 0, null, { polling: 20, timeout: 0 }).then(() => cpuByRole());
    await page.click('[data-testid=send]');
    const cpu = await sendingCpu;
    if (profiling) {
      // The worker ends with the push: its profile is read while it still sends.
      await page.waitForTimeout(PROFILE_SECONDS * 1000);
      process.stdout.write(`CPU profile of the push's first ${PROFILE_SECONDS} s (self time):\n${(await profiling.stop(profileDir!, `push-${Date.now()}`)).join('\n')}\n`);
    }
    await page.waitForSelector('[data-testid=push-complete]', { timeout: 0 });
    const cpuMsPerRow = cpuPerRow(cpu, cpuByRole(), rows);
    const { times, longest, timings } = await watched(page);
    const created = Number((await page.textContent('[data-testid=result-created] .value'))!.replace(/,/g, ''));
    if (created !== rows) throw new Error(`the extension created ${created} of ${rows}`);
    return { ...figures('extension', rows, times.started, times.sending, times.ended), requestsPerRow: requestsByMethod(sandbox.stderr().slice(logBefore), rows), longestTaskMs: longest.push ?? 0, ...(timings ? { timings } : {}), cpuMsPerRow };
  } finally {
    await page.close();
  }
}

type Watch = { phases: { name: string; at: number }[]; longest: Record<string, number>; pushEnded: number };

/**
 * In the page: the longest main-thread task of each phase (by when the task started), and when the push's results
 * appear. Long tasks are the browser's own measure: any task of 50 ms or more on the page's thread.
 */
async function watchPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const watch: Watch = { phases: [], longest: {}, pushEnded: 0 };
    (window as unknown as { pushWatch: Watch }).pushWatch = watch;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const current = watch.phases.filter((p) => p.at <= entry.startTime).at(-1);
        if (current) watch.longest[current.name] = Math.max(watch.longest[current.name] ?? 0, entry.duration);
      }
    }).observe({ entryTypes: ['longtask'] });
    new MutationObserver((_, observer) => {
      if (watch.pushEnded !== 0 || !document.querySelector('[data-testid=push-complete], [data-testid=push-stopped]')) return;
      watch.pushEnded = performance.now();
      observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true });
  });
}

/** Starts a phase of the watch now. */
async function phase(page: Page, name: string): Promise<void> {
  await page.evaluate((phaseName) => (window as unknown as { pushWatch: Watch }).pushWatch.phases.push({ name: phaseName, at: performance.now() }), name);
}

/** The push's times on the page's clock (the click on Send, its first request, its results) and the longest tasks. */
async function watched(page: Page): Promise<{ times: { started: number; sending: number; ended: number }; longest: Record<string, number>; timings?: ExtensionPushFigures['timings'] }> {
  // long tasks are reported a moment after they end
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const w = (window as unknown as { pushWatch: Watch }).pushWatch;
    const started = w.phases.find((p) => p.name === 'push')?.at ?? 0;
    const sending = performance.getEntriesByName('pivor-push-sending').at(-1)?.startTime ?? started;
    const timings = (performance.getEntriesByName('pivor-push-timings').at(-1) as PerformanceMark | undefined)?.detail as ExtensionPushFigures['timings'];
    return { times: { started, sending, ended: w.pushEnded || performance.now() }, longest: { ...w.longest }, ...(timings ? { timings } : {}) };
  });
}

interface Rig {
  ext: LoadedExtension;
  sandbox: SandboxProcess;
  /** A folder for this run's files, removed with the rig. */
  scratch: string;
}

/** The built extension in Chromium, signed in to a sandbox in its own process; all of it closed after `use`. */
export async function withRig<T>(sandboxArgs: string[], use: (rig: Rig) => Promise<T>): Promise<T> {
  const scratch = mkdtempSync(join(tmpdir(), 'pivor-ext-bench-'));
  const [dist, sandbox] = await Promise.all([buildExtension(), startSandboxProcess(['--seed', 'users', ...sandboxArgs])]);
  let ext: LoadedExtension | undefined;
  try {
    ext = await launchExtension(dist);
    (await signInThroughPopup(ext, sandbox.url)).close();
    return await use({ ext, sandbox, scratch });
  } finally {
    await ext?.close();
    await sandbox.close();
    rmSync(dist, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

const PHASES: Record<string, string> = { read: 'reading the file', check: 'checking the rows', plan: 'planning', push: 'pushing' };

/**
 * A file of `rows` new contacts taken through the wizard: read, checked, planned, then pushed for `seconds` and
 * cancelled. Prints the longest main-thread task of each step (target < 200 ms) and how far the push got.
 */
export async function runResponsivenessBench(options: { rows?: number; seconds?: number; latencyMs?: number; concurrency?: number; log?: (line: string) => void } = {}): Promise<Record<string, number>> {
  const rows = options.rows ?? 100_000;
  const seconds = options.seconds ?? 30;
  const concurrency = options.concurrency ?? 8;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  return withRig(['--quiet', '--latency', String(options.latencyMs ?? 0)], async ({ ext, scratch }) => {
    const path = join(scratch, 'large.csv');
    writeFileSync(path, contactsCsv(rows, `large-${Date.now()}`));
    log(`responsiveness: ${rows.toLocaleString('en')} new contacts through the wizard, concurrency ${concurrency}, ${options.latencyMs ?? 0} ms latency; ${loadAverage()}`);
    const page = await toPlan(ext, path, concurrency);
    await phase(page, 'push');
    await page.click('[data-testid=send]');
    await page.waitForTimeout(seconds * 1000);
    const { longest } = await watched(page);
    await page.click('[data-testid=cancel-push]');
    await page.waitForSelector('[data-testid=push-stopped]', { timeout: 120_000 });
    const created = Number((await page.textContent('[data-testid=result-created] .value'))!.replace(/,/g, ''));
    for (const [name, label] of Object.entries(PHASES)) log(`  longest main-thread task ${label.padEnd(18)} ${String(Math.round(longest[name] ?? 0)).padStart(5)} ms  (target < 200 ms; 0: none over 50 ms)`);
    log(`  in the first ${seconds} s of pushing ${created.toLocaleString('en')} were created (then cancelled); ${loadAverage()}`);
    return longest;
  });
}

function requestsByMethod(log: string, rows: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of log.matchAll(/^(GET|POST|PATCH|PUT|DELETE|OPTIONS) \/api\//gm)) counts[match[1]!] = (counts[match[1]!] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).map(([method, n]) => [method, n / rows]));
}

export async function runExtensionPushBench(
  options: { rows?: number; latencyMs?: number; repeats?: number; concurrency?: number; log?: (line: string) => void } = {},
): Promise<ExtensionPushFigures[]> {
  const rows = options.rows ?? 2000;
  const latencyMs = options.latencyMs ?? 20;
  const repeats = Math.max(1, options.repeats ?? 2);
  const concurrency = options.concurrency ?? 4;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  return withRig(['--latency', String(latencyMs)], async ({ ext, sandbox, scratch }) => {
    const measured: ExtensionPushFigures[] = [];
    const token = (await new PivorClient({ baseUrl: sandbox.url, transport: createFetchTransport() }).createToken('admin@pivor.dev', 'password', 'bench')).token;
    log(`extension push bench: ${rows} new contacts, sandbox in its own process, ${latencyMs} ms per request, concurrency ${concurrency}, ${repeats} runs each, alternating; ${loadAverage()}`);
    log('run  side       rows/s  seconds  before sending  rows/s sending  requests/row (extension)        longest task');
    for (let run = 1; run <= repeats; run++) {
      const cli = await cliPush(sandbox, token, contactsCsv(rows, `cli${run}-${Date.now()}`), rows, concurrency, scratch);
      const path = join(scratch, `ext${run}.csv`);
      writeFileSync(path, contactsCsv(rows, `ext${run}-${Date.now()}`));
      const extension = await extensionPush(ext, sandbox, path, rows, concurrency);
      for (const f of [cli, extension]) {
        measured.push(f);
        const requests = f.requestsPerRow ? Object.entries(f.requestsPerRow).map(([m, n]) => `${m} ${n.toFixed(3)}`).join(', ') : '';
        log(`${String(run).padStart(3)}  ${f.side.padEnd(9)}  ${f.rowsPerSecond.toFixed(1).padStart(6)}  ${f.seconds.toFixed(1).padStart(7)}  ${`${f.beforeSendingSeconds.toFixed(1)} s`.padStart(14)}  ${f.sendingRowsPerSecond.toFixed(1).padStart(14)}  ${requests.padEnd(30)}  ${f.longestTaskMs !== undefined ? `${Math.round(f.longestTaskMs)} ms` : ''}`);
      }
    }
    log(timingsHeader);
    measured.forEach((f, i) => log(timingsLine(Math.floor(i / 2) + 1, f, concurrency)));
    log('CPU milliseconds per row, by process (the CLI side runs in the bench\'s own Node process):');
    measured.forEach((f, i) => log(`${String(Math.floor(i / 2) + 1).padStart(3)}  ${f.side.padEnd(9)}  ${cpuSummary(f.cpuMsPerRow)}`));
    const ratios = (of: (f: ExtensionPushFigures) => number) => {
      const cli = measured.filter((f) => f.side === 'cli');
      return measured.filter((f) => f.side === 'extension').map((f, i) => `${((of(f) / of(cli[i]!)) * 100).toFixed(0)}%`).join(', ');
    };
    log(`extension ÷ CLI, run by run: ${ratios((f) => f.rowsPerSecond)} from start to end, ${ratios((f) => f.sendingRowsPerSecond)} sending alone (target ≥ 80%); ${loadAverage()}`);
    return measured;
  });
}

const timingsHeader = [
  'where the sending went (figures the load does not change much):',
  'run  side       in flight  request ms  idle slots while saving / otherwise  saves  journal chars  save ms (mean, longest)  chrome.storage ms',
].join('\n');

/** One side's timeline: average requests in flight, mean request time, the idle slot time and the journal's saves. */
function timingsLine(run: number, f: ExtensionPushFigures, slots: number): string {
  const t = f.timings;
  if (!t) return `${String(run).padStart(3)}  ${f.side.padEnd(9)}  (no timings)`;
  const slotMs = slots * t.wallMs || 1;
  const pct = (ms: number) => `${((ms / slotMs) * 100).toFixed(0)}%`;
  const idle = `${pct(t.idleWhileSavingMs)} / ${pct(t.idleOtherwiseMs)}`;
  const save = t.saves > 0 ? `${(t.saveMs / t.saves).toFixed(1)}, ${t.longestSaveMs.toFixed(0)}` : '-';
  return [
    String(run).padStart(3), f.side.padEnd(9), (t.requestMs / (t.wallMs || 1)).toFixed(2).padStart(9), (t.requestMs / (t.requests || 1)).toFixed(1).padStart(10),
    idle.padStart(35), String(t.saves).padStart(5), (t.saveChars ? t.saveChars.toLocaleString('en') : '-').padStart(13), save.padStart(23),
    (t.storageWriteMs !== undefined ? t.storageWriteMs.toFixed(0) : '-').padStart(17),
  ].join('  ');
}

function loadAverage(): string {
  return `load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${cpus().length} CPUs`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === 'responsiveness') {
  const [rows, seconds] = process.argv.slice(3).map(Number);
  await runResponsivenessBench({ ...(rows ? { rows } : {}), ...(seconds ? { seconds } : {}) });
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rows, latency, repeats, concurrency] = process.argv.slice(2).map(Number);
  await runExtensionPushBench({
    ...(rows ? { rows } : {}), ...(latency ? { latencyMs: latency } : {}), ...(repeats ? { repeats } : {}), ...(concurrency ? { concurrency } : {}),
  });
}

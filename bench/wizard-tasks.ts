// Benchmark: where the wizard page's main thread goes with a large file. Takes new contacts through every step
// (read, checked, planned, then pushed for some seconds) under a Chrome trace, and prints per step the longest
// main-thread tasks by wall time and by the thread's own CPU time, with what ran inside them (a worker's message,
// garbage collection, a render). On a loaded machine a task's wall time is mostly waiting for a core; its CPU time
// is what the page's code costs, and what a change to it changes.
// Run: node --import tsx bench/wizard-tasks.ts [rows=100000] [seconds=10] [builtExtensionDir]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { writeCsv } from '../shared/csv/index.ts';
import { startSandboxProcess } from '../test/helpers/sandbox-process.ts';
import { buildExtension, launchExtension, signInThroughPopup } from '../test/extension/browser.ts';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; cat?: string; args?: { data?: { functionName?: string } } }

const STEPS = ['read', 'check', 'plan', 'push'] as const;

/** The wizard's steps as a user takes them, each begun with a performance mark the trace carries. */
async function takeSteps(page: Page, file: string, seconds: number): Promise<void> {
  const mark = (name: string) => page.evaluate((n) => performance.mark(`step:${n}`), name);
  await mark('read');
  await page.setInputFiles('#file-input', file);
  await page.waitForSelector('[data-testid=detection]', { timeout: 300_000 });
  await page.getByRole('button', { name: 'Continue to mapping', exact: true }).click();
  await mark('check');
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await page.waitForSelector('[data-testid=count-records]', { timeout: 300_000 });
  await mark('plan');
  await page.getByRole('button', { name: 'See what will change', exact: true }).click();
  await page.waitForSelector('[data-testid=plan-create]', { timeout: 300_000 });
  await page.getByLabel('Requests at once').selectOption('8');
  await mark('idle');
  await mark('push');
  await page.click('[data-testid=send]');
  await page.waitForTimeout(seconds * 1000);
  await mark('end');
}

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const event of e.value as unknown as TraceEvent[]) events.push(event);
  });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8', transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

/** Per step, the page thread's tasks (the thread the step marks are on). */
function tasksByStep(events: TraceEvent[]): { step: string; tasks: TraceEvent[]; inside: (task: TraceEvent) => TraceEvent[] }[] {
  const marks = events.filter((e) => e.name.startsWith('step:')).sort((a, b) => a.ts - b.ts);
  const { pid, tid } = marks[0]!;
  const thread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const stepAt = (ts: number) => marks.filter((m) => m.ts <= ts).at(-1)?.name.slice(5);
  const tasks = thread.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const inside = (task: TraceEvent) => thread.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur!);
  return STEPS.map((step) => ({ step, tasks: tasks.filter((t) => stepAt(t.ts) === step), inside }));
}

/** "HandlePostMessage 48, MinorGC 42": the task's longest kinds of work, by CPU milliseconds. */
function contents(events: TraceEvent[]): string {
  const byKind = new Map<string, number>();
  for (const e of events) {
    if (e.name.startsWith('V8.GC_') || e.name === 'v8.callFunction') continue; // parts of what is listed
    const kind = e.name === 'FunctionCall' && e.args?.data?.functionName ? `FunctionCall ${e.args.data.functionName}` : e.name;
    byKind.set(kind, (byKind.get(kind) ?? 0) + (e.tdur ?? 0) / 1000);
  }
  return [...byKind].filter(([, ms]) => ms >= 1).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`).join(', ') || 'no traced work inside';
}

function report(events: TraceEvent[], log: (line: string) => void): void {
  const ms = (us = 0) => `${Math.round(us / 1000)}`.padStart(5);
  log('step    tasks  ≥50 ms wall  longest wall (its CPU)  longest CPU (its wall)  inside the longest by CPU, CPU ms');
  for (const { step, tasks, inside } of tasksByStep(events)) {
    const byWall = [...tasks].sort((a, b) => b.dur! - a.dur!)[0];
    const byCpu = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))[0];
    const long = tasks.filter((t) => t.dur! >= 50_000).length;
    log(`${step.padEnd(6)}  ${String(tasks.length).padStart(5)}  ${String(long).padStart(11)}  ${ms(byWall?.dur)} ms (${ms(byWall?.tdur)})      ${ms(byCpu?.tdur)} ms (${ms(byCpu?.dur)})       ${byCpu ? contents(inside(byCpu)) : ''}`);
  }
}

export async function runWizardTasksBench(options: { rows?: number; seconds?: number; built?: string; log?: (line: string) => void } = {}): Promise<void> {
  const rows = options.rows ?? 100_000;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const scratch = mkdtempSync(join(tmpdir(), 'pivor-wizard-tasks-'));
  const [dist, sandbox] = await Promise.all([options.built ?? buildExtension(), startSandboxProcess(['--seed', 'users', '--quiet'])]);
  const ext = await launchExtension(dist).catch(async (error: unknown) => { await sandbox.close(); throw error; });
  try {
    (await signInThroughPopup(ext, sandbox.url)).close();
    const file = join(scratch, 'large.csv');
    writeFileSync(file, writeCsv(['first_name', 'last_name', 'email', 'phone', 'job_title'],
      Array.from({ length: rows }, (_, i) => [`First${i}`, `Last${i}`, `tasks-${Date.now()}-${i}@bench.example`, `+1 555 ${String(i).padStart(5, '0')}`, 'Buyer'])));
    const page = await ext.open('wizard/index.html#resource=contacts');
    const load = () => `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`;
    log(`wizard tasks: ${rows.toLocaleString('en')} new contacts read, checked, planned, pushed ${options.seconds ?? 10} s; ${load()}`);
    const events = await traced(await ext.context.newCDPSession(page), () => takeSteps(page, file, options.seconds ?? 10));
    report(events, log);
    log(`(${load()})`);
    await page.click('[data-testid=cancel-push]');
    await page.waitForSelector('[data-testid=push-stopped]', { timeout: 120_000 });
  } finally {
    await ext.close();
    await sandbox.close();
    if (!options.built) rmSync(dist, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rows, seconds] = process.argv.slice(2, 4).map(Number);
  await runWizardTasksBench({ ...(rows ? { rows } : {}), ...(seconds ? { seconds } : {}), ...(process.argv[4] ? { built: process.argv[4] } : {}) });
}

// `pivor-csv push <resource> <file>` (or --clients a.csv --contacts b.csv --communications c.csv): validate, plan
// against the server, and send the changes with a journal, so re-running the same command after a crash or
// Ctrl-C resumes without creating anything twice. Exit 0 all done, 1 some rows failed or were skipped,
// 2 unusable input or call, server unreachable, not signed in.
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isPivorError, type PivorClient } from '../shared/api/index.ts';
import { isValidTimeZone } from '../shared/normalize/index.ts';
import { failuresCsv, pushFiles, type FilePush, type JournalStore, type MatchBy, type PushFileInput, type PushFilesOptions } from '../shared/push/index.ts';
import { isResourceName, resourceNames, type ResourceName } from '../shared/resources/index.ts';
import { CheckError } from '../shared/validate/index.ts';
import { UsageError, envOf, type CommandIo } from './command-io.ts';
import type { Env } from './config-dir.ts';
import { acquirePushLock, PushLockedError, type PushLock } from './push-lock.ts';
import { fileJournalStore, journalKey, sha256 } from './file-journal-store.ts';
import { EXIT, paint, writeOutput } from './io.ts';
import { readInput } from './read-input.ts';
import { SEND_NON_ASCII_FLAG, sendNonAsciiHelp } from './non-ascii-names.ts';
import { progressDisplay, rateDetail, type ProgressDisplay } from './progress-display.ts';
import { planText, pushJson, resultText } from './push-report.ts';
import { openSession } from './session.ts';

export const pushUsage =
  'usage: pivor-csv push <clients|contacts|communications> <file> | --clients FILE --contacts FILE --communications FILE\n' +
  '         [--dry-run] [--match id|email|name|none] [--concurrency N] [--create-missing-clients] [--allow-duplicates]\n' +
  '         [--day-first|--month-first] [--tz ZONE] [--json] [--url URL] [--restart] [--send-non-ascii-names]\n' +
  sendNonAsciiHelp;

/** Without --match: clients by name (every client has one), contacts by email, communications by id only. */
const DEFAULT_MATCH: Record<ResourceName, MatchBy> = { clients: 'name', contacts: 'email', communications: 'id' };

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      clients: { type: 'string' }, contacts: { type: 'string' }, communications: { type: 'string' },
      'dry-run': { type: 'boolean' }, match: { type: 'string' }, concurrency: { type: 'string' },
      'create-missing-clients': { type: 'boolean' }, 'day-first': { type: 'boolean' }, 'month-first': { type: 'boolean' },
      tz: { type: 'string' }, json: { type: 'boolean' }, url: { type: 'string' }, restart: { type: 'boolean' },
      'allow-duplicates': { type: 'boolean' },
      [SEND_NON_ASCII_FLAG]: { type: 'boolean' },
    },
  });
}
type PushValues = ReturnType<typeof parse>['values'];

export async function pushCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse(argv);
  const paths = filesOf(positionals, values);
  const match = values.match;
  if (match !== undefined && !['id', 'email', 'name', 'none'].includes(match)) throw new UsageError(`--match takes id, email, name or none.\n${pushUsage}`);
  const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new UsageError('--concurrency takes a whole number from 1 to 32.');
  if (values['day-first'] && values['month-first']) throw new UsageError('choose one of --day-first and --month-first.');
  if (values.tz !== undefined && !isValidTimeZone(values.tz)) throw new UsageError(`unknown time zone "${values.tz}": use an IANA name such as Europe/Paris.`);

  const inputs: (PushFileInput & { path: string; hash: string })[] = [];
  for (const [resource, path] of paths) {
    const read = await readInput(path, io.stdin);
    if (!read.ok) throw new UsageError(read.message);
    inputs.push({ resource, input: read.bytes, name: path, path, hash: sha256(read.bytes) });
  }
  const { client, server } = await openSession(io, { ...(values.url !== undefined ? { url: values.url } : {}), concurrency });
  const env = envOf(io);
  const journal = fileJournalStore(env);
  const keyOf = (file: PushFileInput) => {
    const input = inputs.find((i) => i.resource === file.resource)!;
    return journalKey({ fileHash: input.hash, resource: file.resource, server });
  };
  // A dry run sends nothing: it needs no lock, and may look while a push runs.
  const locks = values['dry-run'] ? [] : await lockAll(env, server, inputs, io);
  try {
    if (values.restart) for (const input of inputs) await journal.clear(keyOf(input));
    return await runPush(io, client, inputs, { values, match, concurrency, env, journal, keyOf });
  } finally {
    for (const lock of locks) lock.release();
  }
}

interface PushRun {
  values: PushValues;
  match: string | undefined;
  concurrency: number;
  env: Env;
  journal: JournalStore;
  keyOf: (file: PushFileInput) => string;
}

/** Plans and pushes the files under their locks, prints the plans and results, writes failures files. */
async function runPush(io: CommandIo, client: PivorClient, inputs: readonly (PushFileInput & { path: string })[], run: PushRun): Promise<number> {
  const { values, journal, keyOf, match, concurrency, env } = run;
  const out = paint(io.stdout, env);
  const json = values.json === true;
  const dryRun = values['dry-run'] === true;
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    io.stderr.write('\nCancelling: rows not sent yet will be skipped; requests in flight finish. Ctrl-C again to quit at once.\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);

  let display: ProgressDisplay | undefined;
  let loading: string | undefined;
  const files: Record<string, { path: string; failuresFile?: string }> = {};
  for (const input of inputs) files[input.resource] = { path: input.path };
  const options: PushFilesOptions = {
    matchBy: (match as MatchBy | undefined) ?? 'id',
    // Without --match, each file of a run gets its resource's own default key.
    ...(match === undefined ? { matchByResource: DEFAULT_MATCH } : {}),
    concurrency,
    journal,
    journalKey: keyOf,
    signal: controller.signal,
    dryRun,
    createMissingClients: values['create-missing-clients'] === true,
    createLookAlikes: values['allow-duplicates'] === true,
    check: {
      ...(values['day-first'] ? { dateOrder: 'day-first' as const } : {}),
      ...(values['month-first'] ? { dateOrder: 'month-first' as const } : {}),
      ...(values.tz !== undefined ? { timeZone: values.tz } : {}),
      ...(values[SEND_NON_ASCII_FLAG] ? { sendNonAsciiInitials: true } : {}),
    },
    onLoading: (resource, loaded, total) => {
      // One line per listing: clients (for names), then the file's own resource.
      if (!display || loading !== resource) {
        display?.stop();
        display = progressDisplay(io.stderr, `reading ${resource}`);
        loading = resource;
      }
      display.update(loaded, total);
    },
    onPlanned: (prepared) => {
      display?.stop();
      display = undefined;
      loading = undefined;
      if (!json) io.stdout.write(planText(prepared, files[prepared.plan.resource]!.path, dryRun, out));
      if (!dryRun) display = progressDisplay(io.stderr, `pushing ${prepared.plan.resource}`);
    },
    onProgress: (_resource, p) => display?.update(p.done, p.total, rateDetail(p.ratePerSec, p.etaSec)),
  };

  let pushes: FilePush[] = [];
  try {
    pushes = await pushFiles(client, inputs, options);
  } catch (error) {
    display?.stop();
    if (error instanceof CheckError || isPivorError(error) || error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  } finally {
    display?.stop();
    process.off('SIGINT', onSigint);
  }

  for (const push of pushes) {
    if (!push.result) continue;
    const c = push.result.counts;
    const entry = files[push.plan.resource]!;
    if (c.failed + c.skipped > 0) {
      const path = failuresPath(entry.path);
      const problem = await writeOutput(path, failuresCsv(push.report, push.result.results));
      if (problem) io.stderr.write(`pivor-csv: ${problem}\n`);
      else entry.failuresFile = path;
    }
    if (!json) io.stdout.write(resultText(push.result, entry.failuresFile, out));
  }
  if (json) io.stdout.write(JSON.stringify(pushJson(pushes, files), null, 2) + '\n');
  return exitCode(pushes, inputs.length, dryRun);
}

/** One push per server and resource at a time: takes each file's lock, or says who holds it (exit 2). */
async function lockAll(env: Env, server: string, inputs: readonly { resource: ResourceName; path: string }[], io: CommandIo): Promise<PushLock[]> {
  const locks: PushLock[] = [];
  try {
    for (const input of inputs) {
      const lock = await acquirePushLock(env, server, input.resource, input.path);
      if (lock.tookOver) io.stderr.write(`pivor-csv: took over the lock of process ${lock.tookOver.pid}, which pushed ${input.resource} since ${lock.tookOver.since} and is no longer running.\n`);
      locks.push(lock);
    }
    return locks;
  } catch (error) {
    for (const lock of locks) lock.release();
    if (error instanceof PushLockedError) throw new UsageError(error.message);
    throw error;
  }
}


function filesOf(positionals: string[], values: Partial<Record<ResourceName, string>>): [ResourceName, string][] {
  const flagged = resourceNames.filter((r) => values[r] !== undefined).map((r): [ResourceName, string] => [r, values[r]!]);
  if (positionals.length === 0 && flagged.length > 0) return flagged;
  const [resource, file, extra] = positionals;
  if (flagged.length > 0 || !resource || !file || extra !== undefined) throw new UsageError(`push needs a resource and a file, or --clients/--contacts/--communications files.\n${pushUsage}`);
  if (!isResourceName(resource)) throw new UsageError(`unknown resource "${resource}".\n${pushUsage}`);
  return [[resource, file]];
}

/** contacts.csv → contacts.failures.csv, next to it. */
function failuresPath(path: string): string {
  if (path === '-') return 'stdin.failures.csv';
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.failures.csv`);
}

function exitCode(pushes: readonly FilePush[], fileCount: number, dryRun: boolean): number {
  if (dryRun) return pushes.some((p) => p.plan.counts.skip > 0) ? EXIT.rowErrors : EXIT.ok;
  // A push stopped by the server or the session, or files never reached: the call as a whole did not work.
  if (pushes.some((p) => p.result?.stopped !== undefined && p.result.stopped !== 'cancelled')) return EXIT.unusable;
  if (pushes.length < fileCount && !pushes.some((p) => p.result?.stopped === 'cancelled')) return EXIT.unusable;
  return pushes.some((p) => (p.result?.counts.failed ?? 0) + (p.result?.counts.skipped ?? 0) > 0 || p.result === undefined) ? EXIT.rowErrors : EXIT.ok;
}

// Several files in one run (clients, contacts, communications): pushed in dependency order, each planned
// after the one before it is done, so a contact's client_name resolves to a client created earlier in the run.
// Each resource's records are read once; the run's own results keep them current.
import type { PivorClient } from '../api/index.ts';
import { dependencyOrder, type ResourceName } from '../resources/index.ts';
import type { MatchBy } from './types.ts';
import { executePlan, type ExecuteOptions } from './execute-plan.ts';
import { preparePush, type PreparedPush, type PreparePushOptions, type PushFileInput } from './prepare-push.ts';
import { ReferenceBook } from './reference-book.ts';
import type { PushProgress, PushResult } from './types.ts';

export interface PushFilesOptions extends PreparePushOptions, Omit<ExecuteOptions, 'journalKey' | 'onProgress'> {
  /** The journal key of each file (the CLI: server, resource and a hash of the bytes). */
  journalKey?: (file: PushFileInput) => string;
  onProgress?: (resource: ResourceName, progress: PushProgress) => void;
  /** Called with each file's plan before it is carried out (a dry run stops there). */
  onPlanned?: (prepared: PreparedPush) => void | Promise<void>;
  /** A match key per resource, over `matchBy` (clients by name and contacts by email in one run). */
  matchByResource?: Partial<Record<ResourceName, MatchBy>>;
}

export interface FilePush extends PreparedPush {
  /** Absent in a dry run, and for files not reached because an earlier one stopped. */
  result?: PushResult;
}

export async function pushFiles(client: PivorClient, files: readonly PushFileInput[], options: PushFilesOptions): Promise<FilePush[]> {
  const seen = new Set<ResourceName>();
  for (const file of files) {
    if (seen.has(file.resource)) throw new RangeError(`Two ${file.resource} files in one push: merge them into one.`);
    seen.add(file.resource);
  }
  const ordered = [...files].sort((a, b) => dependencyOrder.indexOf(a.resource) - dependencyOrder.indexOf(b.resource));
  const book = options.book ?? new ReferenceBook();
  const done: FilePush[] = [];
  for (const file of ordered) {
    const matchBy = options.matchByResource?.[file.resource] ?? options.matchBy;
    // An unfinished earlier run of this file: planning checks what it created against the server.
    const key = options.journalKey?.(file);
    const resume = options.journal && key !== undefined ? await options.journal.load(key) : null;
    const prepared = await preparePush(client, file, { ...options, matchBy, book, resume });
    await options.onPlanned?.(prepared);
    if (options.dryRun) {
      book.applyPlanned(prepared.plan);
      done.push(prepared);
      continue;
    }
    const { journalKey: _key, onProgress: _progress, ...execute } = options;
    const result = await executePlan(client, prepared.plan, {
      ...execute,
      ...(key !== undefined ? { journalKey: key } : {}),
      ...(options.onProgress ? { onProgress: (p: PushProgress) => options.onProgress!(file.resource, p) } : {}),
    });
    book.apply(prepared.plan, result);
    done.push({ ...prepared, result });
    // A push that stopped (cancelled, server gone, signed out) leaves the later files unplanned: their names
    // might point at records the stopped one did not create.
    if (result.stopped !== undefined) break;
  }
  return done;
}

// The wizard's calls into Pivor, through the core: the records a file's names resolve against (one ReferenceBook
// per check, also the plan's baseline), the plan, and clients the file names but Pivor lacks. The plan is made in
// the CSV worker (plan-in-worker.ts), the push in its own worker (push-in-worker.ts), its journal in
// chrome.storage.local.
import type { PivorClient } from '../../shared/api/index.ts';
import {
  ReferenceBook, createMissingClients, referencedResources,
  type MissingClientResult, type Plan, type PlanOptions,
} from '../../shared/push/index.ts';
import type { ResourceName } from '../../shared/resources/index.ts';
import type { References, ValidationReport } from '../../shared/validate/index.ts';
import { chromeJournalStore } from '../storage/journal-store.ts';
import type { CsvWorkerClient } from './csv-worker-client.ts';
import type { ImportOptions } from './import-options.ts';

export type Loading = (resource: ResourceName, loaded: number, total: number | null) => void;

/** Reads the clients (and contacts) a file's names may point at into the book; returns them as the validator takes them. */
export async function loadReferences(client: PivorClient, book: ReferenceBook, resource: ResourceName, onLoading: Loading, signal?: AbortSignal): Promise<References> {
  for (const target of referencedResources(resource)) await load(client, book, target, onLoading, signal);
  return book.references(resource);
}

/** The references plus stand-ins for clients that will be created first, so the plan shows their rows as creatable. */
export function withPlannedClients(references: References, names: readonly string[]): References {
  if (names.length === 0 || !references.clients) return references;
  return { ...references, clients: [...references.clients, ...names.map((name, i) => ({ id: -(i + 1), name }))] };
}

/**
 * Plans against the server's records and, when this file's push was left unfinished (journalKey), against what that
 * push created: rows whose records are still in Pivor are not sent again, rows whose records are gone are.
 */
export async function makePlan(
  client: PivorClient, planner: CsvWorkerClient, book: ReferenceBook, report: ValidationReport, options: ImportOptions, onLoading: Loading,
  signal?: AbortSignal, journalKey?: string, planOptions: Omit<PlanOptions, 'matchBy' | 'resume' | 'references'> = {},
): Promise<Plan> {
  await load(client, book, report.resource, onLoading, signal);
  const resume = journalKey === undefined ? null : await chromeJournalStore.load(journalKey);
  return planner.plan(report, {
    baseline: book.list(report.resource),
    options: { ...planOptions, matchBy: options.matchBy, createMissingClients: options.createMissingClients, resume, references: book.references(report.resource) },
  });
}

export function createClients(client: PivorClient, book: ReferenceBook, names: readonly string[], signal: AbortSignal): Promise<MissingClientResult[]> {
  return createMissingClients(client, names, book, { concurrency: 4, signal });
}

async function load(client: PivorClient, book: ReferenceBook, resource: ResourceName, onLoading: Loading, signal?: AbortSignal): Promise<void> {
  if (book.has(resource)) return;
  onLoading(resource, 0, null);
  await book.load(client, resource, { onLoaded: (loaded, total) => onLoading(resource, loaded, total), ...(signal ? { signal } : {}) });
}

/**
 * Creates an unfinished earlier push of this same file made, whose records are still in Pivor (the plan checked):
 * executePlan will not send them again, so the plan shows them as done, with their ids, instead of as creates.
 */
export async function alreadyCreated(plan: Plan): Promise<Map<number, number>> {
  const done = new Map<number, number>();
  for (const action of plan.actions) if (action.kind === 'create' && action.earlier) done.set(action.row, action.earlier.id);
  return done;
}

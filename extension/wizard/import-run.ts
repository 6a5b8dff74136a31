// The wizard's calls into Pivor, through the core: the records names are resolved against (references),
// the plan against the server's records, and the push with its journal in chrome.storage.local.
import type { PivorClient, PivorRecord } from '../../shared/api/index.ts';
import { executePlan } from '../../shared/push/execute-plan.ts';
import { planChanges } from '../../shared/push/plan-changes.ts';
import type { Plan, PushProgress, PushResult } from '../../shared/push/types.ts';
import type { ResourceName } from '../../shared/resources/index.ts';
import type { References, ValidationReport } from '../../shared/validate/index.ts';
import { chromeJournalStore } from '../storage/journal-store.ts';
import type { ImportOptions } from './import-options.ts';

export type Loading = (what: string, loaded: number, total: number | null) => void;

/** The clients (and contacts) a file's names may point at, as the validator takes them. */
export async function loadReferences(client: PivorClient, resource: ResourceName, onLoading: Loading, signal?: AbortSignal): Promise<References> {
  if (resource === 'clients') return {};
  const clients = (await listing(client, 'clients', onLoading, signal)).map((c) => ({
    id: c.id, name: String(c.name ?? ''), trading_name: typeof c.trading_name === 'string' ? c.trading_name : null,
  }));
  if (resource === 'contacts') return { clients };
  const contacts = (await listing(client, 'contacts', onLoading, signal)).map((p) => ({
    id: p.id, first_name: String(p.first_name ?? ''), last_name: String(p.last_name ?? ''),
    client_id: typeof p.client_id === 'number' ? p.client_id : null,
  }));
  return { clients, contacts };
}

export async function makePlan(client: PivorClient, report: ValidationReport, options: ImportOptions, onLoading: Loading, signal?: AbortSignal): Promise<Plan> {
  const baseline = await listing(client, report.resource, onLoading, signal);
  return planChanges(report, baseline, { matchBy: options.matchBy });
}

export function push(
  client: PivorClient,
  plan: Plan,
  journalKey: string,
  onProgress: (progress: PushProgress) => void,
  signal: AbortSignal,
): Promise<PushResult> {
  return executePlan(client, plan, { concurrency: 4, journal: chromeJournalStore, journalKey, signal, onProgress });
}

function listing(client: PivorClient, resource: ResourceName, onLoading: Loading, signal?: AbortSignal): Promise<PivorRecord[]> {
  onLoading(resource, 0, null);
  return client.listAll(resource, {
    onProgress: (p) => onLoading(resource, p.loaded, p.total),
    ...(signal ? { signal } : {}),
  });
}

// The records a run knows, per resource: read once (one paginated listing per resource per run), then kept up to
// date from the run's own results, so a contacts file resolves client names created by the clients file before it.
// Serves both as the validator's references (names → ids) and as the planner's baseline.
import type { PivorClient } from '../api/index.ts';
import { getResource, type ResourceName } from '../resources/index.ts';
import type { References } from '../validate/types.ts';
import type { ApiRecord, Plan, PushResult } from './types.ts';

export class ReferenceBook {
  private readonly lists = new Map<ResourceName, Map<number, ApiRecord>>();

  has(resource: ResourceName): boolean {
    return this.lists.has(resource);
  }

  set(resource: ResourceName, records: readonly ApiRecord[]): void {
    this.lists.set(resource, new Map(records.map((r) => [r.id, r])));
  }

  /** Drops a resource's records, so the next load reads them from the server again. */
  forget(resource: ResourceName): void {
    this.lists.delete(resource);
  }

  list(resource: ResourceName): ApiRecord[] {
    return [...(this.lists.get(resource)?.values() ?? [])];
  }

  /** Reads a resource's records unless this run already has them. */
  async load(client: PivorClient, resource: ResourceName, options: { signal?: AbortSignal; onLoaded?: (loaded: number, total: number) => void } = {}): Promise<ApiRecord[]> {
    if (!this.has(resource)) {
      const records = await client.listAll(resource, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onLoaded ? { onProgress: (p: { loaded: number; total: number }) => options.onLoaded!(p.loaded, p.total) } : {}),
      });
      this.set(resource, records);
    }
    return this.list(resource);
  }

  /** Adds a record (a created one, or a placeholder for a dry run) in the read shape the book holds. */
  add(resource: ResourceName, record: ApiRecord): void {
    const list = this.lists.get(resource) ?? new Map<number, ApiRecord>();
    list.set(record.id, { ...list.get(record.id), ...record });
    this.lists.set(resource, list);
  }

  /** Folds a push's results in: created records appear, updated ones take their new values, deleted ones go. */
  apply(plan: Plan, result: PushResult): void {
    const list = this.lists.get(plan.resource) ?? new Map<number, ApiRecord>();
    this.lists.set(plan.resource, list);
    plan.actions.forEach((action, i) => {
      const outcome = result.results[i];
      if (!outcome || action.kind === 'skip' || action.kind === 'unchanged') return;
      if (action.kind === 'delete' && outcome.outcome === 'deleted') list.delete(action.id);
      if (action.kind === 'create' && outcome.outcome === 'created' && outcome.id !== undefined) this.add(plan.resource, { ...action.body, id: outcome.id });
      if (action.kind === 'update' && outcome.outcome === 'updated') this.add(plan.resource, { ...action.body, id: action.id });
    });
  }

  /** Placeholder ids (negative: never a server id) for the records a dry run would create, so later files resolve. */
  applyPlanned(plan: Plan): void {
    let next = -1;
    for (const action of plan.actions) {
      if (action.kind === 'create') this.add(plan.resource, { ...action.body, id: next-- });
    }
  }

  /** The validator's references for a resource's name columns; lists the book lacks are left out (not checked). */
  references(resource: ResourceName): References {
    const needed = referencedResources(resource);
    const refs: { -readonly [K in keyof References]: References[K] } = {};
    if (needed.includes('clients') && this.has('clients')) {
      refs.clients = this.list('clients').map((c) => ({ id: c.id, name: text(c.name), trading_name: typeof c.trading_name === 'string' ? c.trading_name : null }));
    }
    if (needed.includes('contacts') && this.has('contacts')) {
      refs.contacts = this.list('contacts').map((p) => ({
        id: p.id, first_name: text(p.first_name), last_name: text(p.last_name), client_id: typeof p.client_id === 'number' ? p.client_id : null,
      }));
    }
    return refs;
  }
}

/** The resources whose names a resource's columns may hold (contacts → clients). */
export function referencedResources(resource: ResourceName): ResourceName[] {
  const targets = getResource(resource).fields.flatMap((f) => (f.reference ? [f.reference.resource] : []));
  return [...new Set(targets)];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

// createMissingClients: a contacts or communications file names clients Pivor does not have; create each once,
// with just its name, before the rows are planned, so the rows resolve instead of failing. Goes through
// executePlan, so a lost answer is looked up by name before anything is created again; a re-run finds the
// clients in the listing and creates nothing.
import type { PivorClient } from '../api/index.ts';
import { executePlan } from './execute-plan.ts';
import type { ReferenceBook } from './reference-book.ts';
import { countActions } from './plan-changes.ts';
import type { Plan, PlannedAction } from './types.ts';

export interface MissingClientResult {
  name: string;
  /** The new client's id, when it was created. */
  id?: number;
  /** Why it was not created. */
  message?: string;
}

export async function createMissingClients(
  client: PivorClient,
  names: readonly string[],
  book: ReferenceBook,
  options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<MissingClientResult[]> {
  if (names.length === 0) return [];
  const known = book.list('clients');
  const actions: PlannedAction[] = names.map((name, i) => ({ kind: 'create', row: i + 1, body: { name }, notices: [] }));
  const plan: Plan = {
    resource: 'clients', matchBy: 'name', actions, warnings: [], counts: countActions(actions),
    watermark: known.reduce((max, r) => Math.max(max, r.id), 0), columns: {},
  };
  const result = await executePlan(client, plan, {
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  book.apply(plan, result);
  return names.map((name, i) => {
    const r = result.results[i];
    return r?.outcome === 'created' && r.id !== undefined ? { name, id: r.id } : { name, message: r?.message ?? 'not created' };
  });
}

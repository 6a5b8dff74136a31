// Before updating or deleting, the current version of each record is fetched (in batches, one fetchAll
// each) and compared with the snapshot: a record someone changed in Pivor since the pull is not
// overwritten; the row is flagged instead and can be re-pulled. Changed means another updated_at, or
// other values: Pivor's timestamps count seconds, and two writes in one second share one. A record
// already gone is a conflict for an update, and nothing left to do for a delete.
import type { PivorClient, PivorRecord } from '../shared/api/index.ts';
import type { PlannedAction } from '../shared/push/types.ts';
import { exportFields, getResource, type ResourceName } from '../shared/resources/index.ts';
import { recordToExportRow } from '../shared/export/export-row.ts';

type Checked = Extract<PlannedAction, { kind: 'update' | 'delete' }>;

export interface Conflict {
  row: number | null;
  id: number;
  message: string;
}

export interface CheckResult {
  conflicts: Conflict[];
  /** Deletes whose record is already gone from Pivor. */
  alreadyDeleted: number[];
}

const PER_BATCH = 50;

function instant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** The values a sheet shows (every export column but updated_at) are equal. */
function sameValues(resource: ResourceName, a: PivorRecord, b: PivorRecord): boolean {
  const skip = exportFields(getResource(resource)).findIndex((f) => f.key === 'updated_at');
  const x = recordToExportRow(resource, a);
  const y = recordToExportRow(resource, b);
  return x.every((v, i) => i === skip || v === y[i]);
}

export async function checkConflicts(
  client: PivorClient,
  resource: ResourceName,
  actions: readonly Checked[],
  snapshot: ReadonlyMap<number, PivorRecord>,
): Promise<CheckResult> {
  const result: CheckResult = { conflicts: [], alreadyDeleted: [] };
  const singular = resource.slice(0, -1);
  for (let start = 0; start < actions.length; start += PER_BATCH) {
    const chunk = actions.slice(start, start + PER_BATCH);
    const outcomes = await client.sendBatch(chunk.map((a) => ({ method: 'GET' as const, path: `/${resource}/${a.id}` })));
    outcomes.forEach((outcome, i) => {
      const action = chunk[i]!;
      if (!outcome.ok) {
        if (outcome.error.kind === 'not-found') {
          if (action.kind === 'delete') result.alreadyDeleted.push(action.id);
          else result.conflicts.push({ row: action.row, id: action.id, message: `conflict: this ${singular} was deleted in Pivor since your pull; it was not updated` });
          return;
        }
        if (outcome.error.kind === 'forbidden') {
          result.conflicts.push({ row: action.row, id: action.id, message: `conflict: you no longer have access to this ${singular} in Pivor` });
          return;
        }
        // Network, token, server: the push cannot go on safely.
        throw outcome.error;
      }
      const server = outcome.data as PivorRecord;
      const pulled = snapshot.get(action.id);
      const then = instant(pulled?.updated_at);
      const now = instant(server.updated_at);
      if ((then !== null && now !== null && now !== then) || (pulled && !sameValues(resource, pulled, server))) {
        const verb = action.kind === 'delete' ? 'deleted' : 'overwritten';
        result.conflicts.push({
          row: action.row,
          id: action.id,
          message: `conflict: changed in Pivor at ${String(server.updated_at)} since your pull (${String(pulled?.updated_at)}); not ${verb}. Re-pull this row to see Pivor's version`,
        });
      }
    });
  }
  return result;
}

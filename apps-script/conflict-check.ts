// Before updating or deleting, each record's current version is compared with the snapshot: a record
// someone changed in Pivor since the pull is not overwritten; the row is flagged instead and can be
// re-pulled. Changed means another updated_at, or other values: Pivor's timestamps count seconds, and two
// writes in one second share one. A record already gone is a conflict for an update, and nothing left to
// do for a delete.
//
// Where the current versions come from: Pivor's list sorted by -updated_at, read until the records are
// older than the pull's watermark (the newest updated_at Pivor held just before the pull began). Every
// record changed since the pull sorts above it, so a few pages replace a GET per row. A record the listing
// should have shown but did not (deleted, or no longer visible to this user) is asked for by id; so are all
// of them when the sheet has no watermark (pulled by an older version) or the listing runs too long.
import { PivorError, type PivorClient, type PivorRecord } from '../shared/api/index.ts';
import type { Outcome } from '../shared/api/interpret-response.ts';
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
const PER_PAGE = 100;

export function instant(value: unknown): number | null {
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
  watermark: string | null = null,
): Promise<CheckResult> {
  const result: CheckResult = { conflicts: [], alreadyDeleted: [] };
  if (actions.length === 0) return result;
  const since = instant(watermark);
  const listed = since === null ? null : await changedSince(client, resource, since, maxPages(actions.length, snapshot, since));
  const askById: Checked[] = [];
  for (const action of actions) {
    const server = listed?.get(action.id);
    if (server) compare(resource, action, server, snapshot.get(action.id), result);
    else if (!listed || shouldHaveBeenListed(snapshot.get(action.id), since!)) askById.push(action);
    // Else: unchanged since the pull (a record deleted meanwhile answers the write itself with "not found").
  }
  await checkById(client, resource, askById, snapshot, result);
  return result;
}

/**
 * How far the listing may go before asking by id is cheaper: the pages the records known to have changed
 * since the watermark fill (this push's own earlier writes among them), plus one page per ten records to
 * check, so a listing cut short wastes at most a tenth of the requests it was meant to save.
 */
function maxPages(actions: number, snapshot: ReadonlyMap<number, PivorRecord>, since: number): number {
  let known = 0;
  for (const record of snapshot.values()) if ((instant(record.updated_at) ?? -Infinity) >= since) known += 1;
  return Math.ceil(known / PER_PAGE) + Math.ceil(actions / 10) + 1;
}

/**
 * Records updated at or after `since`, newest first, page after page; null when that needs more than
 * `limit` pages. A record that moves up while the pages are read is seen twice: the first sighting is the newest.
 */
async function changedSince(client: PivorClient, resource: ResourceName, since: number, limit: number): Promise<Map<number, PivorRecord> | null> {
  const records = new Map<number, PivorRecord>();
  for (let page = 1; page <= limit; page += 1) {
    const answer = await client.listPage(resource, { page, perPage: PER_PAGE, sort: '-updated_at' }).catch((error: unknown) => {
      // A page holding a record Pivor cannot serialise answers 500: ask for each record by id instead.
      if (error instanceof PivorError && error.kind === 'server') return null;
      throw error;
    });
    if (!answer) return null;
    const { data, meta } = answer;
    for (const record of data) if (!records.has(record.id)) records.set(record.id, record);
    const oldest = instant(data.at(-1)?.updated_at);
    if (data.length === 0 || page >= meta.last_page || (oldest !== null && oldest < since)) return records;
  }
  return null;
}

/** A record at or after the watermark in the snapshot is in the listing unless it is gone or hidden. */
function shouldHaveBeenListed(pulled: PivorRecord | undefined, since: number): boolean {
  const then = instant(pulled?.updated_at);
  return then === null || then >= since;
}

async function checkById(client: PivorClient, resource: ResourceName, actions: readonly Checked[], snapshot: ReadonlyMap<number, PivorRecord>, result: CheckResult): Promise<void> {
  for (let start = 0; start < actions.length; start += PER_BATCH) {
    const chunk = actions.slice(start, start + PER_BATCH);
    const outcomes = await client.sendBatch(chunk.map((a) => ({ method: 'GET' as const, path: `/${resource}/${a.id}` })));
    outcomes.forEach((outcome, i) => {
      const action = chunk[i]!;
      if (outcome.ok) compare(resource, action, outcome.data as PivorRecord, snapshot.get(action.id), result);
      else missing(resource, action, outcome.error, result);
    });
  }
}

function missing(resource: ResourceName, action: Checked, error: Extract<Outcome, { ok: false }>['error'], result: CheckResult): void {
  const singular = getResource(resource).singular;
  if (error.kind === 'not-found') {
    if (action.kind === 'delete') result.alreadyDeleted.push(action.id);
    else result.conflicts.push({ row: action.row, id: action.id, message: `conflict: this ${singular} was deleted in Pivor since your pull; it was not updated` });
    return;
  }
  if (error.kind === 'forbidden') {
    result.conflicts.push({ row: action.row, id: action.id, message: `conflict: you no longer have access to this ${singular} in Pivor` });
    return;
  }
  // Network, token, server: the push cannot go on safely.
  throw error;
}

function compare(resource: ResourceName, action: Checked, server: PivorRecord, pulled: PivorRecord | undefined, result: CheckResult): void {
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
}

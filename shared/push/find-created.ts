// After a create whose answer was lost (or a journal entry left "pending" by a crash): was the record made?
// One filtered listing per row (contacts by email or last name, clients by name, communications by subject, type
// and client), kept to records newer than the push's watermark and equal to the create body on every field sent,
// each record given to one row at most. Works for every resource alike, even for rows with no match key value.
import { getResource, type FieldSpec, type ResourceName } from '../resources/index.ts';
import type { BatchOp, Outcome, PivorClient, PivorRecord } from '../api/index.ts';
import { listQueryString } from '../api/list-query.ts';
import { readPath } from '../export/read-path.ts';
import { sameValue } from './compare-values.ts';

export interface CreatedLookup {
  row: number;
  body: Record<string, unknown>;
}

/** Per row, in order: the id of the record it created, null when there is none, or why the server could not tell. */
export type LookupAnswer = { id: number | null } | { error: Extract<Outcome, { ok: false }>['error'] };

/**
 * Looks the rows up, `perSend` listings per transport send. `claimed` holds ids already owned by rows
 * (done in the journal, created in this run) and receives the ids found.
 */
export async function lookupCreated(
  client: PivorClient,
  resource: ResourceName,
  lookups: readonly CreatedLookup[],
  options: { watermark: number; claimed: Set<number>; perSend: number; signal?: AbortSignal },
): Promise<LookupAnswer[]> {
  const candidates: (PivorRecord[] | undefined)[] = [];
  const errors: (LookupAnswer | undefined)[] = [];
  const perSend = Math.max(1, options.perSend);
  for (let start = 0; start < lookups.length; start += perSend) {
    const chunk = lookups.slice(start, start + perSend);
    const outcomes = await client.sendBatch(chunk.map((l) => lookupOp(resource, l.body)), options.signal ? { signal: options.signal } : {});
    for (const [i, outcome] of outcomes.entries()) {
      const at = start + i;
      if (!outcome.ok) {
        errors[at] = { error: outcome.error };
        continue;
      }
      const page = outcome.body as { data?: PivorRecord[]; meta?: { last_page?: number } };
      let records = page.data ?? [];
      // A full page whose oldest record is still newer than the push: ours may be further on, so read them all.
      const oldest = records[records.length - 1];
      if ((page.meta?.last_page ?? 1) > 1 && oldest && oldest.id > options.watermark) {
        try {
          records = await client.listAll(resource, { filters: lookupFilters(resource, chunk[i]!.body), sort: '-created_at' });
        } catch (error) {
          errors[at] = { error: error as Extract<Outcome, { ok: false }>['error'] };
          continue;
        }
      }
      candidates[at] = records;
    }
  }
  const ids = assignCreated(resource, lookups, candidates.map((c) => c ?? []), options.watermark, options.claimed);
  return lookups.map((_, i) => errors[i] ?? { id: ids[i] ?? null });
}

/** The listing that narrows the search for a create body: few records, none of the right ones left out. */
export function lookupOp(resource: ResourceName, body: Record<string, unknown>): BatchOp {
  const filters = lookupFilters(resource, body);
  return { method: 'GET', path: `/${resource}?${listQueryString(resource, { filters, perPage: 100, sort: '-created_at' })}` };
}

function lookupFilters(resource: ResourceName, body: Record<string, unknown>): Record<string, string> {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');
  const filters: Record<string, string> = {};
  if (resource === 'contacts') filters.search = text('email') || text('last_name') || text('first_name');
  if (resource === 'clients') filters.search = text('name');
  if (resource === 'communications') {
    filters.search = text('subject');
    if (typeof body.type === 'string') filters.type = body.type;
    if (body.client_id !== undefined && body.client_id !== null) filters.client_id = String(body.client_id);
  }
  if (filters.search === '') delete filters.search;
  return filters;
}

/** True when every field of the create body has the same value in the record. */
export function matchesBody(resource: ResourceName, body: Record<string, unknown>, record: Record<string, unknown>): boolean {
  const fields = writeFields(resource);
  return Object.entries(body).every(([apiName, value]) => {
    const field = fields.get(apiName);
    if (!field) return true; // nothing the read shape shows: cannot disagree
    return sameValue(field, value, readPath(record, field.readPath ?? apiName));
  });
}

/** Gives each looked-up row the oldest matching record above the watermark that no other row has claimed. */
export function assignCreated(
  resource: ResourceName,
  lookups: readonly CreatedLookup[],
  candidates: readonly (readonly PivorRecord[])[],
  watermark: number,
  claimed: Set<number>,
): (number | null)[] {
  return lookups.map((lookup, i) => {
    const found = (candidates[i] ?? [])
      .filter((r) => r.id > watermark && !claimed.has(r.id) && matchesBody(resource, lookup.body, r))
      .sort((a, b) => a.id - b.id)[0];
    if (!found) return null;
    claimed.add(found.id);
    return found.id;
  });
}

const cache = new Map<ResourceName, Map<string, FieldSpec>>();

// API write name → the field whose read path shows it (client_id: the integer field, not the name column).
export function writeFields(resource: ResourceName): Map<string, FieldSpec> {
  let map = cache.get(resource);
  if (!map) {
    map = new Map();
    for (const field of getResource(resource).fields) {
      if (field.apiName && field.type !== 'reference' && !map.has(field.apiName)) map.set(field.apiName, field);
    }
    cache.set(resource, map);
  }
  return map;
}

// Client and contact names → ids for a push. Only names that are new or changed since the pull need
// Pivor: each distinct one is searched once (one fetchAll for all of them), so a sheet of 10,000 rows
// with two edited names costs two requests. Names left as pulled keep the link they had.
import type { PivorClient, PivorRecord } from '../shared/api/index.ts';
import { listQueryString } from '../shared/api/list-query.ts';
import type { ResourceSpec } from '../shared/resources/index.ts';
import type { ClientReference, ContactReference, References } from '../shared/validate/index.ts';

export interface NameLookups {
  clients: Set<string>;
  contacts: Set<string>;
}

export function emptyLookups(): NameLookups {
  return { clients: new Set(), contacts: new Set() };
}

function asClient(r: PivorRecord): ClientReference {
  return { id: r.id, name: String(r.name ?? ''), trading_name: typeof r.trading_name === 'string' ? r.trading_name : null };
}

function asContact(r: PivorRecord): ContactReference {
  return { id: r.id, first_name: String(r.first_name ?? ''), last_name: String(r.last_name ?? ''), client_id: typeof r.client_id === 'number' ? r.client_id : null };
}

/** What filter[search] is given for a name: contacts are searched by their last word (a last name). */
function searchTerm(target: 'clients' | 'contacts', name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  return target === 'contacts' ? trimmed.split(' ').pop()! : trimmed;
}

/** Looks the names up in Pivor (one batch); the lists the validator resolves names against. */
export async function lookUpNames(client: PivorClient, spec: ResourceSpec, names: NameLookups): Promise<References> {
  const targets = new Set(spec.fields.flatMap((f) => (f.reference ? [f.reference.resource] : [])));
  const references: References = {};
  if (targets.has('clients')) references.clients = [];
  if (targets.has('contacts')) references.contacts = [];
  const queries: { target: 'clients' | 'contacts'; term: string }[] = [];
  for (const target of ['clients', 'contacts'] as const) {
    if (!targets.has(target)) continue;
    const terms = new Set([...names[target]].map((n) => searchTerm(target, n)).filter((t) => t !== ''));
    for (const term of terms) queries.push({ target, term });
  }
  if (queries.length === 0) return references;
  const outcomes = await client.sendBatch(
    queries.map((q) => ({ method: 'GET' as const, path: `/${q.target}?${listQueryString(q.target, { filters: { search: q.term }, perPage: 100 })}` })),
  );
  const seen = new Set<string>();
  outcomes.forEach((outcome, i) => {
    if (!outcome.ok) throw outcome.error;
    const target = queries[i]!.target;
    for (const record of ((outcome.body as { data?: PivorRecord[] } | null)?.data ?? [])) {
      if (seen.has(`${target}:${record.id}`)) continue;
      seen.add(`${target}:${record.id}`);
      if (target === 'clients') (references.clients as ClientReference[]).push(asClient(record));
      else (references.contacts as ContactReference[]).push(asContact(record));
    }
  });
  return references;
}

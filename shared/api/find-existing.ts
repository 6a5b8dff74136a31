// Looks up the records a row would duplicate, by one match key (a client's email or name, a contact's email).
// Used before re-creating after a POST came back maybeProcessed: create only if nothing is found.
import { getField, getResource, type FieldSpec, type ResourceName } from '../resources/index.ts';
import type { PivorClient, PivorRecord } from './client.ts';

// What filter[search] looks in, per pivor-api.md (SQL LIKE %value%, so the exact comparison is ours).
const SEARCHED: Readonly<Record<ResourceName, readonly string[]>> = {
  clients: ['name', 'trading_name', 'email'],
  contacts: ['first_name', 'last_name', 'email'],
  communications: ['subject', 'content'],
};

export async function findExisting(
  client: PivorClient,
  resource: ResourceName,
  matchKey: string,
  value: string,
  signal?: AbortSignal,
): Promise<PivorRecord[]> {
  const spec = getResource(resource);
  const field = getField(spec, matchKey);
  const wanted = comparable(field, value);
  if (wanted === '') return [];
  const apiName = field.apiName ?? field.key;
  let filters: Record<string, string> = {};
  if (SEARCHED[resource].includes(apiName)) filters = { search: value.trim() };
  else if (spec.filters.includes(apiName)) filters = { [apiName]: value.trim() };
  // Otherwise no filter narrows it down: every record is read and compared here.
  const candidates = await client.listAll(resource, { filters, ...(signal ? { signal } : {}) });
  return candidates.filter((record) => comparable(field, readValue(record, field)) === wanted);
}

function comparable(field: FieldSpec, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value).trim();
  return field.type === 'email' ? text.toLowerCase() : text;
}

function readValue(record: PivorRecord, field: FieldSpec): unknown {
  const path = field.readPath ?? field.apiName ?? field.key;
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

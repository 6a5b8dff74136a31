// The keys rows and records match on when a row has no id: a contact's or client's email, a client's name, a
// contact's first and last name. Compared trimmed and without case; one key may find several records.
import { findField, type FieldSpec, type ResourceSpec } from '../resources/index.ts';
import { readPath } from '../export/read-path.ts';
import type { ValidatedRow } from '../validate/types.ts';
import { comparable } from './compare-values.ts';
import type { ApiRecord, MatchBy } from './types.ts';

export type KeyMatch = 'email' | 'name';

export function keyFields(spec: ResourceSpec, matchBy: KeyMatch): FieldSpec[] | undefined {
  if (matchBy === 'email') {
    const email = findField(spec, 'email');
    return email ? [email] : undefined;
  }
  if (spec.name === 'clients') return [findField(spec, 'name')!];
  if (spec.name === 'contacts') return [findField(spec, 'first_name')!, findField(spec, 'last_name')!];
  return undefined;
}

export function keyColumn(matchBy: MatchBy): string {
  return matchBy === 'email' ? 'email' : matchBy === 'name' ? 'name' : 'id';
}

/** The normalized match key of a row's values or a record (trimmed, case and runs of spaces ignored), or null. */
function keyFrom(fields: FieldSpec[], get: (field: FieldSpec) => unknown): string | null {
  const parts = fields.map((f) => comparable({ ...f, type: 'email' }, get(f)));
  if (parts.some((p) => p === null)) return null;
  return parts.map((p) => (typeof p === 'string' && /\s\s|[\t\n\r]/.test(p) ? p.replace(/\s+/g, ' ') : String(p))).join('\u0000');
}

export function keyOf(spec: ResourceSpec, values: ValidatedRow['values'], matchBy: KeyMatch): string | null {
  const fields = keyFields(spec, matchBy);
  return fields ? keyFrom(fields, (f) => values[f.key]) : null;
}

function recordKey(spec: ResourceSpec, record: ApiRecord, matchBy: KeyMatch): string | null {
  const fields = keyFields(spec, matchBy);
  return fields ? keyFrom(fields, (f) => readPath(record, f.readPath ?? f.apiName ?? f.key)) : null;
}

export function indexBy(spec: ResourceSpec, records: readonly ApiRecord[], matchBy: KeyMatch): Map<string, ApiRecord[]> {
  const index = new Map<string, ApiRecord[]>();
  for (const record of records) {
    const key = recordKey(spec, record, matchBy);
    if (key !== null) (index.get(key) ?? index.set(key, []).get(key)!).push(record);
  }
  return index;
}

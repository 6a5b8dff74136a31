// Pivor answers a create with the in-memory model, not a fresh read: columns the database fills by default are
// null in that answer (a client's status, a communication's direction and status…), and have their default on
// every later read. The record a create answers is completed here, from the resource tables' defaults, so no
// result, snapshot, conflict check or written-back cell takes those nulls for the record's values.
import { getResource, isResourceName, type ResourceName } from '../resources/index.ts';

/** The create answer's record with each null column that has a database default set to that default. */
export function withCreateDefaults<T extends Record<string, unknown>>(resource: ResourceName, record: T): T {
  let filled: Record<string, unknown> | undefined;
  for (const field of getResource(resource).fields) {
    if (field.default === undefined || field.apiName === null) continue;
    const key = field.readPath ?? field.apiName;
    // the default columns are top-level in the read shape; `in` so a record without the column is left alone
    if (key.includes('.') || !(key in record) || record[key] !== null) continue;
    filled ??= { ...record };
    filled[key] = field.default;
  }
  return (filled ?? record) as T;
}

/** The resource a request creates a record of (POST /contacts), or null for any other request. */
export function createdResource(method: string, path: string): ResourceName | null {
  if (method !== 'POST') return null;
  const name = path.split('?')[0]!.replace(/^\/+|\/+$/g, '');
  return isResourceName(name) ? name : null;
}

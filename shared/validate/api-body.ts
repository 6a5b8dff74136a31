// Turns a validated row's values into the body of a create or update request, in the API's write names.
import type { ResourceName } from '../resources/index.ts';
import { getResource } from '../resources/index.ts';
import type { RowValue } from './types.ts';

/**
 * Leaves out what the API does not take: id, updated_at, full_name (apiName null), reference names (their ids
 * travel in the idField), on create the fields accepted on update only (completed_at) and enum values equal
 * to the server's default that the API cannot write (priority normal). On update such a value stays in:
 * the server refuses it, and the push reports that row.
 */
export function toApiBody(resource: ResourceName, values: Readonly<Record<string, RowValue>>, mode: 'create' | 'update'): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of getResource(resource).fields) {
    if (field.apiName === null || field.type === 'reference') continue;
    const value = values[field.key];
    if (value === undefined) continue;
    if (mode === 'create') {
      if (field.updateOnly) continue;
      if (typeof value === 'string' && field.enum?.omitOnCreate?.includes(value)) continue;
    }
    body[field.apiName] = value;
  }
  return body;
}

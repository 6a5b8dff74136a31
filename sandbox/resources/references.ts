// Which table an id field points at, derived from the resource tables: client_id and contact_id are the
// idField of a reference field (client_name → clients); assigned_to and created_by always point at users.
import type { FieldSpec, ResourceSpec } from '../../shared/resources/index.ts';

const userColumns = new Set(['assigned_to', 'created_by']);

export function referencedTable(resource: ResourceSpec, key: string): string | undefined {
  if (userColumns.has(key)) return 'users';
  const reference = resource.fields.find((f) => f.reference?.idField === key)?.reference;
  return reference?.resource;
}

/** The fields that are columns of their own: written through the API, one per API name. */
export function columnFields(resource: ResourceSpec): FieldSpec[] {
  const seen = new Set<string>();
  const fields: FieldSpec[] = [];
  for (const field of resource.fields) {
    if (field.apiName === null || field.type === 'reference' || seen.has(field.apiName)) continue;
    seen.add(field.apiName);
    fields.push(field);
  }
  return fields;
}

// The three resource tables and everything derived from them: lookups, writable values, export and template columns.
import { clients } from './clients.ts';
import { communications } from './communications.ts';
import { contacts } from './contacts.ts';
import type { FieldSpec, ResourceName, ResourceSpec } from './field-spec.ts';

export * from './field-spec.ts';
export { clients, contacts, communications };

export const resources: Readonly<Record<ResourceName, ResourceSpec>> = { clients, contacts, communications };
export const resourceNames: readonly ResourceName[] = ['clients', 'contacts', 'communications'];
/** The order a multi-file push follows, so names resolve to records created earlier in the run. */
export const dependencyOrder: readonly ResourceName[] = ['clients', 'contacts', 'communications'];

export function isResourceName(value: string): value is ResourceName {
  return (resourceNames as readonly string[]).includes(value);
}

export function getResource(name: ResourceName): ResourceSpec {
  return resources[name];
}

export function getField(resource: ResourceSpec, key: string): FieldSpec {
  const field = resource.fields.find((f) => f.key === key);
  if (!field) throw new Error(`${resource.name} has no field ${key}`);
  return field;
}

export function findField(resource: ResourceSpec, key: string): FieldSpec | undefined {
  return resource.fields.find((f) => f.key === key);
}

/** A field as people read it: its label ("Job title"), not its key; the key when the resource has no such field. */
export function labelOf(resource: ResourceSpec, key: string): string {
  return findField(resource, key)?.label ?? key;
}

/** Enum values that both the API's validation and the database accept: the only ones a client can write. */
export function writableValues(field: FieldSpec): readonly string[] {
  const values = field.enum;
  if (!values) return [];
  return values.api.filter((v) => values.db.includes(v));
}

/** The column header this project writes for a field: Pivor's own CSV name where it has one. */
export function columnName(field: FieldSpec): string {
  return field.csvName ?? field.key;
}

/** Fields the API can write (id fields of references excluded when the name column stands for them). */
export function writableFields(resource: ResourceSpec): FieldSpec[] {
  return resource.fields.filter((f) => f.apiName !== null);
}

/** Template columns: exactly Pivor's own template, so a filled template also imports through Pivor's screen. */
export function templateFields(resource: ResourceSpec): FieldSpec[] {
  return resource.pivorColumns.map((key) => getField(resource, key));
}

/**
 * Export columns: id, Pivor's export columns, every other field the API can write
 * (so nothing is lost on a round trip), and updated_at for conflict checks.
 * Raw *_id columns are left out where a name column stands for them.
 */
export function exportFields(resource: ResourceSpec): FieldSpec[] {
  const pivor = templateFields(resource);
  const referenceIds = new Set(resource.fields.filter((f) => f.reference).map((f) => f.reference!.idField));
  const extra = resource.fields.filter(
    (f) => f.apiName !== null && f.type !== 'reference' && !pivor.includes(f) && !referenceIds.has(f.key),
  );
  return [getField(resource, 'id'), ...pivor, ...extra, getField(resource, 'updated_at')];
}

// One API record → one export row, as Pivor's own export writes it: names for references, yes/no for booleans,
// `YYYY-MM-DD HH:MM` (UTC) for dates, updated_at kept in ISO 8601 for conflict checks. Used by the CSV export
// and by the Sheets add-on, so a sheet and a file show the same values.
import { columnName, exportFields, getResource, type FieldSpec, type ResourceName } from '../resources/index.ts';
import { readPath } from './read-path.ts';

/** Names of records a reference column points at, by id, for lists that do not embed them. */
export interface ExportLookups {
  clientNames?: ReadonlyMap<number, string>;
  contactNames?: ReadonlyMap<number, string>;
}

export function exportHeaders(resource: ResourceName): string[] {
  return exportFields(getResource(resource)).map(columnName);
}

export function recordToExportRow(resource: ResourceName, record: Record<string, unknown>, lookups: ExportLookups = {}): string[] {
  return exportFields(getResource(resource)).map((field) => exportValue(field, record, lookups));
}

/** True when the record links to a client or contact whose name neither the record nor the lookups hold. */
export function needsLookup(resource: ResourceName, record: Record<string, unknown>, lookups: ExportLookups): boolean {
  return exportFields(getResource(resource)).some(
    (field) => field.type === 'reference' && exportValue(field, record, lookups) === '' && referencedId(field, record) !== null,
  );
}

function exportValue(field: FieldSpec, record: Record<string, unknown>, lookups: ExportLookups): string {
  if (field.type === 'reference') return referenceName(field, record, lookups);
  const value = readPath(record, field.readPath ?? field.apiName ?? field.key);
  if (value === null || value === undefined) return '';
  switch (field.type) {
    case 'boolean':
      return value === true || value === 1 || value === '1' ? 'yes' : 'no';
    case 'datetime':
      return typeof value === 'string' ? pivorDate(value) : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function referencedId(field: FieldSpec, record: Record<string, unknown>): number | null {
  const id = field.reference ? record[field.reference.idField] : null;
  return typeof id === 'number' ? id : null;
}

function referenceName(field: FieldSpec, record: Record<string, unknown>, lookups: ExportLookups): string {
  const id = referencedId(field, record);
  if (id === null) return '';
  const target = field.reference!.resource;
  const embedded = record[target === 'clients' ? 'client' : 'contact'];
  if (typeof embedded === 'object' && embedded !== null) {
    const e = embedded as Record<string, unknown>;
    // Only trust an embedded record that is the one the id points at.
    if (e.id === id || e.id === undefined) {
      const name = target === 'clients' ? e.name : [e.first_name, e.last_name].filter((p) => typeof p === 'string' && p !== '').join(' ');
      if (typeof name === 'string' && name !== '') return name;
    }
  }
  const names = target === 'clients' ? lookups.clientNames : lookups.contactNames;
  return names?.get(id) ?? '';
}

/**
 * `Y-m-d H:i` in UTC, as Pivor's export writes dates, with `:s` added when the seconds are not zero: dropping them
 * would make a pushed-back export change every such date. A value that is not a date is kept as it is.
 */
export function pivorDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const text = new Date(ms).toISOString();
  return text.slice(0, text.slice(17, 19) === '00' ? 16 : 19).replace('T', ' ');
}

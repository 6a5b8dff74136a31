// Maps a 422's field errors (API field names) back to the columns of the user's file or sheet,
// so each message lands on the cell that caused it: client_id → the client_name column, and so on.
import { getResource, type FieldSpec, type ResourceName } from '../resources/index.ts';

/**
 * @param mapping field key (as in the resource table) → the column header the user's file has for it
 * @returns column header → messages; an API field that no mapped column stands for keeps its API name as key
 */
export function fieldErrorsToColumns(
  fieldErrors: Record<string, string[]>,
  resource: ResourceName,
  mapping: Record<string, string>,
): Record<string, string[]> {
  const spec = getResource(resource);
  const result: Record<string, string[]> = {};
  for (const [apiField, list] of Object.entries(fieldErrors)) {
    const column = columnFor(apiField, spec.fields, mapping) ?? apiField;
    (result[column] ??= []).push(...list);
  }
  return result;
}

// The first mapped field, in table order, that writes this API field (the name column before the raw id);
// a single full-name column stands for first_name and last_name.
function columnFor(apiField: string, fields: readonly FieldSpec[], mapping: Record<string, string>): string | undefined {
  const writers = fields.filter((f) => f.apiName === apiField || (f.reference?.idField === apiField));
  const fullName = apiField === 'first_name' || apiField === 'last_name' ? fields.filter((f) => f.type === 'full-name') : [];
  for (const field of [...writers, ...fullName]) {
    const column = mapping[field.key];
    if (column !== undefined) return column;
  }
  return undefined;
}

// Per mapped column, everything the row loop needs, worked out once: the field, its normalizer and its limits.
import type { HeaderMapping } from '../map/index.ts';
import { cellNormalizer, type CellNormalizer, type NormalizeOptions } from '../normalize/index.ts';
import { getField, writableValues, type FieldSpec, type ResourceSpec } from '../resources/index.ts';

export interface ColumnPlan {
  index: number;
  header: string;
  field: FieldSpec;
  normalize: CellNormalizer;
  /** Enum values the API can write; null when every value normalization accepts is writable. */
  writable: ReadonlySet<string> | null;
  /** Enum values left out of a create instead of refused (the server's default). */
  omitOnCreate: ReadonlySet<string> | null;
}

export function planColumns(resource: ResourceSpec, mapping: HeaderMapping, options: NormalizeOptions): ColumnPlan[] {
  const plans: ColumnPlan[] = [];
  for (const column of mapping.columns) {
    if (column.field === null) continue;
    const field = getField(resource, column.field);
    const writable = field.enum ? new Set(writableValues(field)) : null;
    const omit = field.enum?.omitOnCreate?.length ? new Set(field.enum.omitOnCreate) : null;
    plans.push({
      index: column.index,
      header: column.header,
      field,
      normalize: cellNormalizer(field, options),
      writable: writable && field.enum!.csv.every((v) => writable.has(v) || field.enum!.synonyms?.[v]) ? null : writable,
      omitOnCreate: omit,
    });
  }
  return plans;
}

// Per mapped column, everything the row loop needs, worked out once: the field, its normalizer and its limits.
import type { HeaderMapping } from '../map/index.ts';
import { cellNormalizer, isLongText, keptAsWritten, type CellNormalizer, type NormalizeOptions } from '../normalize/index.ts';
import { getField, writableValues, type FieldSpec, type ResourceSpec } from '../resources/index.ts';

export interface ColumnPlan {
  index: number;
  header: string;
  field: FieldSpec;
  key: string;
  normalize: CellNormalizer;
  /** True for text-like fields: any non-empty cell is kept as written, no call needed. */
  asIs: boolean;
  /** A cheap test for cells kept as written (emails); they skip `normalize`. */
  keep: ((text: string) => boolean) | null;
  /** Whether checkValue has anything to check (a length, a minimum, enum values the API cannot write). */
  limited: boolean;
  /** The field's maximum length and minimum, or Infinity and -Infinity: checkValue is only called past them. */
  max: number;
  min: number;
  /** Enum values the API can write; null when every value normalization accepts is writable. */
  writable: ReadonlySet<string> | null;
  /** Enum values left out of a create instead of refused (the server's default). */
  omitOnCreate: ReadonlySet<string> | null;
  /** " (column X)." — the end of every message about this column, built once. */
  where: string;
  /** Index of this column's check across rows (duplicate emails, one primary contact), or -1. */
  crossRow: number;
}

export function planColumns(resource: ResourceSpec, mapping: HeaderMapping, options: NormalizeOptions): ColumnPlan[] {
  const plans: ColumnPlan[] = [];
  for (const column of mapping.columns) {
    if (column.field === null) continue;
    const field = getField(resource, column.field);
    const allWritable = field.enum ? new Set(writableValues(field)) : null;
    const writable = allWritable && field.enum!.csv.every((v) => allWritable.has(v) || field.enum!.synonyms?.[v]) ? null : allWritable;
    const omit = field.enum?.omitOnCreate?.length ? new Set(field.enum.omitOnCreate) : null;
    const keep = keptAsWritten(field);
    plans.push({
      index: column.index,
      header: column.header,
      field,
      key: field.key,
      normalize: cellNormalizer(field, options),
      asIs: (field.type === 'text' && !isLongText(field)) || field.type === 'reference' || field.type === 'full-name',
      keep,
      limited: field.max !== undefined || field.min !== undefined || writable !== null,
      max: field.max ?? Infinity,
      min: field.min ?? -Infinity,
      writable,
      omitOnCreate: omit,
      where: ` (column ${column.header}).`,
      crossRow: -1,
    });
  }
  return plans;
}

// Per mapped column, everything the row loop needs, worked out once: the field, its normalizer and its limits.
import type { ColumnMapping, HeaderMapping } from '../map/index.ts';
import { cellNormalizer, isLongText, keptAsWritten, withValueMapping, type CellNormalizer, type NormalizeOptions } from '../normalize/index.ts';
import { firstOfMany, MULTI_SEPARATOR, normalizeDoneFlag } from '../normalize/cell-readings.ts';
import { decimalHint, NumberColumn } from '../normalize/number-column.ts';
import { cellColumn, cellPick, rowNote, type CellPick, type RowNote } from './cell-sources.ts';
import { getField, writableValues, type FieldSpec, type ResourceSpec } from '../resources/index.ts';

export interface ColumnPlan {
  index: number;
  header: string;
  field: FieldSpec;
  key: string;
  /** For a field whose value spans columns: the row's cell for it (null: `cells[index]`). */
  pick: CellPick | null;
  /** The notices a row earns when part of its data has no field (a second address block, a third phone). */
  note: RowNote | null;
  /** For a field whose value spans columns: this plan as the row's own column names it, so a message about the
   *  value names the column it came from ("Home Country/Region" for a row without a Business address). */
  origin: ((cells: readonly string[]) => ColumnPlan) | null;
  /** For number fields: the column's reading of its separators, decided from all its values. */
  numbers: NumberColumn | null;
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

/** `delimiter`: the file's, a hint at its decimal mark. */
export function planColumns(resource: ResourceSpec, mapping: HeaderMapping, options: NormalizeOptions, delimiter = ','): ColumnPlan[] {
  const plans: ColumnPlan[] = [];
  let blockNoted = false;
  for (const column of [...mapping.columns, ...(mapping.extra ?? [])]) {
    if (column.field === null) continue;
    const field = getField(resource, column.field);
    // one note per address: every field of the block shares it
    let note = column.source ? rowNote(column.source) : null;
    if (note && column.source!.kind === 'block') note = blockNoted ? null : ((blockNoted = true), note);
    const numbers = field.type === 'integer' || field.type === 'decimal' ? new NumberColumn(decimalHint(delimiter), field.type === 'integer') : null;
    const reading = numbers ? { normalize: numbers.normalize, asIs: false, keep: null } : readingOf(column, field, options);
    const allWritable = field.enum ? new Set(writableValues(field)) : null;
    const writable = allWritable && field.enum!.csv.every((v) => allWritable.has(v) || field.enum!.synonyms?.[v]) ? null : allWritable;
    const omit = field.enum?.omitOnCreate?.length ? new Set(field.enum.omitOnCreate) : null;
    const plan: ColumnPlan = {
      index: column.index,
      header: column.header,
      field,
      key: field.key,
      pick: cellPick(column.source),
      note,
      numbers,
      normalize: reading.normalize,
      asIs: reading.asIs,
      keep: reading.keep,
      limited: field.max !== undefined || field.min !== undefined || writable !== null,
      max: field.max ?? Infinity,
      min: field.min ?? -Infinity,
      writable,
      omitOnCreate: omit,
      where: ` (column ${column.header}).`,
      crossRow: -1,
      origin: null,
    };
    if (column.source) plan.origin = originOf(plan, cellColumn(column.source), mapping);
    plans.push(plan);
  }
  return plans;
}

/** The plan, or a copy naming the column a row's value comes from; copies made once per column, not per row. */
function originOf(plan: ColumnPlan, from: (cells: readonly string[]) => number | undefined, mapping: HeaderMapping): ColumnPlan['origin'] {
  const copies = new Map<number, ColumnPlan>();
  return (cells) => {
    const index = from(cells);
    if (index === undefined || index === plan.index) return plan;
    let copy = copies.get(index);
    if (copy === undefined) {
      const header = mapping.columns[index]!.header;
      copy = { ...plan, index, header, where: ` (column ${header}).`, crossRow: plan.crossRow };
      copies.set(index, copy);
    }
    return copy;
  };
}

/** How the column's cells are normalized: by the field's type, unless the mapping reads them another way. */
function readingOf(column: ColumnMapping, field: FieldSpec, options: NormalizeOptions): Pick<ColumnPlan, 'normalize' | 'asIs' | 'keep'> {
  if (column.reading === 'done-flag') return { normalize: normalizeDoneFlag, asIs: false, keep: null };
  const normalize = withValueMapping(cellNormalizer(field, options), options.valueMapping?.[field.key]);
  const asIs = (field.type === 'text' && !isLongText(field)) || field.type === 'reference' || field.type === 'full-name';
  // a mapped value takes the normalizer's path, where the mapping is read
  const keep = asIs ? () => true : options.valueMapping?.[field.key] ? null : keptAsWritten(field);
  if (column.reading !== 'multi-value') return { normalize, asIs, keep };
  // a cell holding several values takes the normalizer's path, where the first is kept with a notice
  return { normalize: firstOfMany(normalize), asIs: false, keep: (text) => !text.includes(MULTI_SEPARATOR) && (keep === null || keep(text)) };
}

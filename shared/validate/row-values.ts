// A row's values object (and, for a row read from a line without quotes, its cells), built when first read. The
// check normalizes every cell to validate it but keeps none of the values: most are the cell's own text, and the
// rest come back from the same column's normalizer (pure and, for columns of repeated values, memoized), so a
// 100,000-row check builds no values objects at all.
// Only what the cells cannot give again is kept: the id each reference name resolved to.
// The result is the object the row loop would have built: same keys, same values, same order.
import { splitFullName, NAME_PARTS } from '../map/index.ts';
import { needsTrim } from '../normalize/index.ts';
import { quoteFreeLineCells } from '../csv/csv-stream.ts';
import type { ColumnPlan } from './column-plan.ts';
import type { RowValue } from './types.ts';

/** A full-name column standing in for first_name and/or last_name. */
export interface NameFill { fullName: string; header: string; first: boolean; last: boolean }

/** What the rows of one report do not keep, and how they make it again: their values, and the cells of rows read from lines without quotes. */
export class RowValueStore {
  /** Per reference column that resolves names, the id (or undefined) of each kept row. */
  private readonly ids: (number | undefined)[][];

  constructor(
    private readonly plans: readonly ColumnPlan[],
    private readonly names: NameFill | null,
    private readonly references: readonly ColumnPlan[],
    /** The file's delimiter, to make cells again from a kept line. */
    private readonly delimiter: string,
  ) {
    this.ids = references.map(() => []);
  }

  /** The cells of a row read from the quote-free line text[start, end): what the reader gave for it. */
  cellsOf(text: string, start: number, end: number): string[] {
    return quoteFreeLineCells(text, start, end, this.delimiter);
  }

  /** The id the `r`th reference column resolved to on the row being kept (undefined: none). */
  keepId(r: number, id: number | undefined): void {
    this.ids[r]!.push(id);
  }

  /** The values of the `index`th kept row, whose cells are `cells`. */
  valuesOf(index: number, cells: readonly string[]): Record<string, RowValue> {
    const values: Record<string, RowValue> = {};
    for (const plan of this.plans) {
      const value = cellValue(plan, plan.pick === null ? cells[plan.index] : plan.pick(cells));
      if (value !== undefined) values[plan.key] = value;
    }
    if (this.names) fillNames(this.names, values);
    this.references.forEach((plan, r) => {
      const id = this.ids[r]![index];
      if (id !== undefined) values[plan.field.reference!.idField] = id;
    });
    return values;
  }
}

/** A cell's value as the row loop finds it: none when empty or invalid. */
function cellValue(plan: ColumnPlan, raw: string | undefined): RowValue | undefined {
  if (raw === undefined || raw === '') return undefined;
  const text = needsTrim(raw) ? raw.trim() : raw;
  if (text === '') return undefined;
  if (plan.asIs || (plan.keep !== null && plan.keep(text))) return text;
  const result = plan.normalize(text);
  return result.ok ? result.value : undefined;
}

/**
 * The first and last name a full name gives, for the parts the fill stands in for, and whether it had both
 * (a guess worth a notice); null when it gives none.
 */
export function namesFrom(fill: NameFill, fullName: RowValue | undefined): { first?: string; last?: string; split: boolean } | null {
  if (typeof fullName !== 'string') return null;
  const { first, last } = splitFullName(fullName);
  const parts: { first?: string; last?: string; split: boolean } = { split: first !== '' && last !== '' };
  if (fill.first && first) parts.first = first;
  if (fill.last && last) parts.last = last;
  return parts.first === undefined && parts.last === undefined ? null : parts;
}

function fillNames(fill: NameFill, values: Record<string, RowValue>): void {
  const parts = namesFrom(fill, values[fill.fullName]);
  if (parts?.first !== undefined) values[NAME_PARTS.first] = parts.first;
  if (parts?.last !== undefined) values[NAME_PARTS.last] = parts.last;
}

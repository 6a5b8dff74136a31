// The report's rows. A row's values are built from its cells on first read (see row-values.ts) and kept from then
// on, so code that reads or changes `row.values` sees one object, as with a plain row; so are the cells of a row
// read from a line without quotes. A plain copy of a row (for JSON, for postMessage, for spreading) must name
// `values` and `cells`: `plainRow` and `plainReport` do.
import type { RowValueStore } from './row-values.ts';
import type { Issue, RowValue, ValidatedRow, ValidationReport } from './types.ts';

/** The issues of a row that has none: shared, and frozen so a push onto it fails loudly instead of leaking. */
export const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/**
 * A checked row. One class for every check (a class made per check would give each check's rows their own shape,
 * and code reading the rows of several reports would slow down). A row read from a line without quotes keeps
 * that line (the text it lies in, and where) rather than its cells, and makes them again when first read: a
 * 100,000-row check then holds no million cell strings. What it needs for that, and for its values, is kept in
 * private fields, which no copy, comparison or JSON of the row sees.
 */
export class CheckedRow implements ValidatedRow {
  readonly row: number;
  issues: readonly Issue[];
  status: ValidatedRow['status'] = 'valid';
  #cells: string[] | undefined;
  readonly #text: string | undefined;
  readonly #start: number;
  readonly #end: number;
  #built: Record<string, RowValue> | undefined = undefined;
  readonly #store: RowValueStore;
  readonly #index: number;

  /** Either `cells`, or the quote-free line `text[start, end)` they were read from. */
  constructor(
    row: number, cells: string[] | undefined, text: string | undefined, start: number, end: number,
    issues: readonly Issue[], store: RowValueStore, index: number,
  ) {
    this.row = row;
    this.issues = issues;
    this.#cells = cells;
    this.#text = text;
    this.#start = start;
    this.#end = end;
    this.#store = store;
    this.#index = index;
  }

  get cells(): string[] {
    return (this.#cells ??= this.#store.cellsOf(this.#text!, this.#start, this.#end));
  }

  get values(): Record<string, RowValue> {
    return (this.#built ??= this.#store.valuesOf(this.#index, this.cells));
  }

  set values(values: Record<string, RowValue>) {
    this.#built = values;
  }

  toJSON(): ValidatedRow {
    return plainRow(this);
  }
}

/** The row as a plain object: its own values, issues and cells. */
export function plainRow(row: ValidatedRow): ValidatedRow {
  return { row: row.row, status: row.status, values: row.values, issues: row.issues, cells: row.cells };
}

/** The report with plain rows: for structured clone (a worker's postMessage), which copies no getters. */
export function plainReport(report: ValidationReport): ValidationReport {
  return { ...report, rows: report.rows.map(plainRow) };
}

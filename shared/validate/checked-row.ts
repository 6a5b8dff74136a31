// The report's rows. A row's values are built from its cells on first read (see row-values.ts) and kept from then
// on, so code that reads or changes `row.values` sees one object, as with a plain row. A plain copy of a row (for
// JSON, for postMessage, for spreading) must name `values`: `plainRow` and `plainReport` do.
import type { RowValueStore } from './row-values.ts';
import type { Issue, RowValue, ValidatedRow, ValidationReport } from './types.ts';

/** The issues of a row that has none: shared, and frozen so a push onto it fails loudly instead of leaking. */
export const NO_ISSUES: readonly Issue[] = Object.freeze([]);

export interface CheckedRowClass {
  new (row: number, cells: string[], issues: readonly Issue[], index: number): ValidatedRow;
}

/** The row class of one check: its rows read their values from `store`. */
export function checkedRowClass(store: RowValueStore): CheckedRowClass {
  return class CheckedRow implements ValidatedRow {
    status: ValidatedRow['status'] = 'valid';
    private built: Record<string, RowValue> | undefined = undefined;

    constructor(readonly row: number, readonly cells: string[], public issues: readonly Issue[], private readonly index: number) {}

    get values(): Record<string, RowValue> {
      return (this.built ??= store.valuesOf(this.index, this.cells));
    }

    set values(values: Record<string, RowValue>) {
      this.built = values;
    }

    toJSON(): ValidatedRow {
      return plainRow(this);
    }
  };
}

/** The row as a plain object: its own values, issues and cells. */
export function plainRow(row: ValidatedRow): ValidatedRow {
  return { row: row.row, status: row.status, values: row.values, issues: row.issues, cells: row.cells };
}

/** The report with plain rows: for structured clone (a worker's postMessage), which copies no getters. */
export function plainReport(report: ValidationReport): ValidationReport {
  return { ...report, rows: report.rows.map(plainRow) };
}

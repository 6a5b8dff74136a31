// The stable --json shape of `pivor-csv check`. Scripts depend on it: add keys, never rename or remove.
import { fieldColumns } from '../shared/map/index.ts';
import type { Issue, ValidationReport } from '../shared/validate/index.ts';

export interface CheckJson {
  resource: string;
  encoding: string;
  delimiter: string;
  /** Rows read, including rows the reader had to skip. */
  records: number;
  /** Rows that can be sent: no errors (they may carry warnings). */
  valid: number;
  /** Each header → the field it fills, or null. */
  mapping: Record<string, string | null>;
  issues: Pick<Issue, 'row' | 'column' | 'field' | 'severity' | 'code' | 'message'>[];
  /** Each field filled → the headers it reads, in file order: more than one when its value can come from several
   *  columns (a Home address for a row without a Business one, a phone by its label, a due time). */
  fields: Record<string, string[]>;
}

export function reportJson(report: ValidationReport): CheckJson {
  const mapping: Record<string, string | null> = {};
  for (const c of report.mapping.columns) {
    // with two columns of one name, the one that fills a field is the one to show
    if (!(c.header in mapping) || c.field !== null) mapping[c.header] = c.field;
  }
  return {
    resource: report.resource,
    encoding: report.encoding,
    delimiter: report.delimiter,
    records: report.counts.records,
    valid: report.counts.records - report.counts.errors,
    mapping,
    issues: report.issues.map(({ row, column, field, severity, code, message }) => ({ row, column, field, severity, code, message })),
    fields: Object.fromEntries(Object.entries(fieldColumns(report.mapping)).map(([field, columns]) => [field, columns.map((c) => report.mapping.columns[c]!.header)])),
  };
}

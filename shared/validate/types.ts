// The validation report: per row, the normalized values and every issue, with the user's row numbers and headers.
// Front ends, the planner and the push engine code against these types.
import type { CsvEncoding, Delimiter } from '../csv/index.ts';
import type { HeaderMapping, UserMapping } from '../map/index.ts';
import type { NormalizeOptions } from '../normalize/index.ts';
import type { ResourceName } from '../resources/index.ts';

/** 'error': not sent; 'warning': sent, but look; 'info': a normalization, shown on its cell (see levels.ts). */
export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  /** Spreadsheet row (header = 1). */
  row: number;
  /** The column's header as the file spells it, or null for row- and file-level issues. */
  column: string | null;
  /** The field key concerned, or null. */
  field: string | null;
  severity: Severity;
  code: string;
  /** A full sentence: `Row 4: "not-an-email" is not a valid email address (column email).` */
  message: string;
}

export type RowValue = string | number | boolean | null;

export interface ValidatedRow {
  row: number;
  /** 'error': not sent; 'warning': sent, with warnings; 'valid': sent, with at most infos (normalizations). */
  status: 'valid' | 'warning' | 'error';
  /**
   * Normalized values by field key: booleans as boolean, numbers as number, dates as ISO 8601 UTC instants,
   * enums in Pivor's spelling, references as names plus the resolved id in the reference's idField when
   * references were given. Empty cells are absent; full_name also fills first_name/last_name.
   * On a checked report's rows it is built from the cells on first read and kept, so a 100,000-row check makes
   * none; it is a getter there, so copy a row with plainRow (or a report with plainReport), not by spreading it.
   */
  values: Record<string, RowValue>;
  /** Replace rather than push: rows without issues share one frozen empty list. */
  issues: readonly Issue[];
  /**
   * The record's cells as read (empty for rows the reader rejected). On a checked report's rows read from a line
   * without quotes, a getter that makes them again from the line on first read: copy a row with plainRow.
   */
  cells: string[];
}

export interface ValidationReport {
  resource: ResourceName;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  headers: string[];
  mapping: HeaderMapping;
  /** Every record, and every row the reader rejected, in row order. */
  rows: ValidatedRow[];
  /** Every issue: file-level ones (row 1) and all rows', in row order. */
  issues: Issue[];
  /** Rows by status (valid rows may carry infos). */
  counts: { records: number; valid: number; warnings: number; errors: number };
}

export interface ClientReference { id: number; name: string; trading_name?: string | null }
export interface ContactReference { id: number; first_name: string; last_name: string; client_id?: number | null }

/** Records already in Pivor, for resolving names to ids. A list left out is not checked. */
export interface References {
  clients?: readonly ClientReference[];
  contacts?: readonly ContactReference[];
}

export interface ValidateOptions extends NormalizeOptions {
  references?: References;
  userMapping?: UserMapping;
  /**
   * Send contacts whose first or last name starts with a character outside ASCII, which Pivor saves but then fails on
   * (see ascii-initial.ts): the user's explicit choice. Without it such rows are errors, held back.
   */
  sendNonAsciiInitials?: boolean;
}

// Values between Pivor records and sheet cells. Records become typed cells: numbers, true/false for
// checkboxes, Date objects for date cells (shown in the spreadsheet's time zone), text for the rest.
// Cells become the strings the core validates: dates as ISO instants, booleans as true/false.
// Text from the server is never evaluated: text columns are plain-text formatted before values land,
// and any string put in another kind of cell gets a leading apostrophe (Sheets keeps it as text and
// drops the apostrophe), so "=IMPORTXML(…)" stays a string.
import { recordToExportRow } from '../shared/export/export-row.ts';
import { readPath } from '../shared/export/read-path.ts';
import type { SheetColumn, SheetLayout } from './sheet-columns.ts';

export type Cell = string | number | boolean | Date;

/** A cell holds at most 50,000 characters. */
export const MAX_CELL_CHARS = 50_000;
export const TRUNCATION_MARK = ' […]';

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The text of a value too long for a cell, as the cell shows it. */
export function truncateForCell(text: string): string {
  return text.length <= MAX_CELL_CHARS ? text : text.slice(0, MAX_CELL_CHARS - TRUNCATION_MARK.length) + TRUNCATION_MARK;
}

/** A string for a cell that is not plain-text formatted: forced to stay text. */
function asText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

function toDate(value: unknown): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function cellFor(column: SheetColumn, exported: string, record: Record<string, unknown>): Cell {
  switch (column.kind) {
    case 'id':
      return typeof record.id === 'number' ? record.id : asText(exported);
    case 'timestamp':
    case 'date': {
      const raw = readPath(record, column.field.readPath ?? column.field.apiName ?? column.field.key);
      return toDate(raw) ?? asText(exported);
    }
    case 'checkbox':
      return exported === 'yes' ? true : exported === 'no' ? false : '';
    case 'number': {
      if (exported.trim() === '') return '';
      const n = Number(exported);
      return Number.isFinite(n) ? n : asText(exported);
    }
    default:
      // Plain-text cells: written as they are, never parsed.
      return truncateForCell(exported);
  }
}

/** One API record → one sheet row (data columns only, without the status column). */
export function recordToCells(layout: SheetLayout, record: Record<string, unknown>): Cell[] {
  const exported = recordToExportRow(layout.resource, record);
  return layout.columns.map((column, i) => cellFor(column, exported[i] ?? '', record));
}

/** One cell → the string the core reads, the way a CSV would carry it. */
export function cellToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value);
}

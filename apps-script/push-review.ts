// What the review shows before anything is sent: each row that will change, with its fields old → new,
// each row that will be created, and the new rows held back as look-alikes of records already in Pivor
// (to create anyway if the person ticks them), so a person can check them (and go to the row) rather
// than trust a count. Capped, so a review of thousands of edits stays a small answer.
import type { PivorRecord } from '../shared/api/index.ts';
import { recordTitle } from '../shared/push/look-alikes.ts';
import { heldRowsWarning } from '../shared/push/plan-changes.ts';
import type { FieldChange } from '../shared/push/types.ts';
import { getResource, type ResourceName } from '../shared/resources/index.ts';
import { rowKey, type SheetPlan } from './sheet-plan.ts';

/** Rows listed in a review; the rest are counted. */
export const REVIEW_ROWS = 200;

export interface ReviewField { column: string; from: string; to: string }

export interface ReviewRow {
  row: number;
  kind: 'create' | 'update';
  /** The record's name as a person knows it (a contact's first and last name, a client's name, a subject). */
  name: string;
  fields: ReviewField[];
}

function nameOf(resource: ResourceName, values: Record<string, unknown> | undefined): string {
  return values ? recordTitle(resource, values) : '';
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function fields(changes: FieldChange[], columns: Record<string, string>): ReviewField[] {
  return changes.map((c) => ({ column: columns[c.field] ?? c.field, from: shown(c.from), to: shown(c.to) }));
}

/** A new row held back because it looks like a record already in Pivor (or an earlier row): created only if ticked. */
export interface LookAlikeRow {
  row: number;
  name: string;
  /** "already in Pivor (probably contact 12)", "like row 40 of this file, which creates it". */
  reason: string;
  /** The row's content when reviewed: the choice to create it holds only while the row still holds that. */
  key: string;
}

/** The plan's warnings, less the summary of held look-alike rows: the review lists those rows itself. */
export function reviewWarnings(sp: SheetPlan): string[] {
  const held = heldRowsWarning(getResource(sp.layout.resource), sp.plan.actions);
  return sp.plan.warnings.filter((w) => w !== held);
}

export function lookAlikeRows(sp: SheetPlan): { rows: LookAlikeRow[]; more: number } {
  const held = sp.plan.actions.filter((a): a is Extract<typeof a, { kind: 'duplicate' }> => a.kind === 'duplicate');
  const cells = new Map(sp.report.rows.map((r) => [r.row, r.cells]));
  const rows = held.slice(0, REVIEW_ROWS).map((a) => ({
    row: a.row, name: nameOf(sp.layout.resource, a.body), reason: a.reason, key: rowKey(cells.get(a.row) ?? []),
  }));
  return { rows, more: held.length - rows.length };
}

export function reviewRows(sp: SheetPlan): { rows: ReviewRow[]; more: number } {
  const rows: ReviewRow[] = [];
  let more = 0;
  const resource = sp.layout.resource;
  for (const action of sp.plan.actions) {
    if (action.kind !== 'create' && action.kind !== 'update') continue;
    if (rows.length >= REVIEW_ROWS) {
      more += 1;
      continue;
    }
    if (action.kind === 'create') {
      rows.push({ row: action.row, kind: 'create', name: nameOf(resource, action.body), fields: [] });
    } else {
      const pulled: PivorRecord | undefined = sp.snapshot.get(action.id);
      rows.push({ row: action.row, kind: 'update', name: nameOf(resource, pulled), fields: fields(action.changes, sp.plan.columns) });
    }
  }
  return { rows, more };
}

/** "Go to row": the sheet comes to the front with the row selected. */
export function goToRow(sheetId: number, row: number): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets().find((s) => s.getSheetId() === sheetId);
  if (!sheet || !Number.isInteger(row) || row < 2 || row > sheet.getMaxRows()) return;
  sheet.activate();
  sheet.getRange(row, 1, 1, Math.max(1, sheet.getLastColumn())).activate();
}

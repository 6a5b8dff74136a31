// What a push of a sheet would do: the sheet read as a table, validated by the core, and diffed against
// the snapshot of the last pull (planChanges with the snapshot as baseline, rows matched by id, rows
// missing from the sheet planned as deletes). Only cells changed since the pull count for a pulled row:
// a cell left as pulled is neither judged nor sent (Pivor's own "archived" or "normal" values stay
// untouched), and a cell emptied since the pull clears the field.
import type { PivorClient, PivorRecord } from '../shared/api/index.ts';
import type { CsvTable } from '../shared/csv/index.ts';
import { planChanges } from '../shared/push/plan-changes.ts';
import type { Plan, RowChoice } from '../shared/push/types.ts';
import type { FieldSpec } from '../shared/resources/index.ts';
import { statusOf, validateTable, type References, type RowValue, type ValidatedRow, type ValidationReport } from '../shared/validate/index.ts';
import { readPath } from '../shared/export/read-path.ts';
import { MAX_CELL_CHARS } from './cell-values.ts';
import { pulledCellTexts, sameCellText } from './sheet-held-values.ts';
import { STATUS_HEADER, type SheetColumn, type SheetLayout } from './sheet-columns.ts';
import { emptyLookups, lookUpNames } from './sheet-references.ts';
import { gridToTable, readGrid, type SheetGrid } from './sheet-table.ts';
import { readSnapshot } from './snapshot-sheet.ts';

export interface SheetPlan {
  layout: SheetLayout;
  grid: SheetGrid;
  report: ValidationReport;
  plan: Plan;
  snapshot: Map<number, PivorRecord>;
  /** Sheet columns of the table, in table order. */
  columns: SheetColumn[];
  /** The clients and contacts names were resolved against (for the records a push writes back). */
  references: References;
}

export function snapshotName(sheetName: string): string {
  return `_pivor_snapshot_${sheetName}`;
}

/** The pulled record a row stands for, by its id cell. */
function baselineOf(cells: string[], idIndex: number, snapshot: Map<number, PivorRecord>): PivorRecord | undefined {
  const raw = cells[idIndex]?.trim() ?? '';
  return /^\d+$/.test(raw) ? snapshot.get(Number(raw)) : undefined;
}

/** A sheet row standing for a pulled record: the record, and per table column whether the cell still holds what was pulled. */
export interface PulledRow { record: PivorRecord; same: boolean[] }

/** Each row of the table that stands for a record of the snapshot (by its id cell), compared with it. */
export function compareWithPull(
  table: CsvTable, columns: SheetColumn[], layout: SheetLayout, snapshot: Map<number, PivorRecord>,
): Map<number, PulledRow> {
  const idIndex = columns.findIndex((c) => c.kind === 'id');
  const layoutIndex = new Map(layout.columns.map((c, i) => [c.field.key, i]));
  const pulled = new Map<number, PulledRow>();
  for (const row of table.records) {
    const record = baselineOf(row.cells, idIndex, snapshot);
    if (!record) continue;
    const cells = pulledCellTexts(layout, record);
    pulled.set(row.row, { record, same: columns.map((c, i) => sameCellText(c.kind, cells[layoutIndex.get(c.field.key)!]!, row.cells[i] ?? '')) });
  }
  return pulled;
}

/** A row the user chose to create although it looks like a record already in Pivor: its number, and its content then. */
export interface CreateAnyway { row: number; key: string }

/** A row's content in a few characters: a choice made for a row applies only while the row still holds it. */
export function rowKey(cells: readonly string[]): string {
  const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, cells.join('\u0001'), Utilities.Charset.UTF_8);
  return Utilities.base64Encode(digest);
}

/** The rows chosen to create anyway that still hold what they held when chosen, as the planner's answers. */
function createChoices(table: CsvTable, chosen: readonly CreateAnyway[]): Record<number, RowChoice> {
  const wanted = new Map(chosen.map((c) => [c.row, c.key]));
  const choices: Record<number, RowChoice> = {};
  for (const record of table.records) {
    if (wanted.get(record.row) === rowKey(record.cells)) choices[record.row] = { record: 'create' };
  }
  return choices;
}

export interface PlanSheetOptions {
  /** The user chose to send contact names Pivor fails on (shared/validate/ascii-initial.ts). */
  sendNonAsciiNames?: boolean;
  /** Rows held back as look-alikes of records in Pivor that the user chose to create anyway. */
  createAnyway?: readonly CreateAnyway[];
}

export async function planSheet(
  client: PivorClient, sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: SheetLayout, options: PlanSheetOptions = {},
): Promise<SheetPlan> {
  const ss = sheet.getParent();
  const grid = readGrid(sheet, layout);
  const { table, columns } = gridToTable(grid, layout);
  const snapshot = readSnapshot(ss.getSheetByName(snapshotName(sheet.getName())));

  // Which table cells still hold what was pulled. Names needing Pivor: new or changed ones.
  const unchanged = compareWithPull(table, columns, layout, snapshot);
  const names = emptyLookups();
  for (const record of table.records) {
    const same = unchanged.get(record.row)?.same;
    columns.forEach((c, i) => {
      const target = c.field.reference?.resource;
      const name = record.cells[i]?.trim() ?? '';
      if (target && name !== '' && !same?.[i] && (target === 'clients' || target === 'contacts')) names[target].add(name);
    });
  }

  const references = await lookUpNames(client, layout.spec, names);
  const report = validateTable(layout.spec, table, {
    references,
    timeZone: ss.getSpreadsheetTimeZone(),
    userMapping: { [STATUS_HEADER]: null },
    ...(options.sendNonAsciiNames ? { sendNonAsciiInitials: true } : {}),
  });
  for (const row of report.rows) {
    const pulled = unchanged.get(row.row);
    if (pulled) keepPulledCells(row, columns, pulled.same, pulled.record);
  }
  const choices = options.createAnyway?.length ? createChoices(table, options.createAnyway) : {};
  const plan = planChanges(report, [...snapshot.values()], { matchBy: 'id', deleteMissing: true, emptyCells: 'clear', choices });
  return { layout, grid, report, plan, snapshot, columns, references };
}

/**
 * For a pulled row: a cell left as pulled takes the record's own value (so it compares equal, and is not
 * judged: Pivor's "archived" stays), without issues; an emptied checkbox says false. Cells emptied since
 * the pull stay absent: the planner (emptyCells 'clear') clears those fields. updated_at is ours to keep:
 * conflicts are checked against Pivor itself before sending. Then the row's status is recomputed.
 */
function keepPulledCells(row: ValidatedRow, columns: SheetColumn[], same: boolean[], record: PivorRecord): void {
  const dropped = new Set<string>();
  columns.forEach((column, i) => {
    const field = column.field;
    if (column.readOnly) return;
    if (same[i]) {
      dropped.add(field.key);
      if (field.reference) {
        row.values[field.reference.idField] = asRowValue(record[field.reference.idField]);
      } else if (isWritable(field)) {
        row.values[field.key] = asRowValue(readPath(record, field.readPath ?? field.apiName ?? field.key));
      }
      return;
    }
    // An unticked box reads as empty: it says false, not "no value".
    if (column.kind === 'checkbox' && (row.cells[i] ?? '').trim() === '') row.values[field.key] = false;
    // The cell showed a shortened text: sending the edit would cut the rest off in Pivor.
    const full = readPath(record, field.readPath ?? field.apiName ?? field.key);
    if (typeof full === 'string' && full.length > MAX_CELL_CHARS) {
      row.issues = [...row.issues, {
        row: row.row, column: column.header, field: field.key, severity: 'error', code: 'too-long-for-a-cell',
        message: `Row ${row.row}: this ${full.length.toLocaleString('en-US')}-character text is longer than a cell holds, so the sheet shows it shortened; edit it in Pivor, or put back the pulled text (column ${column.header}).`,
      }];
    }
  });
  row.values.updated_at = asRowValue(record.updated_at);
  row.issues = row.issues.filter((issue) => issue.field === null || !dropped.has(issue.field));
  row.status = statusOf(row.issues);
}

function asRowValue(value: unknown): RowValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

function isWritable(field: FieldSpec): boolean {
  return field.apiName !== null;
}

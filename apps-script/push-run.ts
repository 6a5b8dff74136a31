// Push: the sheet's changes to Pivor in slices the sidebar drives. pushPrepare plans and shows (marks,
// statuses, the deletes to confirm) without writing anything to Pivor. Each pushSlice plans again from
// the sheet and the snapshot (work done by earlier slices has left ids and snapshot rows, so it is not
// planned twice), checks the records about to be updated or deleted for conflicts, and sends up to
// OPS_PER_SLICE changes through the core's executePlan, one fetchAll per batch. After every batch the
// new ids and updated_at values go into their rows and the snapshot, so a push stopped at any point and
// run again creates nothing twice; the journal covers a batch whose answers never came back.
import type { PivorRecord } from '../shared/api/index.ts';
import { executePlan } from '../shared/push/execute-plan.ts';
import { countActions } from '../shared/push/plan-changes.ts';
import { RefusedValues, type RefusedEntry } from '../shared/push/server-refusals.ts';
import type { PlannedAction, RowResult } from '../shared/push/types.ts';
import type { ResourceName } from '../shared/resources/index.ts';
import { NON_ASCII_INITIAL } from '../shared/validate/index.ts';
import { cellToText, type Cell } from './cell-values.ts';
import { checkConflicts, type Conflict } from './conflict-check.ts';
import { defaultCells } from './default-cells.ts';
import { documentJournalStore } from './journal-store.ts';
import { holdSheetForPush, newPushToken, releaseSheetAfterPush } from './push-lock.ts';
import { signedInClient } from './pivor-session.ts';
import { UserError } from './rpc-result.ts';
import { sheetLayout, type SheetLayout } from './sheet-columns.ts';
import { markCells, writeStatuses, type CellMark } from './sheet-marks.ts';
import { planSheet, snapshotName, type CreateAnyway, type SheetPlan } from './sheet-plan.ts';
import { sheetInfo } from './sheet-registry.ts';
import { carryHeld } from './sheet-held-values.ts';
import { lookAlikeRows, reviewRows, reviewWarnings, type LookAlikeRow, type ReviewRow } from './push-review.ts';
import type { SheetGrid } from './sheet-table.ts';
import { compactSnapshot, openSnapshot, SnapshotWriter } from './snapshot-sheet.ts';

/** Requests per fetchAll. */
export const BATCH = 25;
/** Changes sent per slice: 20 batches, well under a minute in Apps Script. */
export const OPS_PER_SLICE = 500;

export interface PushCounts { created: number; updated: number; deleted: number; failed: number; conflicts: number }

/** The state of a push between slices; the sidebar holds it and hands it back. */
export interface PushRun {
  /** This push's execution token: its steps hold the sheet, no other push can. */
  token: string;
  resource: ResourceName;
  sheetId: number;
  sheetName: string;
  /** Deletes the user confirmed (record ids). */
  deleteIds: number[];
  /** Rows ("r12") and deletes ("d45") that failed or conflicted: not tried again in this run. */
  held: string[];
  conflicts: Conflict[];
  /** Cells Pivor refused in this run: kept marked while later slices mark validation errors. */
  marks: CellMark[];
  counts: PushCounts;
  /** Rows with errors at review time: not sent. */
  invalid: number;
  total: number;
  done: number;
  /** The user chose to send contact names Pivor cannot handle (a name starting outside ASCII). */
  sendNonAsciiNames?: boolean;
  /** Values Pivor's database refused in earlier slices (priority medium on MySQL): not sent again in this run. */
  refused?: RefusedEntry[];
  /** New rows held back as look-alikes of records in Pivor at review, and those the user ticked to create anyway. */
  lookAlikes?: number;
  createAnyway?: CreateAnyway[];
}

export interface PushSummary {
  run: PushRun;
  create: number;
  update: number;
  unchanged: number;
  errors: number;
  deletes: { id: number; label: string }[];
  /** Each row that will change or be created (the first REVIEW_ROWS), and how many more. */
  changes: ReviewRow[];
  moreChanges: number;
  warnings: string[];
  /** Rows with a contact name Pivor cannot handle: held back, or (when chosen) sent anyway. */
  nonAsciiNames: number;
  /** New rows that look like records already in Pivor: not created unless ticked (the first REVIEW_ROWS), and how many more. */
  lookAlikes: LookAlikeRow[];
  moreLookAlikes: number;
}

export interface PushProgress {
  run: PushRun;
  done: number;
  total: number;
  finished: boolean;
  stopped: string | null;
}

type Sendable = Extract<PlannedAction, { kind: 'create' | 'update' | 'delete' }>;

function findSheet(sheetId: number): { sheet: GoogleAppsScript.Spreadsheet.Sheet; layout: SheetLayout; resource: ResourceName; watermark: string | null } {
  const info = sheetInfo(sheetId);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets().find((s) => s.getSheetId() === sheetId) ?? null;
  if (!info || !sheet) throw new UserError('That sheet is gone or was not made by Pivor: pull or import again.');
  return { sheet, layout: sheetLayout(info.resource), resource: info.resource, watermark: info.watermark ?? null };
}

function validationMarks(sp: SheetPlan): CellMark[] {
  const marks: CellMark[] = [];
  for (const row of sp.report.rows) {
    for (const issue of row.issues) {
      if (issue.severity !== 'error' || issue.column === null) continue;
      marks.push({ row: row.row, column: issue.column, message: issue.message });
    }
  }
  return marks;
}

function describe(action: PlannedAction): string {
  switch (action.kind) {
    case 'create': return 'to create';
    case 'update': return `to update: ${action.changes.map((c) => c.field).join(', ')}`;
    case 'unchanged': return 'unchanged';
    case 'skip': return `error: ${action.reason}`;
    case 'duplicate': return `not pushed: ${action.reason}`;
    case 'delete': return '';
  }
}

/**
 * Plans and shows the push: marks invalid cells, writes what each row will do; sends nothing. The sidebar
 * that ran the last push of this sheet hands back its token (`resume`): a push Apps Script cut short goes
 * on from there at once, while any other window waits until that push ends. `sendNonAsciiNames`: the user
 * chose to send contact names Pivor cannot handle.
 */
export async function pushPrepare(sheetId: number, resume: string | null, sendNonAsciiNames = false): Promise<PushSummary> {
  const { sheet, layout, resource } = findSheet(sheetId);
  const token = resume ?? newPushToken();
  holdSheetForPush(sheetId, token, false);
  const sp = await planSheet(signedInClient(), sheet, layout, { sendNonAsciiNames });
  markCells(sp.grid, layout, validationMarks(sp));
  const statuses = new Map<number, string>();
  for (let row = 2; row <= sp.grid.rows.length + 1; row += 1) statuses.set(row, '');
  for (const action of sp.plan.actions) if (action.row !== null) statuses.set(action.row, describe(action));
  writeStatuses(sp.grid, statuses);
  const counts = sp.plan.counts;
  const deletes = sp.plan.actions.flatMap((a) => (a.kind === 'delete' ? [{ id: a.id, label: a.label }] : []));
  const review = reviewRows(sp);
  const lookAlikes = lookAlikeRows(sp);
  return {
    run: {
      token, resource, sheetId, sheetName: sheet.getName(), deleteIds: [], held: [], conflicts: [], marks: [],
      counts: { created: 0, updated: 0, deleted: 0, failed: 0, conflicts: 0 },
      invalid: counts.skip, total: counts.create + counts.update, done: 0, sendNonAsciiNames, lookAlikes: counts.duplicate,
    },
    create: counts.create,
    update: counts.update,
    unchanged: counts.unchanged,
    errors: counts.skip,
    deletes,
    changes: review.rows,
    moreChanges: review.more,
    warnings: reviewWarnings(sp),
    nonAsciiNames: sp.report.rows.filter((r) => r.issues.some((i) => i.code === NON_ASCII_INITIAL)).length,
    lookAlikes: lookAlikes.rows,
    moreLookAlikes: lookAlikes.more,
  };
}

/**
 * The user's answers at review: which deletes to carry out, which look-alike rows to create anyway (none of
 * either by default).
 */
export function confirmChoices(run: PushRun, ids: number[], createAnyway: CreateAnyway[]): PushRun {
  const deleteIds = [...new Set(ids.filter((id) => Number.isInteger(id)))];
  return { ...run, deleteIds, createAnyway, total: run.total + deleteIds.length + createAnyway.length };
}

/** What planning this push's steps takes from the user's choices. */
function choicesOf(run: PushRun): { sendNonAsciiNames: boolean; createAnyway: CreateAnyway[] } {
  return { sendNonAsciiNames: run.sendNonAsciiNames === true, createAnyway: run.createAnyway ?? [] };
}

/** One step of the push; the sheet is this person's until the push ends, stops, or fails. */
export async function pushSlice(run: PushRun): Promise<PushProgress> {
  holdSheetForPush(run.sheetId, run.token, true);
  try {
    const progress = await sendSlice(run);
    if (progress.finished || progress.stopped) releaseSheetAfterPush(run.sheetId, run.token);
    return progress;
  } catch (error) {
    releaseSheetAfterPush(run.sheetId, run.token);
    throw error;
  }
}

async function sendSlice(run: PushRun): Promise<PushProgress> {
  const { sheet, layout, watermark } = findSheet(run.sheetId);
  const client = signedInClient();
  const sp = await planSheet(client, sheet, layout, choicesOf(run));
  markCells(sp.grid, layout, [...validationMarks(sp), ...(run.marks ?? [])]);
  const held = new Set(run.held);
  const deleteIds = new Set(run.deleteIds);
  const sendable = sp.plan.actions.filter((a): a is Sendable =>
    a.kind === 'delete' ? deleteIds.has(a.id) && !held.has(`d${a.id}`) : (a.kind === 'create' || a.kind === 'update') && !held.has(`r${a.row}`));
  if (sendable.length === 0) return finish(run, sp, 'done');

  const chunk = sendable.slice(0, OPS_PER_SLICE);
  const next: PushRun = { ...run, held: [...run.held], conflicts: [...run.conflicts], marks: [...(run.marks ?? [])], counts: { ...run.counts } };
  const statuses = new Map<number, string>();
  const snapshotWriter = new SnapshotWriter(openSnapshot(sheet.getParent(), snapshotName(sheet.getName()), false));

  const checked = await checkConflicts(client, run.resource, chunk.filter((a): a is Extract<Sendable, { kind: 'update' | 'delete' }> => a.kind !== 'create'), sp.snapshot, watermark);
  const conflicted = new Set(checked.conflicts.map((c) => c.id));
  for (const conflict of checked.conflicts) {
    next.held.push(conflict.row === null ? `d${conflict.id}` : `r${conflict.row}`);
    next.conflicts.push(conflict);
    next.counts.conflicts += 1;
    if (conflict.row !== null) statuses.set(conflict.row, conflict.message);
  }
  if (checked.alreadyDeleted.length > 0) {
    snapshotWriter.append(checked.alreadyDeleted.map((id) => ({ id, record: null })));
    next.counts.deleted += checked.alreadyDeleted.length;
  }
  const gone = new Set(checked.alreadyDeleted);
  const toSend = chunk.filter((a) => (a.kind === 'create' ? true : !conflicted.has(a.id) && !(a.kind === 'delete' && gone.has(a.id))));
  next.done += chunk.length - toSend.length;

  const failureMarks: CellMark[] = [];
  const refused = RefusedValues.from(run.resource, run.refused ?? []);
  const result = await executePlan(client, { ...sp.plan, actions: toSend, counts: countActions(toSend) }, {
    refused,
    concurrency: BATCH,
    batchSize: BATCH,
    journal: documentJournalStore(),
    journalKey: journalKey(run.sheetId),
    onBatchDone: (results) => writeBack(sp, snapshotWriter, results),
  });
  next.refused = refused.entries();
  for (const r of result.results) {
    if (r.outcome === 'created') next.counts.created += 1;
    else if (r.outcome === 'updated') next.counts.updated += 1;
    else if (r.outcome === 'deleted') next.counts.deleted += 1;
    else if (r.outcome === 'failed') {
      next.counts.failed += 1;
      next.held.push(r.row === null ? `d${r.id}` : `r${r.row}`);
      if (r.row !== null && r.column) failureMarks.push({ row: r.row, column: r.column, message: r.message ?? 'refused by Pivor' });
    }
    if (r.outcome !== 'skipped') next.done += 1;
  }
  writeStatuses(sp.grid, statuses);
  if (failureMarks.length > 0) {
    next.marks.push(...failureMarks);
    markCells(sp.grid, layout, [...validationMarks(sp), ...next.marks]);
  }
  return { run: next, done: next.done, total: next.total, finished: false, stopped: result.stopped ?? null };
}

/** Stops a push between slices: rows not sent say so; the snapshot is tidied. */
export async function pushCancel(run: PushRun): Promise<PushProgress> {
  const { sheet, layout } = findSheet(run.sheetId);
  holdSheetForPush(run.sheetId, run.token, false);
  const sp = await planSheet(signedInClient(), sheet, layout, choicesOf(run));
  releaseSheetAfterPush(run.sheetId, run.token);
  return finish(run, sp, 'cancelled');
}

function journalKey(sheetId: number): string {
  return `pivor.journal.${sheetId}`;
}

function statusOf(r: RowResult): string {
  switch (r.outcome) {
    case 'created': return `created${r.id === undefined ? '' : ` (id ${r.id})`}${r.message ? `: ${r.message}` : ''}`;
    case 'updated': return 'updated';
    case 'deleted': return 'deleted';
    case 'unchanged': return 'unchanged';
    case 'failed': return `error: ${r.message ?? 'refused by Pivor'}`;
    case 'skipped': return `not pushed: ${r.message ?? 'stopped'}`;
  }
}

/** A row's data cells as text, without the columns a push writes: to see whether it moved. */
function contentKey(grid: SheetGrid, layout: SheetLayout, line: Cell[]): string {
  const skip = new Set(layout.columns.filter((c) => c.readOnly).map((c) => grid.columnOf.get(c.field.key)));
  return line.slice(0, grid.statusColumn - 1).map((v, i) => (skip.has(i + 1) ? '' : cellToText(v))).join('\u0001');
}

/** What a batch writes into a row: a created row's id and empty default cells (default-cells.ts), updated_at. */
interface RowWrite { id?: number; updatedAt?: Date; cells?: [number, Cell][] }

/**
 * After each batch: ids and updated_at into their rows, records into the snapshot, statuses. Rows are
 * checked first (one read): if the user moved rows meanwhile, each row is found again by its content.
 */
function writeBack(sp: SheetPlan, snapshot: SnapshotWriter, results: RowResult[]): void {
  const { grid, layout } = sp;
  const idCol = grid.columnOf.get('id')!;
  const updatedCol = grid.columnOf.get('updated_at');
  const entries: { id: number; record: PivorRecord | null }[] = [];
  const rowWrites = new Map<number, RowWrite>();
  const statuses = new Map<number, string>();
  for (const r of results) {
    if (r.outcome === 'deleted' && r.id !== undefined) entries.push({ id: r.id, record: null });
    if (r.row === null) continue;
    statuses.set(r.row, statusOf(r));
    if ((r.outcome === 'created' || r.outcome === 'updated') && r.id !== undefined) {
      const record = r.record;
      if (record) entries.push({ id: r.id, record: carryHeld(layout, sp.snapshot.get(r.id), withNames(record, sp)) });
      const at = typeof record?.updated_at === 'string' ? new Date(record.updated_at) : undefined;
      const cells = r.outcome === 'created' && record ? defaultCells(grid, layout, r.row, record) : [];
      rowWrites.set(r.row, {
        ...(r.outcome === 'created' ? { id: r.id } : {}), ...(at && !Number.isNaN(at.getTime()) ? { updatedAt: at } : {}), ...(cells.length ? { cells } : {}),
      });
    }
  }
  snapshot.append(entries);
  if (rowWrites.size > 0) {
    const rows = [...rowWrites.keys()];
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    const current = grid.sheet.getRange(first, 1, last - first + 1, grid.statusColumn).getValues() as Cell[][];
    // The whole span must be as read at the start of the slice, or the column writes could land on other rows.
    const unmoved = current.every((line, i) => {
      const before = grid.rows[first - 2 + i]!;
      return contentKey(grid, layout, line) === contentKey(grid, layout, before) && cellToText(line[idCol - 1]) === cellToText(before[idCol - 1]);
    });
    if (!unmoved) {
      relocate(sp, [...rowWrites].map(([row, write]) => ({ row, write, status: statuses.get(row) ?? '' })), statuses);
    } else {
      for (const [row, write] of rowWrites) {
        const line = grid.rows[row - 2]!;
        if (write.id !== undefined) line[idCol - 1] = write.id;
        if (write.updatedAt && updatedCol) line[updatedCol - 1] = write.updatedAt;
        for (const [col, value] of write.cells ?? []) line[col - 1] = value;
      }
      const span = (col: number): Cell[][] => grid.rows.slice(first - 2, last - 1).map((line) => [line[col - 1]!]);
      // Updates only change updated_at: the id column is written when the batch created rows.
      if ([...rowWrites.values()].some((w) => w.id !== undefined)) grid.sheet.getRange(first, idCol, last - first + 1, 1).setValues(span(idCol));
      if (updatedCol) grid.sheet.getRange(first, updatedCol, last - first + 1, 1).setValues(span(updatedCol));
      const defaulted = new Set([...rowWrites.values()].flatMap((w) => (w.cells ?? []).map(([col]) => col)));
      for (const col of defaulted) grid.sheet.getRange(first, col, last - first + 1, 1).setValues(span(col));
    }
  }
  writeStatuses(grid, statuses);
}

/**
 * A record as a list shows it: with its client (and contact) embedded, which a create or update answer
 * may leave out. Names come from the snapshot or the names just resolved, so the next push sees the
 * row's names as unchanged instead of looking them up again.
 */
function withNames(record: PivorRecord, sp: SheetPlan): PivorRecord {
  const out: PivorRecord = { ...record };
  const known = embeddedNames(sp);
  for (const [key, target] of [['client', 'clients'], ['contact', 'contacts']] as const) {
    const id = record[`${key}_id`];
    if (typeof id !== 'number' || (out[key] && typeof out[key] === 'object')) continue;
    const embedded = known[key].get(id) ?? (sp.references[target] as readonly { id: number }[] | undefined)?.find((r) => r.id === id);
    if (embedded) out[key] = embedded;
  }
  return out;
}

const namesCache = new WeakMap<SheetPlan, { client: Map<number, unknown>; contact: Map<number, unknown> }>();

/** The clients and contacts the snapshot's records embed, by id (computed once per plan). */
function embeddedNames(sp: SheetPlan): { client: Map<number, unknown>; contact: Map<number, unknown> } {
  let names = namesCache.get(sp);
  if (!names) {
    names = { client: new Map(), contact: new Map() };
    for (const r of sp.snapshot.values()) {
      for (const key of ['client', 'contact'] as const) {
        const e = r[key] as { id?: unknown } | null | undefined;
        if (e && typeof e.id === 'number') names[key].set(e.id, e);
      }
    }
    namesCache.set(sp, names);
  }
  return names;
}

/** Rows that moved during the batch: found again by content and written one by one (rare). */
function relocate(sp: SheetPlan, moved: { row: number; write: RowWrite; status: string }[], statuses: Map<number, string>): void {
  const { grid, layout } = sp;
  const lastRow = grid.sheet.getLastRow();
  const now = grid.sheet.getRange(1, 1, Math.max(lastRow, 1), grid.statusColumn).getValues() as Cell[][];
  for (const m of moved) {
    statuses.delete(m.row);
    const key = contentKey(grid, layout, grid.rows[m.row - 2]!);
    const matches = now.map((line, i) => (i > 0 && contentKey(grid, layout, line) === key ? i + 1 : 0)).filter((r) => r > 0);
    if (matches.length !== 1) {
      // Say it where it can be seen: the id is what prevents a second create.
      if (m.write.id !== undefined) SpreadsheetApp.getActiveSpreadsheet().toast(`A row moved during the push: enter id ${m.write.id} in the row it created.`, 'Pivor', 30);
      continue;
    }
    const row = matches[0]!;
    if (m.write.id !== undefined) grid.sheet.getRange(row, grid.columnOf.get('id')!).setValue(m.write.id);
    const updatedCol = grid.columnOf.get('updated_at');
    if (m.write.updatedAt && updatedCol) grid.sheet.getRange(row, updatedCol).setValue(m.write.updatedAt);
    for (const [col, value] of m.write.cells ?? []) grid.sheet.getRange(row, col).setValue(value);
    grid.sheet.getRange(row, grid.statusColumn).setValue(m.status);
  }
}

function finish(run: PushRun, sp: SheetPlan, how: 'done' | 'cancelled'): PushProgress {
  const snapshotSheet = sp.grid.sheet.getParent().getSheetByName(snapshotName(sp.grid.sheet.getName()));
  if (snapshotSheet) compactSnapshot(snapshotSheet);
  if (sp.plan.counts.create === 0) void documentJournalStore().clear(journalKey(run.sheetId));
  const statuses = new Map<number, string>();
  for (const action of sp.plan.actions) {
    if (action.row === null) continue;
    const current = String(sp.grid.rows[action.row - 2]?.[sp.grid.statusColumn - 1] ?? '');
    const pending = current === '' || current.startsWith('to ') || current === 'unchanged';
    if (action.kind === 'skip' && !current.startsWith('conflict')) statuses.set(action.row, describe(action));
    else if (pending && action.kind === 'unchanged') statuses.set(action.row, 'unchanged');
    else if (pending && how === 'cancelled' && (action.kind === 'create' || action.kind === 'update')) statuses.set(action.row, 'not pushed: cancelled');
  }
  writeStatuses(sp.grid, statuses);
  return { run, done: run.done, total: run.total, finished: true, stopped: how === 'cancelled' ? 'cancelled' : null };
}

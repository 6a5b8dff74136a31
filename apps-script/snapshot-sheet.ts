// The snapshot: what Pivor held when the sheet was pulled, one record a row in a hidden sheet
// (_pivor_snapshot_Contacts): id, updated_at and the record as JSON (split over further columns when
// longer than a cell holds). Push diffs the sheet against it, so only changed cells are sent, and
// compares its updated_at with the server's to find records changed by someone else since the pull.
// A push appends the records it wrote (later rows win) and tombstones for deletes, one write per batch;
// the snapshot is compacted when a push ends with most of its rows superseded.
import type { PivorRecord } from '../shared/api/index.ts';
import { TEXT_FORMAT } from './sheet-columns.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADERS = ['id', 'updated_at', 'record'];
const CHUNK = 45_000;
const TOMBSTONE = 'deleted';
const PROTECTION = 'Pivor: snapshot of the last pull (used by Push)';

export function openSnapshot(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, reset: boolean): Sheet {
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name, ss.getSheets().length);
    sheet.protect().setDescription(PROTECTION).setWarningOnly(true);
    reset = true;
  }
  if (reset) {
    sheet.clear();
    sheet.getRange(1, 1, sheet.getMaxRows(), 3).setNumberFormat(TEXT_FORMAT);
    sheet.getRange(1, 1, 1, 3).setValues([HEADERS]);
  }
  if (!sheet.isSheetHidden()) sheet.hideSheet();
  return sheet;
}

function encode(record: PivorRecord | null, id: number): string[] {
  if (!record) return [String(id), '', TOMBSTONE];
  const json = JSON.stringify(record);
  const cells = [String(record.id), typeof record.updated_at === 'string' ? record.updated_at : ''];
  for (let i = 0; i < json.length || i === 0; i += CHUNK) cells.push(json.slice(i, i + CHUNK));
  return cells;
}

/**
 * Appends to a snapshot, one write per call: where the next row is and how big the sheet is are read once,
 * so a push slice pays two calls per batch. Rows it adds are plain text like the rest.
 */
export class SnapshotWriter {
  private next: number;
  private maxRows: number;
  private maxColumns: number;

  constructor(private readonly sheet: Sheet) {
    this.next = sheet.getLastRow() + 1;
    this.maxRows = sheet.getMaxRows();
    this.maxColumns = sheet.getMaxColumns();
  }

  append(entries: { id: number; record: PivorRecord | null }[]): void {
    if (entries.length === 0) return;
    const rows = entries.map((e) => encode(e.record, e.id));
    const width = Math.max(...rows.map((r) => r.length));
    const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
    const last = this.next + padded.length - 1;
    if (last > this.maxRows) {
      const add = last - this.maxRows;
      this.sheet.insertRowsAfter(this.maxRows, add);
      // Plain text first: an id or a date string must not be turned into a number or a date.
      this.sheet.getRange(this.maxRows + 1, 1, add, Math.max(3, this.maxColumns)).setNumberFormat(TEXT_FORMAT);
      this.maxRows = last;
    }
    if (width > this.maxColumns) {
      this.sheet.insertColumnsAfter(this.maxColumns, width - this.maxColumns);
      this.maxColumns = width;
    }
    const range = this.sheet.getRange(this.next, 1, padded.length, width);
    // Only the first three columns are plain text from the start; a record split further needs it too.
    if (width > 3) range.setNumberFormat(TEXT_FORMAT);
    range.setValues(padded);
    this.next = last + 1;
  }
}

/** Appends records (null: the record was deleted) after the last row. */
export function appendSnapshot(sheet: Sheet, entries: { id: number; record: PivorRecord | null }[]): void {
  new SnapshotWriter(sheet).append(entries);
}

/** Every record of the snapshot by id (later rows win; deleted ones absent). */
export function readSnapshot(sheet: Sheet | null): Map<number, PivorRecord> {
  const records = new Map<number, PivorRecord>();
  if (!sheet) return records;
  const last = sheet.getLastRow();
  if (last < 2) return records;
  const values = sheet.getRange(2, 1, last - 1, sheet.getLastColumn()).getValues();
  for (const row of values) {
    const id = Number(row[0]);
    if (!Number.isInteger(id) || id <= 0) continue;
    const json = row.slice(2).map((c) => String(c ?? '')).join('');
    if (json === TOMBSTONE) {
      records.delete(id);
      continue;
    }
    try {
      records.set(id, JSON.parse(json) as PivorRecord);
    } catch {
      // A damaged row: the record counts as not pulled (its sheet row is then refused, not guessed).
      records.delete(id);
    }
  }
  return records;
}

/**
 * Rewrites the snapshot with one row per live record once most of its rows are superseded (rows a push
 * appended over, and tombstones). Rewriting after every push would cost a whole sheet of cells for a
 * one-row edit; letting it grow to twice its live size keeps the cost per appended row constant, and
 * reading it is the same either way since later rows win. Returns whether it rewrote.
 */
export function compactSnapshot(sheet: Sheet): boolean {
  const records = readSnapshot(sheet);
  const last = sheet.getLastRow();
  const superseded = last - 1 - records.size;
  if (superseded <= records.size) return false;
  sheet.getRange(2, 1, last - 1, sheet.getMaxColumns()).clearContent();
  appendSnapshot(sheet, [...records.values()].map((record) => ({ id: record.id, record })));
  return true;
}

// Pull: every record of a resource into its sheet, page by page, in slices the sidebar drives (each call
// fetches a few pages in one fetchAll and writes them in one setValues, far from Apps Script's 6-minute
// limit). The sheet is laid out first (formats before values, so nothing is parsed or evaluated), the
// snapshot sheet receives the same records for the diff at push time, and the last slice protects the
// read-only columns. A slice that fails writes nothing: the sidebar can run it again.
import type { PivorRecord } from '../shared/api/index.ts';
import { PivorError, readPages } from '../shared/api/index.ts';
import type { ResourceName } from '../shared/resources/index.ts';
import { recordToCells, type Cell } from './cell-values.ts';
import { signedInClient } from './pivor-session.ts';
import { sheetLayout, type SheetLayout } from './sheet-columns.ts';
import { ensureRows, protectReadOnlyColumns, resetResourceSheet } from './sheet-format.ts';
import { appendSnapshot, openSnapshot } from './snapshot-sheet.ts';
import { recordPull } from './sheet-registry.ts';
import { stampPulled } from './pull-stamp.ts';
import { heldMessage, readBack, type HeldChange } from './sheet-held-values.ts';

export const PER_PAGE = 100;
/** Pages fetched (in parallel) and written per slice: 2,000 rows, a few seconds in Apps Script. */
export const PAGES_PER_SLICE = 20;

/** The state of a pull between slices; the sidebar holds it and hands it back. */
export interface PullJob {
  resource: ResourceName;
  nextPage: number;
  lastPage: number;
  total: number;
  written: number;
  /** The newest updated_at in Pivor just before the pull began: push lists changes from here (null: none). */
  watermark: string | null;
  /** Cells Google Sheets changed as they were written, and the first of them (for the message). */
  held: number;
  heldExample?: HeldChange;
  /** Records left out because Pivor answers them only with a 500, one line each with how to fix them. */
  unreadable?: string[];
}

export interface PullProgress {
  job: PullJob;
  done: number;
  total: number;
  finished: boolean;
  warnings: string[];
}

function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

async function fetchPages(resource: ResourceName, pages: number[]): Promise<{ results: { data: PivorRecord[]; lastPage: number; total: number }[]; notices: string[] }> {
  // A page Pivor answers with a 500 is narrowed down: only the records it cannot answer are left out, named.
  const read = await readPages(signedInClient(), resource, pages, PER_PAGE);
  return { results: read.pages, notices: read.notices };
}

/** Writes the records, reads them back, and notes in each record what the sheet changed. */
function writeRecords(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: SheetLayout, job: PullJob, records: PivorRecord[]): PullJob {
  if (records.length === 0) return job;
  ensureRows(sheet, layout, job.written + records.length);
  const rows: Cell[][] = records.map((record) => [...recordToCells(layout, record), '']);
  sheet.getRange(2 + job.written, 1, rows.length, layout.statusIndex).setValues(rows);
  const changes = readBack(sheet, 2 + job.written, layout, rows, records);
  const heldExample = job.heldExample ?? changes[0];
  return { ...job, written: job.written + records.length, held: job.held + changes.length, ...(heldExample ? { heldExample } : {}) };
}

/** Read before any page, so every change made after the pages were read sorts at or above it. */
async function newestUpdate(resource: ResourceName): Promise<string | null> {
  const page = await signedInClient().listPage(resource, { page: 1, perPage: 1, sort: '-updated_at' }).catch((error: unknown) => {
    // The newest record is one Pivor answers only with a 500: no watermark, pushes check each record by id.
    if (error instanceof PivorError && error.kind === 'server') return null;
    throw error;
  });
  const at = page?.data[0]?.updated_at;
  return typeof at === 'string' ? at : null;
}

export async function pullStart(resource: ResourceName): Promise<PullProgress> {
  const layout = sheetLayout(resource);
  const watermark = await newestUpdate(resource);
  const { results: [first], notices } = await fetchPages(resource, [1]);
  const ss = spreadsheet();
  const sheet = resetResourceSheet(ss, layout);
  ensureRows(sheet, layout, first!.total, true);
  const snapshot = openSnapshot(ss, layout.snapshotName, true);
  const job = writeRecords(sheet, layout, { resource, nextPage: 2, lastPage: first!.lastPage, total: first!.total, written: 0, watermark, held: 0, unreadable: notices }, first!.data);
  appendSnapshot(snapshot, first!.data.map((record) => ({ id: record.id, record })));
  return job.nextPage > job.lastPage ? finish(job) : progress(job, false, []);
}

export async function pullSlice(job: PullJob): Promise<PullProgress> {
  const layout = sheetLayout(job.resource);
  const pages: number[] = [];
  for (let p = job.nextPage; p <= job.lastPage && pages.length < PAGES_PER_SLICE; p += 1) pages.push(p);
  const { results, notices } = await fetchPages(job.resource, pages);
  const records = results.flatMap((r) => r.data);
  const ss = spreadsheet();
  const sheet = ss.getSheetByName(layout.sheetName);
  const snapshot = ss.getSheetByName(layout.snapshotName);
  if (!sheet || !snapshot) throw new PivorError('cancelled', `The ${layout.sheetName} sheet was removed during the pull: pull again.`);
  const wrote = writeRecords(sheet, layout, job, records);
  appendSnapshot(snapshot, records.map((record) => ({ id: record.id, record })));
  const last = results[results.length - 1];
  const next: PullJob = {
    ...wrote,
    nextPage: job.nextPage + pages.length,
    lastPage: last ? Math.max(last.lastPage, job.nextPage + pages.length - 1) : job.lastPage,
    total: last?.total ?? job.total,
    unreadable: [...(job.unreadable ?? []), ...notices],
  };
  return next.nextPage > next.lastPage ? finish(next) : progress(next, false, []);
}

/** Last slice: drops rows seen twice (records that moved between pages), protects, remembers the pull. */
function finish(job: PullJob): PullProgress {
  const layout = sheetLayout(job.resource);
  const ss = spreadsheet();
  const sheet = ss.getSheetByName(layout.sheetName)!;
  const warnings: string[] = [];
  let written = job.written;
  if (written > 0) {
    const ids = sheet.getRange(2, 1, written, 1).getValues().map((r) => r[0]);
    const seen = new Set<unknown>();
    const duplicates: number[] = [];
    ids.forEach((id, i) => (seen.has(id) ? duplicates.push(i + 2) : seen.add(id)));
    // Bottom up, so the row numbers still to delete do not move.
    for (const row of duplicates.reverse()) sheet.deleteRow(row);
    written -= duplicates.length;
    if (written + (job.unreadable?.length ?? 0) < job.total) {
      warnings.push(`Pivor listed ${job.total} ${job.resource} but ${written} arrived: records may have been deleted during the pull. Pull again to be sure.`);
    }
  }
  const held = heldMessage(job.held ?? 0, job.heldExample);
  if (held) warnings.push(held);
  warnings.push(...(job.unreadable ?? []).map((notice) => notice.replace('export or pull again', 'pull again')));
  protectReadOnlyColumns(sheet, layout);
  sheet.activate();
  stampPulled(sheet, recordPull(job.resource, sheet.getSheetId(), written, job.watermark ?? null));
  return progress({ ...job, written }, true, warnings);
}

function progress(job: PullJob, finished: boolean, warnings: string[]): PullProgress {
  return { job, done: job.written, total: Math.max(job.total, job.written), finished, warnings };
}

// The functions the sidebar calls through google.script.run. Each returns an RpcResult (never a Date or
// anything JSON cannot carry) and takes plain JSON arguments, checked here: the sidebar is a web page.
import { isResourceName, type ResourceName } from '../shared/resources/index.ts';
import { currentUser, lastBaseUrl, signInWithPassword, signInWithToken, signOut as revokeAndForget } from './pivor-session.ts';
import { pullSlice as runPullSlice, pullStart as runPullStart, type PullJob } from './pull.ts';
import { confirmChoices, pushCancel as runPushCancel, pushPrepare as runPushPrepare, pushSlice as runPushSlice, type PushRun } from './push-run.ts';
import { importRecords } from './import-sheet.ts';
import { unpushedChanges } from './unpushed-changes.ts';
import { repullRows as runRepull } from './repull-rows.ts';
import { rpc, UserError } from './rpc-result.ts';
import type { CreateAnyway } from './sheet-plan.ts';
import { goToRow as showRow } from './push-review.ts';
import { registeredSheets } from './sheet-registry.ts';
import { isRefreshChoice, setRefresh as chooseRefresh } from './scheduled-refresh.ts';

function resourceArg(value: unknown): ResourceName {
  if (typeof value !== 'string' || !isResourceName(value)) throw new UserError(`Unknown resource: ${String(value)}`);
  return value;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UserError(`Enter ${what}.`);
  return value;
}

export function getSidebarState() {
  return rpc(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return {
      activeSheetId: ss.getActiveSheet().getSheetId(),
      user: currentUser(),
      lastBaseUrl: lastBaseUrl(),
      timeZone: ss.getSpreadsheetTimeZone(),
      sheets: registeredSheets(ss).map(({ sheetId, name, resource, pulledAt, rows, imported, refresh, refreshBy, refreshSkipped }) => ({
        sheetId, name, resource, pulledAt: pulledAt ?? null, rows: rows ?? null, imported: !!imported,
        refresh: refresh ?? 'off', refreshMine: refreshBy === Session.getTemporaryActiveUserKey(), refreshSkipped: refreshSkipped ?? null,
      })),
    };
  });
}

export function signIn(form: { baseUrl?: unknown; email?: unknown; password?: unknown; token?: unknown }) {
  return rpc(() => {
    const baseUrl = text(form?.baseUrl, "Pivor's address");
    if (typeof form.token === 'string' && form.token.trim() !== '') return signInWithToken(baseUrl, form.token);
    return signInWithPassword(baseUrl, text(form.email, 'your email'), text(form.password, 'your password'));
  }, false);
}

export function signOut() {
  return rpc(() => revokeAndForget());
}

/** Before a pull: the changes in the resource's sheet that were never pushed and a pull would replace (null: none). */
export function pullCheck(resource: unknown) {
  return rpc(() => unpushedChanges(resourceArg(resource)));
}

export function pullStart(resource: unknown) {
  return rpc(() => runPullStart(resourceArg(resource)));
}

export function pullSlice(job: PullJob) {
  return rpc(() => {
    resourceArg(job?.resource);
    return runPullSlice(job);
  });
}

function runArg(run: unknown): PushRun {
  const r = run as PushRun | null;
  if (!r || typeof r.sheetId !== 'number' || typeof r.token !== 'string' || r.token === '' || !Array.isArray(r.held) || !Array.isArray(r.deleteIds)) throw new UserError('This push is no longer valid: start it again.');
  resourceArg(r.resource);
  return r;
}

/**
 * What a push of the sheet would do (nothing is sent): counts, the deletes to confirm. `resume`: the token of this
 * sidebar's last push; `sendNonAsciiNames`: send contact names Pivor cannot handle anyway (the user's choice).
 */
export function pushPrepare(sheetId: unknown, resume?: unknown, sendNonAsciiNames?: unknown) {
  return rpc(() => {
    if (typeof sheetId !== 'number') throw new UserError('Choose a sheet to push.');
    return runPushPrepare(sheetId, typeof resume === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(resume) ? resume : null, sendNonAsciiNames === true);
  });
}

/**
 * Starts sending: with the ids of the deletes the user confirmed and the look-alike rows ({row, key} from the
 * review) the user chose to create anyway (empty lists: none).
 */
export function pushStart(run: unknown, deleteIds: unknown, createAnyway?: unknown) {
  return rpc(() => {
    const ids = Array.isArray(deleteIds) ? deleteIds.filter((id): id is number => typeof id === 'number') : [];
    return runPushSlice(confirmChoices(runArg(run), ids, createAnywayArg(createAnyway)));
  });
}

function createAnywayArg(value: unknown): CreateAnyway[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((c: { row?: unknown; key?: unknown } | null) =>
    (c && Number.isInteger(c.row) && typeof c.key === 'string' && c.key.length <= 64 ? [{ row: c.row as number, key: c.key }] : []));
}

/** "Go to row" in the review: the sheet with that row selected. */
export function goToRow(sheetId: unknown, row: unknown) {
  return rpc(() => {
    if (typeof sheetId !== 'number' || typeof row !== 'number') throw new UserError('Choose a row.');
    showRow(sheetId, row);
    return {};
  });
}

export function pushSlice(run: unknown) {
  return rpc(() => runPushSlice(runArg(run)));
}

export function pushCancel(run: unknown) {
  return rpc(() => runPushCancel(runArg(run)));
}

/** A CSV file read and mapped in the sidebar: its records into a new sheet, ready to push. */
export function importCsv(request: { resource?: unknown; fileName?: unknown; headers?: unknown; records?: unknown; userMapping?: unknown }) {
  return rpc(() => {
    const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((c) => typeof c === 'string');
    if (!strings(request?.headers) || !Array.isArray(request.records) || !request.records.every(strings)) {
      throw new UserError('The file could not be read: choose it again.');
    }
    const mapping = request.userMapping && typeof request.userMapping === 'object' ? (request.userMapping as Record<string, string | null>) : {};
    return importRecords({
      resource: resourceArg(request.resource),
      fileName: typeof request.fileName === 'string' ? request.fileName : 'the file',
      headers: request.headers,
      records: request.records,
      userMapping: mapping,
    });
  });
}

/** Scheduled refresh of a pulled sheet: 'off', 'hourly' or 'daily'; the person choosing runs it. */
export function setRefresh(sheetId: unknown, choice: unknown) {
  return rpc(() => {
    if (typeof sheetId !== 'number' || !isRefreshChoice(choice)) throw new UserError('Choose a sheet and how often to refresh it.');
    const info = chooseRefresh(sheetId, choice);
    return { refresh: info.refresh ?? 'off' };
  });
}

/** After conflicts: Pivor's current version of these records over their rows. */
export function repullRows(sheetId: unknown, ids: unknown) {
  return rpc(() => {
    if (typeof sheetId !== 'number' || !Array.isArray(ids)) throw new UserError('Choose the rows to re-pull.');
    return runRepull(sheetId, ids.filter((id): id is number => typeof id === 'number'));
  });
}

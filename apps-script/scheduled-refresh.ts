// Scheduled refresh: a pulled sheet can be pulled again every hour or every day by a time-driven trigger.
// Google lets an add-on hold one time-driven trigger per user per document, running at most hourly and
// always as the account that made it, so each person has one trigger (hourly if any of their sheets is
// hourly, else daily) and it refreshes only the sheets that person scheduled, with their Pivor sign-in.
// A refresh never replaces changes not pushed: such a sheet is skipped and marked (pull-stamp.ts).
import { PivorError } from '../shared/api/index.ts';
import type { ResourceName } from '../shared/resources/index.ts';
import { withDocumentLock } from './document-lock.ts';
import { pullSlice, pullStart, type PullProgress } from './pull.ts';
import { stampPulled, stampSkipped } from './pull-stamp.ts';
import { holdSheetForPush, newPushToken, releaseSheetAfterPush } from './push-lock.ts';
import { UserError } from './rpc-result.ts';
import { registeredSheets, registerSheet, sheetInfo, type RefreshChoice, type SheetInfo } from './sheet-registry.ts';
import { msLeftInStep } from './step-clock.ts';
import { unpushedChanges } from './unpushed-changes.ts';

/** The top-level function the trigger runs (main.ts exports it). */
export const REFRESH_HANDLER = 'scheduledRefresh';
const CHOICES: readonly RefreshChoice[] = ['off', 'hourly', 'daily'];
/** Due when the last pull is this old: a little under the period, since Google's clock triggers drift. */
const DUE_AFTER_MS: Record<'hourly' | 'daily', number> = { hourly: 50 * 60 * 1000, daily: 23 * 60 * 60 * 1000 };
/** A pull slice is given this much of the step at least; with less left, the refresh stops between slices. */
const SLICE_BUDGET_MS = 60_000;
const TRIGGER_KEY = 'pivor.refreshTrigger';

function me(): string {
  return Session.getTemporaryActiveUserKey();
}

export function isRefreshChoice(value: unknown): value is RefreshChoice {
  return typeof value === 'string' && (CHOICES as readonly string[]).includes(value);
}

/** The sidebar's choice for a pulled sheet; the person choosing runs it from now on. */
export function setRefresh(sheetId: number, choice: RefreshChoice): SheetInfo {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets().find((s) => s.getSheetId() === sheetId);
  const info = withDocumentLock(() => {
    const current = sheetInfo(sheetId);
    if (!sheet || !current) throw new UserError('That sheet is gone or was not made by Pivor: pull it again.');
    if (current.imported && !current.pulledAt) throw new UserError('An imported sheet has nothing to refresh: push it, then pull its resource.');
    const { refreshBy: _was, ...rest } = current;
    const next: SheetInfo = choice === 'off' ? { ...rest, refresh: 'off' } : { ...rest, refresh: choice, refreshBy: me() };
    registerSheet(sheetId, next);
    return next;
  });
  syncTrigger();
  if (!info.refreshSkipped) stampPulled(sheet!, info);
  return info;
}

/** What this person's trigger should be: hourly if any of their sheets is hourly, daily if any is daily. */
function wantedTrigger(): 'hourly' | 'daily' | null {
  const mine = registeredSheets(SpreadsheetApp.getActiveSpreadsheet()).filter((s) => s.refreshBy === me() && s.refresh && s.refresh !== 'off');
  if (mine.some((s) => s.refresh === 'hourly')) return 'hourly';
  return mine.length > 0 ? 'daily' : null;
}

/** Makes this person's trigger match their schedule: created, replaced or deleted (others' are not visible). */
export function syncTrigger(): void {
  const wanted = wantedTrigger();
  const user = PropertiesService.getUserProperties();
  const triggers = ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).filter((t) => t.getHandlerFunction() === REFRESH_HANDLER);
  const kept = JSON.parse(user.getProperty(TRIGGER_KEY) ?? 'null') as { id: string; every: string } | null;
  if (wanted && triggers.length === 1 && kept?.id === triggers[0]!.getUniqueId() && kept.every === wanted) return;
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  user.deleteProperty(TRIGGER_KEY);
  if (!wanted) return;
  const clock = ScriptApp.newTrigger(REFRESH_HANDLER).timeBased();
  const created = (wanted === 'hourly' ? clock.everyHours(1) : clock.everyDays(1).atHour(new Date().getUTCHours())).create();
  user.setProperty(TRIGGER_KEY, JSON.stringify({ id: created.getUniqueId(), every: wanted }));
}

export interface RefreshOutcome { sheet: string; outcome: 'pulled' | 'skipped' | 'not due'; detail: string }

/** The trigger's work: every sheet this person scheduled that is due, one after the other. */
export async function scheduledRefresh(_event?: unknown): Promise<RefreshOutcome[]> {
  // An editor add-on's trigger belongs to the document it was made in, which is the active one when it runs.
  const ss = SpreadsheetApp.getActiveSpreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet | null;
  if (!ss) {
    console.error('Scheduled refresh: Apps Script gave this run no spreadsheet; nothing was pulled.');
    return [];
  }
  const outcomes: RefreshOutcome[] = [];
  for (const entry of registeredSheets(ss)) {
    if (entry.refreshBy !== me() || !entry.refresh || entry.refresh === 'off') continue;
    if (!isDue(entry)) {
      outcomes.push({ sheet: entry.name, outcome: 'not due', detail: '' });
      continue;
    }
    outcomes.push(await refreshOne(entry));
  }
  // Someone else may have turned this person's schedules off since: the trigger follows.
  syncTrigger();
  return outcomes;
}

function isDue(info: SheetInfo): boolean {
  if (!info.pulledAt || info.refresh === 'off' || !info.refresh) return true;
  const last = Math.max(Date.parse(info.pulledAt), info.refreshSkipped ? Date.parse(info.refreshSkipped.at) : 0);
  return Date.now() - last >= DUE_AFTER_MS[info.refresh];
}

async function refreshOne(entry: SheetInfo & { sheetId: number; name: string }): Promise<RefreshOutcome> {
  // the sheet is held as a push holds it, so no push starts from rows being rewritten (and none is under way)
  const token = newPushToken();
  try {
    holdSheetForPush(entry.sheetId, token, true, 'refresh');
  } catch (error) {
    if (error instanceof UserError) return skip(entry, 'a push of this sheet was under way. The next refresh tries again.');
    throw error;
  }
  try {
    return await pullHeldSheet(entry, token);
  } finally {
    releaseSheetAfterPush(entry.sheetId, token);
  }
}

async function pullHeldSheet(entry: SheetInfo & { sheetId: number; name: string }, token: string): Promise<RefreshOutcome> {
  const reason = skipReason(entry);
  if (reason) return skip(entry, reason);
  try {
    const done = await pullWithinStep(entry.resource, () => holdSheetForPush(entry.sheetId, token, true, 'refresh'));
    if (!done.finished) return skip(entry, `the pull needed more time than Apps Script gives one run and stopped after ${done.done} of ${done.total} rows; the sheet holds those rows only. Pull it from the sidebar (Get from Pivor).`);
    return { sheet: entry.name, outcome: 'pulled', detail: `${done.done} rows` };
  } catch (error) {
    const message = error instanceof PivorError || error instanceof UserError ? error.message : String(error);
    const hint = error instanceof PivorError && error.kind === 'unauthenticated' ? ' Open the Pivor sidebar and sign in again.' : '';
    return skip(entry, `the pull failed: ${message}${hint}`);
  }
}

/** Why this sheet must not be pulled now, or null. */
function skipReason(entry: SheetInfo & { sheetId: number; name: string }): string | null {
  const changes = unpushedChanges(entry.resource);
  if (!changes) return null;
  const parts = [changes.edited && `${changes.edited} edited`, changes.added && `${changes.added} added`, changes.removed && `${changes.removed} removed`].filter(Boolean);
  return `the sheet has changes not pushed to Pivor (${parts.join(', ') || 'rows that cannot be compared'}), which a pull would replace. ` +
    'Send them to Pivor (Pivor › Push changes), or get the sheet from Pivor by hand to drop them; scheduled refreshes go on after that.';
}

function skip(entry: SheetInfo & { sheetId: number; name: string }, reason: string): RefreshOutcome {
  const info: SheetInfo = { ...(sheetInfo(entry.sheetId) ?? entry), refreshSkipped: { at: new Date().toISOString(), reason } };
  registerSheet(entry.sheetId, info);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets().find((s) => s.getSheetId() === entry.sheetId);
  if (sheet) stampSkipped(sheet, info, reason);
  return { sheet: entry.name, outcome: 'skipped', detail: reason };
}

/** A whole pull in this one run, slice after slice, while the step has time for another slice. */
async function pullWithinStep(resource: ResourceName, keepHolding: () => void): Promise<PullProgress> {
  let progress = await pullStart(resource);
  while (!progress.finished && msLeftInStep() > SLICE_BUDGET_MS) {
    keepHolding();
    progress = await pullSlice(progress.job);
  }
  return progress;
}

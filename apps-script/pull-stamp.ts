// What the sheet itself says about its last pull, for people who never open the sidebar: a note on the
// "Pivor status" header cell (when it was pulled, how often it refreshes), and when a scheduled refresh
// had to skip the sheet, that header cell and the sheet's tab turn amber and the note says why and what
// to do. The next pull puts the header back as it was.
import type { RefreshChoice, SheetInfo } from './sheet-registry.ts';
import { STATUS_HEADER } from './sheet-columns.ts';

export const SKIPPED_COLOUR = '#f6b26b';
const HEADER_BACKGROUND = '#d9e2f3';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A time as the spreadsheet's people read it: 2026-12-02 14:05 in the spreadsheet's time zone. */
export function localTime(iso: string, timeZone: string): string {
  return Utilities.formatDate(new Date(iso), timeZone, 'yyyy-MM-dd HH:mm');
}

export function refreshWords(choice: RefreshChoice | undefined): string {
  return choice === 'hourly' ? 'every hour' : choice === 'daily' ? 'every day' : 'off';
}

function statusHeader(sheet: Sheet): GoogleAppsScript.Spreadsheet.Range | null {
  const width = Math.max(sheet.getLastColumn(), 1);
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0]!.map((h) => String(h ?? '').trim());
  const at = headers.indexOf(STATUS_HEADER);
  return at < 0 ? null : sheet.getRange(1, at + 1);
}

function pulledLine(info: SheetInfo, timeZone: string): string {
  const when = info.pulledAt ? `Pulled from Pivor on ${localTime(info.pulledAt, timeZone)} (${timeZone}).` : 'Never pulled from Pivor.';
  return `${when} Scheduled refresh: ${refreshWords(info.refresh)}.`;
}

/** After a pull, or a change of schedule: the note says when and how often; no amber. */
export function stampPulled(sheet: Sheet, info: SheetInfo): void {
  const cell = statusHeader(sheet);
  if (!cell) return;
  cell.setNote(pulledLine(info, sheet.getParent().getSpreadsheetTimeZone()));
  cell.setBackground(HEADER_BACKGROUND);
  sheet.setTabColor(null);
}

/** A scheduled refresh left the sheet alone: amber, and the note says why and how to let the next one run. */
export function stampSkipped(sheet: Sheet, info: SheetInfo, reason: string): void {
  const cell = statusHeader(sheet);
  const timeZone = sheet.getParent().getSpreadsheetTimeZone();
  const at = info.refreshSkipped?.at ?? new Date().toISOString();
  if (cell) {
    cell.setNote(`Scheduled refresh skipped on ${localTime(at, timeZone)}: ${reason}\n${pulledLine(info, timeZone)}`);
    cell.setBackground(SKIPPED_COLOUR);
  }
  sheet.setTabColor(SKIPPED_COLOUR);
}

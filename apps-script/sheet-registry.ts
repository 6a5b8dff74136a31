// Which sheet holds which resource, and when it was last pulled: document properties (shared by the
// spreadsheet's editors; nothing secret in them). Import sheets are registered here too, so Push knows
// what a sheet holds without guessing from its name.
import { isResourceName, type ResourceName } from '../shared/resources/index.ts';

const PREFIX = 'pivor.sheet.';

export interface SheetInfo {
  resource: ResourceName;
  /** ISO time of the last pull; absent for an imported sheet never pulled. */
  pulledAt?: string;
  rows?: number;
  /** Pivor's newest updated_at just before that pull: where a push's listing of changes stops. */
  watermark?: string | null;
  /** Sheets made by Import a CSV file: every row is new. */
  imported?: boolean;
  /** Scheduled refresh (scheduled-refresh.ts): how often, and whose trigger runs it (Apps Script's per-user key). */
  refresh?: RefreshChoice;
  refreshBy?: string;
  /** Why the last scheduled refresh did not pull (changes not pushed, a push under way…), and when. */
  refreshSkipped?: { at: string; reason: string };
}

export type RefreshChoice = 'off' | 'hourly' | 'daily';

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function registerSheet(sheetId: number, info: SheetInfo): void {
  props().setProperty(PREFIX + sheetId, JSON.stringify(info));
}

/** A pull ended: when, how many rows, the watermark; the sheet's refresh schedule stays, a skipped refresh is over. */
export function recordPull(resource: ResourceName, sheetId: number, rows: number, watermark: string | null): SheetInfo {
  const before = sheetInfo(sheetId);
  const schedule = before?.refresh && before.refresh !== 'off' && before.resource === resource ? { refresh: before.refresh, refreshBy: before.refreshBy } : {};
  const info: SheetInfo = { resource, pulledAt: new Date().toISOString(), rows, watermark, ...schedule };
  registerSheet(sheetId, info);
  return info;
}

export function sheetInfo(sheetId: number): SheetInfo | null {
  const raw = props().getProperty(PREFIX + sheetId);
  if (!raw) return null;
  try {
    const info = JSON.parse(raw) as SheetInfo;
    return isResourceName(info.resource) ? info : null;
  } catch {
    return null;
  }
}

/** Every registered sheet that still exists, with its name. */
export function registeredSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): (SheetInfo & { sheetId: number; name: string })[] {
  const out: (SheetInfo & { sheetId: number; name: string })[] = [];
  for (const sheet of ss.getSheets()) {
    const info = sheetInfo(sheet.getSheetId());
    if (info) out.push({ ...info, sheetId: sheet.getSheetId(), name: sheet.getName() });
  }
  return out;
}

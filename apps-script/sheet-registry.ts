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
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function registerSheet(sheetId: number, info: SheetInfo): void {
  props().setProperty(PREFIX + sheetId, JSON.stringify(info));
}

export function recordPull(resource: ResourceName, sheetId: number, rows: number, watermark: string | null): void {
  registerSheet(sheetId, { resource, pulledAt: new Date().toISOString(), rows, watermark });
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

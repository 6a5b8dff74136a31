// Import a CSV file: the sidebar reads and maps the file with the core (bytes never leave the browser
// unread), then hands the mapped records here. The core's validation normalizes them (yes → ticked,
// dates → date cells, "call" → phone) and they land in a new sheet laid out like a pulled one, with an
// empty snapshot: every row is new, and Push creates them. A value the core could not read is kept as the
// text it was, so the user sees it, and Push flags it.
import type { CsvTable } from '../shared/csv/index.ts';
import type { UserMapping } from '../shared/map/index.ts';
import type { ResourceName } from '../shared/resources/index.ts';
import { validateTable } from '../shared/validate/index.ts';
import { truncateForCell, type Cell } from './cell-values.ts';
import { sheetLayout, STATUS_HEADER, type SheetColumn } from './sheet-columns.ts';
import { ensureRows, protectReadOnlyColumns, resetResourceSheet } from './sheet-format.ts';
import { snapshotName } from './sheet-plan.ts';
import { registerSheet } from './sheet-registry.ts';
import { openSnapshot } from './snapshot-sheet.ts';
import { UserError } from './rpc-result.ts';

export interface ImportRequest {
  resource: ResourceName;
  fileName: string;
  headers: string[];
  /** The file's records (cells in header order), numbered from row 2 as in the file. */
  records: string[][];
  userMapping?: UserMapping;
}

export interface ImportResult {
  sheetId: number;
  sheetName: string;
  rows: number;
}

function freeName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, title: string): string {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${title} import` : `${title} import ${n}`;
    if (!ss.getSheetByName(name)) return name;
  }
}

function typedCell(column: SheetColumn, value: unknown, raw: string): Cell {
  if (value === undefined || value === null) {
    if (raw === '') return '';
    // Unreadable: keep the text; outside plain-text columns an apostrophe keeps Sheets from parsing it.
    return column.kind === 'text' || column.kind === 'dropdown' ? truncateForCell(raw) : `'${raw}`;
  }
  switch (column.kind) {
    case 'checkbox': return value === true;
    case 'date': {
      const d = new Date(String(value));
      return Number.isNaN(d.getTime()) ? `'${String(value)}` : d;
    }
    case 'number': return typeof value === 'number' ? value : `'${String(value)}`;
    default: return truncateForCell(String(value));
  }
}

export function importRecords(request: ImportRequest): ImportResult {
  const layout = sheetLayout(request.resource);
  if (request.records.length === 0) throw new UserError('The file has no rows to import.');
  // Ids and timestamps belong to records of another Pivor (or an earlier export): an import creates.
  const userMapping: UserMapping = { ...request.userMapping, [STATUS_HEADER]: null };
  const table: CsvTable = {
    headers: request.headers,
    records: request.records.map((cells, i) => ({ row: i + 2, cells })),
    encoding: 'utf-8',
    delimiter: ',',
    problems: [],
  };
  const report = validateTable(layout.spec, table, { userMapping, timeZone: 'UTC' });
  const byField = report.mapping.byField;
  const writable = layout.columns.filter((c) => !c.readOnly);
  const rows: Cell[][] = report.rows.map((row) =>
    [...layout.columns.map((column) => {
      if (column.readOnly) return '';
      const at = byField[column.field.key];
      const raw = at === undefined ? '' : (row.cells[at] ?? '').trim();
      return typedCell(column, row.values[column.field.key], raw);
    }), 'to create'],
  );
  if (writable.every((c) => byField[c.field.key] === undefined)) {
    throw new UserError(`No column of ${request.fileName} matches a ${layout.spec.singular} field: check the mapping.`);
  }

  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const name = freeName(ss, layout.spec.title);
  const sheet = ss.insertSheet(name);
  resetResourceSheet(ss, { ...layout, sheetName: name });
  ensureRows(sheet, layout, rows.length, true);
  sheet.getRange(2, 1, rows.length, layout.statusIndex).setValues(rows);
  protectReadOnlyColumns(sheet, layout);
  openSnapshot(ss, snapshotName(name), true);
  registerSheet(sheet.getSheetId(), { resource: request.resource, imported: true, rows: rows.length });
  sheet.activate();
  return { sheetId: sheet.getSheetId(), sheetName: name, rows: rows.length };
}

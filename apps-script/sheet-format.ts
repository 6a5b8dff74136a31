// Lays out a resource's sheet before data lands in it: header row (frozen, bold), plain-text format on
// text columns (so nothing typed or pulled is parsed or evaluated), date formats, dropdowns with the
// values the API can write, checkboxes, and the read-only id and updated_at columns greyed and protected
// with a warning. Everything is set per block of rows, a few calls whatever the number of rows.
import { DATE_FORMAT, SPARE_ROWS, TEXT_FORMAT, TIMESTAMP_FORMAT, type SheetColumn, type SheetLayout } from './sheet-columns.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

export const READ_ONLY_BACKGROUND = '#efefef';
const READ_ONLY_FONT = '#666666';
const HEADER_BACKGROUND = '#d9e2f3';
export const PROTECTION_PREFIX = 'Pivor:';

function numberFormat(column: SheetColumn): string {
  switch (column.kind) {
    case 'id': return '0';
    case 'timestamp': return TIMESTAMP_FORMAT;
    case 'date': return DATE_FORMAT;
    case 'number': return '0.##';
    case 'checkbox': return '';
    default: return TEXT_FORMAT;
  }
}

function validationRules(layout: SheetLayout): (Rule | null)[] {
  return layout.columns.map((column) => {
    switch (column.kind) {
      case 'dropdown':
        return SpreadsheetApp.newDataValidation()
          .requireValueInList([...column.choices], true)
          // Pulled values Pivor cannot write (a status of "archived") stay, flagged rather than refused.
          .setAllowInvalid(true)
          .setHelpText(`Pivor accepts: ${column.choices.join(', ')}`)
          .build();
      case 'checkbox':
        return SpreadsheetApp.newDataValidation().requireCheckbox().build();
      case 'date':
        return SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(true).setHelpText('A date and time, for example 2025-04-02 16:30').build();
      default:
        return null;
    }
  });
}

/** The sheet for a resource, created or emptied (values, formats, notes, validations, our protections). */
export function resetResourceSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, layout: SheetLayout): Sheet {
  let sheet = ss.getSheetByName(layout.sheetName);
  if (!sheet) {
    sheet = ss.insertSheet(layout.sheetName);
  } else {
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      if (p.getDescription().startsWith(PROTECTION_PREFIX)) p.remove();
    }
    const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    all.clear();
    all.clearDataValidations();
    all.clearNote();
  }
  if (sheet.getMaxColumns() < layout.statusIndex) sheet.insertColumnsAfter(sheet.getMaxColumns(), layout.statusIndex - sheet.getMaxColumns());
  const header = sheet.getRange(1, 1, 1, layout.statusIndex);
  header.setNumberFormat(TEXT_FORMAT);
  header.setValues([layout.headers]);
  header.setFontWeight('bold');
  header.setBackground(HEADER_BACKGROUND);
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * Makes room for `dataRows` rows plus spare ones. Rows added here get the same formats, dropdowns and
 * plain text as the others; `formatAll` formats every row (a sheet just emptied by resetResourceSheet).
 */
export function ensureRows(sheet: Sheet, layout: SheetLayout, dataRows: number, formatAll = false): void {
  const wanted = 1 + dataRows + SPARE_ROWS;
  const have = sheet.getMaxRows();
  if (have < wanted) sheet.insertRowsAfter(have, wanted - have);
  const last = Math.max(have, wanted);
  const first = formatAll ? 2 : have + 1;
  if (first <= last) formatRows(sheet, layout, first, last - first + 1);
}

/**
 * Number formats, validations and read-only greys for rows first..first+count-1: a fixed number of calls,
 * each setting a whole column range to one value (adjacent columns of one format share a call), so what
 * is sent does not grow with the rows.
 */
export function formatRows(sheet: Sheet, layout: SheetLayout, first: number, count: number): void {
  const formats = [...layout.columns.map(numberFormat), TEXT_FORMAT];
  for (let start = 0; start < formats.length;) {
    let end = start + 1;
    while (end < formats.length && formats[end] === formats[start]) end += 1;
    sheet.getRange(first, start + 1, count, end - start).setNumberFormat(formats[start]!);
    start = end;
  }
  validationRules(layout).forEach((rule, i) => {
    if (rule) sheet.getRange(first, i + 1, count, 1).setDataValidation(rule);
  });
  for (const column of layout.columns.filter((c) => c.readOnly)) {
    const range = sheet.getRange(first, column.index, count, 1);
    range.setBackground(READ_ONLY_BACKGROUND);
    range.setFontColor(READ_ONLY_FONT);
  }
  sheet.getRange(first, layout.statusIndex, count, 1).setFontColor(READ_ONLY_FONT);
}

/** Warning-only protections on the read-only columns, over the whole column as it is now. */
export function protectReadOnlyColumns(sheet: Sheet, layout: SheetLayout): void {
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription().startsWith(PROTECTION_PREFIX)) p.remove();
  }
  for (const column of layout.columns.filter((c) => c.readOnly)) {
    sheet.getRange(1, column.index, sheet.getMaxRows(), 1)
      .protect()
      .setDescription(`${PROTECTION_PREFIX} ${column.header} is set by Pivor`)
      .setWarningOnly(true);
  }
}

// Cells the sheet changed as they were written. Sheets may not keep a value exactly as a script wrote it
// (an apostrophe consumed, text read as a number or a date, a time rounded); none of that is documented
// either way. So each pulled block is read back and compared with what was meant, and a cell the sheet
// changed is recorded with its record in the snapshot as what the sheet holds (`__sheet`): the push
// compares the sheet with that, so the change never counts as an edit, and Pivor's value is left alone.
// Date-times compare at the second, the finest Pivor keeps.
import type { PivorRecord } from '../shared/api/index.ts';
import { cellToText, recordToCells, type Cell } from './cell-values.ts';
import type { CellKind, SheetColumn, SheetLayout } from './sheet-columns.ts';

const HELD = '__sheet';

type Held = Record<string, string>;

function heldOf(record: PivorRecord): Held | undefined {
  const held = record[HELD];
  return held && typeof held === 'object' ? (held as Held) : undefined;
}

/** A record's cells as text, as the sheet held them right after the pull. */
export function pulledCellTexts(layout: SheetLayout, record: PivorRecord): string[] {
  const cells = recordToCells(layout, record).map(cellToText);
  const held = heldOf(record);
  if (held) layout.columns.forEach((c, i) => { if (Object.prototype.hasOwnProperty.call(held, c.field.key)) cells[i] = held[c.field.key]!; });
  return cells;
}

function seconds(text: string): number | null {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : Math.round(ms / 1000);
}

/** Whether two cell texts say the same: an unticked box reads as empty or false; times to the second. */
export function sameCellText(kind: CellKind, a: string, b: string): boolean {
  if (kind === 'checkbox') return (a === 'true') === (b === 'true');
  if (kind === 'timestamp' || kind === 'date') {
    const x = seconds(a);
    const y = seconds(b);
    if (x !== null && y !== null) return x === y;
  }
  return a === b;
}

/** What a written cell should read back as: outside plain-text columns a leading apostrophe only forces text. */
function meant(column: SheetColumn, cell: Cell): string {
  const text = cellToText(cell);
  return column.kind !== 'text' && column.kind !== 'dropdown' && text.startsWith("'") ? text.slice(1) : text;
}

export interface HeldChange { row: number; column: string; meant: string; held: string }

/**
 * Reads back a block just written (rows from `firstRow`, the layout's data columns) and records in each
 * record what the sheet changed. Returns the changes, for the message.
 */
export function readBack(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, layout: SheetLayout, written: Cell[][], records: PivorRecord[]): HeldChange[] {
  if (written.length === 0) return [];
  const width = layout.columns.length;
  const got = sheet.getRange(firstRow, 1, written.length, width).getValues() as Cell[][];
  const changes: HeldChange[] = [];
  written.forEach((line, r) => {
    const record = records[r]!;
    layout.columns.forEach((column, c) => {
      const want = meant(column, line[c]!);
      const have = cellToText(got[r]?.[c]);
      if (sameCellText(column.kind, want, have)) return;
      record[HELD] = { ...heldOf(record), [column.field.key]: have };
      changes.push({ row: firstRow + r, column: column.header, meant: want, held: have });
    });
  });
  return changes;
}

/** After a push wrote a record: what the sheet held is still what it holds, for the fields the push left alone. */
export function carryHeld(layout: SheetLayout, before: PivorRecord | undefined, after: PivorRecord): PivorRecord {
  const held = before && heldOf(before);
  if (!held) return after;
  const old = recordToCells(layout, before).map(cellToText);
  const now = recordToCells(layout, after).map(cellToText);
  const kept: Held = {};
  layout.columns.forEach((c, i) => {
    if (Object.prototype.hasOwnProperty.call(held, c.field.key) && old[i] === now[i]) kept[c.field.key] = held[c.field.key]!;
  });
  return Object.keys(kept).length > 0 ? { ...after, [HELD]: kept } : after;
}

/** One sentence for the user, once per pull. */
export function heldMessage(count: number, example: HeldChange | undefined): string | null {
  if (count === 0 || !example) return null;
  const [cells, they, it] = count === 1 ? ['one cell', 'it was', 'It is'] : [`${count.toLocaleString('en-US')} cells`, 'they were', 'They are'];
  return `Google Sheets changed ${cells} as ${they} written (row ${example.row}, ${example.column}: "${example.meant}" became "${example.held}"). ` +
    `${it} kept as the sheet shows ${count === 1 ? 'it' : 'them'} and not sent to Pivor unless you edit ${count === 1 ? 'it' : 'them'}.`;
}

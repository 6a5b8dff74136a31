// How a value written by a script lands in a Google Sheets cell, and how a cell displays.
// setValue(s) parses strings the way typing does: "=..." becomes a formula, "00123" a number, "TRUE" a
// boolean, "2025-01-02" a date, unless the cell's number format is plain text ("@"); a leading
// apostrophe forces text and is not kept. The fake models that so a test can catch an injected formula.
import { DateTime } from 'luxon';

export type CellValue = string | number | boolean | Date;

export interface StoredCell {
  value: CellValue;
  formula: string;
}

export const MAX_CELL_CHARS = 50_000;
/** What Sheets gives a date written into a cell that had no date format. */
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy H:mm:ss';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * What Google does not document, and a test may switch: whether a plain-text cell keeps a leading
 * apostrophe (kept: the documented reading of "@"; stripped: as typing does), and to what a written
 * date-time is rounded (the millisecond; or coarser, as a serial day number or a format may make it).
 */
export interface CellBehaviour {
  apostropheInPlainText: 'kept' | 'stripped';
  timesRoundedToMs: number;
}

export const LITERAL_CELLS: CellBehaviour = { apostropheInPlainText: 'kept', timesRoundedToMs: 1 };
export const LOSSY_CELLS: CellBehaviour = { apostropheInPlainText: 'stripped', timesRoundedToMs: 60_000 };

/** Parses what a script writes into a cell. `plainText` is true when the cell's number format is "@". */
export function parseWrittenValue(input: unknown, plainText: boolean, timeZone: string, behaviour: CellBehaviour = LITERAL_CELLS): StoredCell {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new Error('Exception: The parameters (number) don\'t match the method signature.');
    return { value: input, formula: '' };
  }
  if (typeof input === 'boolean') return { value: input, formula: '' };
  // Dates may come from the script's own realm: recognise them by their tag, not instanceof.
  if (isDate(input)) {
    const step = behaviour.timesRoundedToMs;
    return { value: new Date(Math.round(input.getTime() / step) * step), formula: '' };
  }
  if (typeof input !== 'string') throw new Error(`Exception: Unsupported cell value type: ${Object.prototype.toString.call(input)}`);
  if (input.length > MAX_CELL_CHARS) {
    throw new Error(`Exception: Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
  if (plainText) return { value: behaviour.apostropheInPlainText === 'stripped' && input.startsWith("'") ? input.slice(1) : input, formula: '' };
  if (input.startsWith("'")) return { value: input.slice(1), formula: '' };
  if (input.startsWith('=') && input.length > 1) return { value: '#NAME?', formula: input };
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed), formula: '' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: '' };
  const date = parseDate(trimmed, timeZone);
  if (date) return { value: date, formula: '' };
  return { value: input, formula: '' };
}

function parseDate(text: string, zone: string): Date | null {
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  const parts = iso
    ? { year: iso[1], month: iso[2], day: iso[3], hour: iso[4], minute: iso[5], second: iso[6] }
    : us
      ? { year: us[3], month: us[1], day: us[2], hour: us[4], minute: us[5], second: us[6] }
      : null;
  if (!parts) return null;
  const dt = DateTime.fromObject(
    { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour ?? 0), minute: Number(parts.minute ?? 0), second: Number(parts.second ?? 0) },
    { zone },
  );
  return dt.isValid ? dt.toJSDate() : null;
}

/** The text a cell shows (getDisplayValues), for the number formats the add-on uses. */
export function displayValue(cell: StoredCell | undefined, numberFormat: string, timeZone: string): string {
  if (!cell) return '';
  const v = cell.value;
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return formatDate(v, numberFormat || DEFAULT_DATE_FORMAT, timeZone);
  if (typeof v === 'number') {
    const fixed = /^0\.(0+)$/.exec(numberFormat);
    if (fixed?.[1]) return v.toFixed(fixed[1].length);
    return String(v);
  }
  return v;
}

/** Formats a date with a Sheets number format pattern (yyyy, mm, dd, hh, mm as minutes after hours, ss, am/pm). */
export function formatDate(date: Date, pattern: string, zone: string): string {
  const dt = DateTime.fromJSDate(date, { zone });
  const tokens = pattern.match(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|am\/pm|[^ymdhsa]+|./gi) ?? [];
  const twelveHour = tokens.some((t) => t.toLowerCase() === 'am/pm');
  let afterHour = false;
  return tokens
    .map((raw, i) => {
      const t = raw.toLowerCase();
      const nextIsSeconds = tokens.slice(i + 1).find((x) => /[ymdhs]/i.test(x))?.toLowerCase().startsWith('s') ?? false;
      const out = ((): string => {
        switch (t) {
          case 'yyyy': return dt.toFormat('yyyy');
          case 'yy': return dt.toFormat('yy');
          case 'mmmm': return dt.toFormat('LLLL');
          case 'mmm': return dt.toFormat('LLL');
          case 'mm': return afterHour || nextIsSeconds ? dt.toFormat('mm') : dt.toFormat('LL');
          case 'm': return afterHour || nextIsSeconds ? dt.toFormat('m') : dt.toFormat('L');
          case 'dd': return dt.toFormat('dd');
          case 'd': return dt.toFormat('d');
          case 'hh': return dt.toFormat(twelveHour ? 'hh' : 'HH');
          case 'h': return dt.toFormat(twelveHour ? 'h' : 'H');
          case 'ss': return dt.toFormat('ss');
          case 's': return dt.toFormat('s');
          case 'am/pm': return dt.toFormat('a');
          default: return raw.replace(/"/g, '');
        }
      })();
      if (/^[ymdhs]/.test(t)) afterHour = t.startsWith('h');
      return out;
    })
    .join('');
}

/** A copy of a value as getValues returns it (dates are fresh objects, as in Apps Script). */
export function readValue(cell: StoredCell | undefined): CellValue {
  if (!cell) return '';
  return cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value;
}

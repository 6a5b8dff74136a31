// Date and time cells → one canonical form: an ISO 8601 UTC instant with milliseconds ("2025-04-02T16:30:00.000Z").
//
// Accepted: Pivor's `YYYY-MM-DD HH:MM`, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD`, ISO 8601 with `T`, with or without
// an offset or Z, and `YYYY/MM/DD`; `DD.MM.YYYY` and month names (see date-forms.ts). Day and month in the order
// the caller states: 02/04/2025, 02-04-2025, two-digit years,
// with an optional time and AM/PM. Without a stated order such dates are refused: they are asked, not guessed.
// Wall-clock times without an offset are read in the stated IANA zone (default UTC, as Pivor's export writes).
import { DateTime, IANAZone, type Zone } from 'luxon';
import { readOrderedDate, readShortYearDate, PIVOT_WORDS, type DateParts } from './date-forms.ts';
import { fail, ok, quote, type CellNormalizer, type Normalized, type NormalizeOptions, type Notice } from './types.ts';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([ T])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface WallClock { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number }

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Builds the normalizer for a date column once: the zone is resolved here, not per cell. */
export function dateNormalizer(options: NormalizeOptions = {}): CellNormalizer {
  const zoneName = options.timeZone ?? 'UTC';
  if (!isValidTimeZone(zoneName)) throw new RangeError(`Unknown time zone "${zoneName}": use an IANA name such as Europe/Paris or UTC.`);
  const zone = IANAZone.create(zoneName);
  const utc = zone.offset(0) === 0 && zone.offset(Date.UTC(2025, 6, 1)) === 0 && zone.offset(Date.UTC(2025, 0, 1)) === 0;
  const order = options.dateOrder;
  return (text) => normalizeDate(text, zone, utc, order);
}

function normalizeDate(text: string, zone: Zone, utc: boolean, order: NormalizeOptions['dateOrder']): Normalized {
  let m = ISO.exec(text);
  if (m) {
    const wall = wallClock(m[1], m[2], m[3], m[5], m[6], m[7], m[8]);
    if (typeof wall === 'string') return fail('invalid-date', wall.replace('$', quote(text)));
    const offset = m[9];
    // Pivor's own spellings and full ISO pass silently; a bare date gets a notice (midnight is assumed).
    const pivorLike = m[4] !== undefined && m[2]!.length === 2 && m[3]!.length === 2;
    const notice: Notice | undefined = m[4] === undefined
      ? { code: 'date-read', message: `read ${quote(text)} as ${describe(wall)} ${zone.name}` }
      : pivorLike ? undefined : { code: 'date-read', message: `read ${quote(text)} as ${describe(wall)}${offset ? '' : ` ${zone.name}`}` };
    if (offset) return finish(text, Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms) - offsetMs(offset), notice);
    return inZone(text, wall, zone, utc, notice);
  }
  m = YEAR_FIRST.exec(text);
  if (m) {
    const wall = wallClock(m[1], m[2], m[3], m[4], m[5], m[6], undefined, m[7]);
    if (typeof wall === 'string') return fail('invalid-date', wall.replace('$', quote(text)));
    return inZone(text, wall, zone, utc, { code: 'date-read', message: `read ${quote(text)} as ${describe(wall)} ${zone.name}` });
  }
  const ordered = readOrderedDate(text);
  if (ordered) return fromParts(text, ordered, zone, utc);
  const short = readShortYearDate(text, order);
  if (short === 'ask') {
    return fail('ambiguous-date', `${quote(text)} has a two-digit year: say which comes first (day or month), and ${PIVOT_WORDS}; or write it as YYYY-MM-DD`);
  }
  if (short) return fromParts(text, short, zone, utc);
  m = DAY_MONTH.exec(text);
  if (m) {
    if (!order) {
      return fail('ambiguous-date', `${quote(text)} could be day/month or month/day: say which (day first or month first), or write it as YYYY-MM-DD`);
    }
    const [a, b] = [m[1]!, m[3]!];
    const [day, month] = order === 'day-first' ? [a, b] : [b, a];
    const wall = wallClock(m[4], month, day, m[5], m[6], m[7], undefined, m[8]);
    if (typeof wall === 'string') return fail('invalid-date', wall.replace('$', quote(text)));
    return inZone(text, wall, zone, utc, { code: 'date-read', message: `read ${quote(text)} (${order}) as ${describe(wall)} ${zone.name}` });
  }
  return fail('invalid-date', `${quote(text)} is not a date Pivor Bridge can read: write YYYY-MM-DD HH:MM`);
}

function fromParts(text: string, p: DateParts, zone: Zone, utc: boolean): Normalized {
  const wall = wallClock(p.year, p.month, p.day, p.hour, p.minute, p.second, undefined, p.meridiem);
  if (typeof wall === 'string') return fail('invalid-date', wall.replace('$', quote(text)));
  const how = p.how ? ` (${p.how})` : '';
  return inZone(text, wall, zone, utc, { code: 'date-read', message: `read ${quote(text)}${how} as ${describe(wall)} ${zone.name}` });
}

/** Checks the parts make a real date and time; returns a message with `$` for the value when not. */
function wallClock(
  y: string | undefined, mo: string | undefined, d: string | undefined,
  h?: string, mi?: string, s?: string, frac?: string, meridiem?: string,
): WallClock | string {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  let hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (month < 1 || month > 12) return '$ is not a date: there is no month ' + month;
  if (day < 1 || day > daysInMonth(year, month)) return `$ is not a date: ${MONTHS[month - 1]} ${year} has no day ${day}`;
  if (meridiem) {
    if (hour < 1 || hour > 12) return '$ is not a valid time';
    const pm = meridiem[0]!.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return '$ is not a valid time';
  return { year, month, day, hour, minute, second, ms };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A wall-clock time in the file's zone → an instant; times that do not exist (clocks going forward) move on, with a notice. */
function inZone(text: string, wall: WallClock, zone: Zone, utc: boolean, notice: Notice | undefined): Normalized {
  if (utc) return finish(text, Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms), notice);
  const dt = DateTime.fromObject(
    { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second, millisecond: wall.ms },
    { zone },
  );
  if (!dt.isValid) return fail('invalid-date', `${quote(text)} is not a valid date`);
  if (dt.hour !== wall.hour || dt.minute !== wall.minute) {
    const shifted: Notice = {
      code: 'date-shifted',
      message: `${quote(text)} does not exist in ${zone.name} (the clocks go forward): read as ${dt.toFormat('HH:mm')}`,
    };
    return finish(text, dt.toMillis(), shifted, notice);
  }
  return finish(text, dt.toMillis(), notice);
}

function finish(text: string, ms: number, ...notices: (Notice | undefined)[]): Normalized {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return fail('invalid-date', `${quote(text)} is not a valid date`);
  const kept = notices.filter((n): n is Notice => n !== undefined);
  return kept.length ? { ok: true, value: date.toISOString(), notices: kept } : ok(date.toISOString());
}

function offsetMs(offset: string): number {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
}

function describe(w: WallClock): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.day} ${MONTHS[w.month - 1]} ${w.year} ${pad(w.hour)}:${pad(w.minute)}${w.second ? `:${pad(w.second)}` : ''}`;
}

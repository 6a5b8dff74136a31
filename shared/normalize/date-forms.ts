// The date spellings beyond ISO and Pivor's own that need no stated day/month order, and two-digit years that do:
// `04.03.2025 14:30` (dots: day first, as every country writing them does), `12 Mar 2024`, `12-Mar-2024`,
// `Mar 12, 2024`, `March 12 2024 3:00 PM`; and `04/03/25`, read only with a stated order and a stated pivot.

/** The parts of a date cell, as written (validated by the caller's wallClock). */
export interface DateParts {
  year: string; month: string; day: string;
  hour?: string; minute?: string; second?: string; meridiem?: string;
  /** How the order was decided, for the notice ("day first, as dotted dates are"). */
  how: string;
}

const TIME = String.raw`(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?`;
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`, 'i');
const DAY_NAME = new RegExp(String.raw`^(\d{1,2})(?:\.|st|nd|rd|th)?[ -]([a-z]{3,9})\.?[ ,-]+(\d{4})${TIME}$`, 'i');
const NAME_DAY = new RegExp(String.raw`^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})${TIME}$`, 'i');
const SHORT_YEAR = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})${TIME}$`, 'i');

/** Two-digit years 00–69 are 2000–2069, 70–99 are 1970–1999 (the POSIX pivot, said in every notice). */
export const TWO_DIGIT_PIVOT = 70;
export const PIVOT_WORDS = 'two-digit years 00–69 read as 2000–2069, 70–99 as 1970–1999';

const MONTH_NAMES = new Map<string, number>();
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
  .forEach((name, i) => {
    MONTH_NAMES.set(name, i + 1);
    MONTH_NAMES.set(name.slice(0, 3), i + 1);
  });
MONTH_NAMES.set('sept', 9);

function monthNumber(name: string): string | undefined {
  const n = MONTH_NAMES.get(name.toLowerCase());
  return n === undefined ? undefined : String(n);
}

/** Dotted dates and dates with a month name: the order is in the spelling itself. */
export function readOrderedDate(text: string): DateParts | null {
  let m = DOTTED.exec(text);
  if (m) return { day: m[1]!, month: m[2]!, year: m[3]!, ...time(m, 4), how: 'day first, as dotted dates are' };
  m = DAY_NAME.exec(text);
  let month = m ? monthNumber(m[2]!) : undefined;
  if (m && month) return { day: m[1]!, month, year: m[3]!, ...time(m, 4), how: '' };
  m = NAME_DAY.exec(text);
  month = m ? monthNumber(m[1]!) : undefined;
  if (m && month) return { day: m[2]!, month, year: m[3]!, ...time(m, 4), how: '' };
  return null;
}

/**
 * `04/03/25`: a two-digit year could be any of three orders, so it is read only when the day/month order is
 * stated (dots are day first even then).
 * Returns 'ask' when the order is needed and missing, null when the cell is not of this form.
 */
export function readShortYearDate(text: string, order: 'day-first' | 'month-first' | undefined): DateParts | 'ask' | null {
  const m = SHORT_YEAR.exec(text);
  if (!m) return null;
  const dotted = m[2] === '.';
  if (!order) return 'ask';
  const dayFirst = dotted || order === 'day-first';
  const [day, month] = dayFirst ? [m[1]!, m[3]!] : [m[3]!, m[1]!];
  const yy = Number(m[4]);
  const year = String(yy < TWO_DIGIT_PIVOT ? 2000 + yy : 1900 + yy);
  const how = `${dotted ? 'day first, as dotted dates are' : order}; ${PIVOT_WORDS}`;
  return { day, month, year, ...time(m, 5), how };
}

function time(m: RegExpExecArray, at: number): Pick<DateParts, 'hour' | 'minute' | 'second' | 'meridiem'> {
  return { hour: m[at], minute: m[at + 1], second: m[at + 2], meridiem: m[at + 3] };
}

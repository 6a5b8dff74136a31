// The date rule and the datetime cast, for the formats people send: Laravel's `date` rule passes when
// strtotime() parses the value and date_parse() finds a real calendar date (so "tomorrow" or "16:30" alone
// fail, "2025-02-30" fails, "04/02/2025" is American m/d/Y). Eloquent then stores the wall-clock time
// as written: an offset such as +02:00 is dropped, not converted (a real Laravel quirk).

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const months: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const monthName = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

type DatePart = { year: number; month: number; day: number; rest: string };

const datePatterns: { re: RegExp; read: (m: RegExpExecArray) => Omit<DatePart, 'rest'> }[] = [
  // 2025-04-02, 2025/04/02 (ISO 8601, and the compact 20250402T1630 of XML-RPC)
  { re: /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/, read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }) },
  { re: /^(\d{4})(\d{2})(\d{2})(?=T)/i, read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }) },
  // 04/02/2025 and 4/2/25: American month/day/year
  { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/, read: (m) => ({ year: year(m[3]!), month: +m[1]!, day: +m[2]! }) },
  // 02-04-2025, 02.04.2025, 02.04.25: day, month, year
  { re: /^(\d{1,2})-(\d{1,2})-(\d{4})/, read: (m) => ({ year: +m[3]!, month: +m[2]!, day: +m[1]! }) },
  { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)/, read: (m) => ({ year: year(m[3]!), month: +m[2]!, day: +m[1]! }) },
  // 2 April 2025, 2-Apr-2025, 2nd of April 2025
  { re: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?[ \\-.]*(?:of )?${monthName}[ \\-.,]*(\\d{4})`, 'i'), read: (m) => ({ year: +m[3]!, month: months[m[2]!.toLowerCase()]!, day: +m[1]! }) },
  // April 2, 2025 and Apr 2 2025
  { re: new RegExp(`^${monthName}[ \\-.]*(\\d{1,2})(?:st|nd|rd|th)?[ ,.]+(\\d{4})`, 'i'), read: (m) => ({ year: +m[3]!, month: months[m[1]!.toLowerCase()]!, day: +m[2]! }) },
  // April 2025: the first of the month
  { re: new RegExp(`^${monthName}[ \\-.,]*(\\d{4})`, 'i'), read: (m) => ({ year: +m[2]!, month: months[m[1]!.toLowerCase()]!, day: 1 }) },
];

function year(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function readDate(text: string): DatePart | undefined {
  for (const { re, read } of datePatterns) {
    const m = re.exec(text);
    if (m) return { ...read(m), rest: text.slice(m[0].length) };
  }
  return undefined;
}

function readTime(text: string): { hour: number; minute: number; second: number; rest: string } | undefined {
  const clock = /^[T\s]*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?/i.exec(text);
  if (clock) return withMeridian(+clock[1]!, +clock[2]!, clock[3] ? +clock[3] : 0, clock[4], text.slice(clock[0].length));
  const compact = /^T(\d{2}):?(\d{2}):?(\d{2})/i.exec(text);
  if (compact) return { hour: +compact[1]!, minute: +compact[2]!, second: +compact[3]!, rest: text.slice(compact[0].length) };
  const hourOnly = /^\s*(\d{1,2})\s*([ap])\.?m\.?/i.exec(text);
  if (hourOnly) return withMeridian(+hourOnly[1]!, 0, 0, hourOnly[2], text.slice(hourOnly[0].length));
  return undefined;
}

function withMeridian(hour: number, minute: number, second: number, meridian: string | undefined, rest: string) {
  if (meridian) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridian.toLowerCase() === 'p' ? 12 : 0);
  }
  return { hour, minute, second, rest };
}

const zone = /^\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{1,2})?\s*$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The wall-clock date and time a value names, or undefined when the `date` rule refuses it. */
export function parsePhpDate(value: unknown): WallClock | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim().replace(/\s+/g, ' ');
  const withoutWeekday = text.replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i, '');
  const date = readDate(withoutWeekday);
  if (!date) return undefined;
  let rest = date.rest.replace(/^,/, '');
  let time = { hour: 0, minute: 0, second: 0 };
  if (rest.trim() !== '' && !zone.test(rest)) {
    const read = readTime(rest);
    if (!read) return undefined;
    time = read;
    rest = read.rest;
  }
  if (!zone.test(rest)) return undefined;
  const { year, month, day } = date;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (time.hour > 23 || time.minute > 59 || time.second > 59) return undefined;
  return { year, month, day, ...time };
}

/** Eloquent's fromDateTime for a datetime cast: 'Y-m-d H:i:s', wall clock as written. */
export function toDbDateTime(value: unknown): string | null {
  const clock = parsePhpDate(value);
  if (!clock) return null;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(clock.year, 4)}-${p(clock.month)}-${p(clock.day)} ${p(clock.hour)}:${p(clock.minute)}:${p(clock.second)}`;
}

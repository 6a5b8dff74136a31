// Number cells as spreadsheets write them: thousands separators, currency signs, decimal commas, when unambiguous.
//
// Rules, in order:
// - currency signs and 3-letter codes at either end are dropped; spaces, no-break spaces and ' group thousands;
// - with both `,` and `.`, the last one is the decimal separator ("1,200.50", "€ 1.200,50");
// - several of the same separator group thousands ("1,200,000", "1.200.000");
// - a lone `,` before exactly three digits groups thousands ("1,200" is 1200, as English spreadsheets write it),
//   before other digit counts it is a decimal comma ("1,5");
// - a lone `.` is a decimal point, except before exactly three digits next to a currency sign ("€ 1.200"),
//   which is refused as ambiguous.
import { fail, ok, quote, type Normalized } from './types.ts';

const CURRENCY_SIGNS = '$€£¥₹₩₽¢₺₪₫฿₴₦';
const CODE_PREFIX = /^[A-Z]{3}\s*/;
const CODE_SUFFIX = /\s*[A-Z]{3}$/;

export interface ParsedNumber { value: number; changed: boolean }

/** Parses a trimmed cell; returns an error message when it is not a number or is ambiguous. */
export function parseNumber(text: string): ParsedNumber | { error: string; code: string } {
  // Fast path: plain digits with an optional sign and decimal point, as Pivor writes them.
  if (isPlainNumber(text)) return { value: Number(text), changed: false };

  let s = text;
  let negative = false;
  let currency = false;
  if (s.startsWith('(') && s.endsWith(')')) { negative = true; s = s.slice(1, -1).trim(); }
  if (s.startsWith('-') || s.startsWith('\u2212')) { negative = !negative; s = s.slice(1).trim(); }
  const stripped = stripCurrency(s);
  if (stripped !== s) { currency = true; s = stripped; }
  if (!negative && (s.startsWith('-') || s.startsWith('\u2212'))) { negative = true; s = s.slice(1).trim(); }

  // Spaces and apostrophes group thousands: each group after the first has three digits.
  if (/[\s'\u2019]/.test(s)) {
    const groups = s.split(/[\s'\u2019]+/);
    const [head, ...rest] = groups;
    const lastGroup = rest[rest.length - 1] ?? '';
    const ok3 = rest.every((g, i) => (i === rest.length - 1 ? /^\d{3}(?:[.,]\d+)?$/.test(lastGroup) : /^\d{3}$/.test(g)));
    if (!head || !/^\d{1,3}$/.test(head) || !ok3) return notNumber(text);
    s = groups.join('');
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return notNumber(text);

  const commas = count(s, ',');
  const dots = count(s, '.');
  let digits: string;
  if (commas > 0 && dots > 0) {
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    if (count(s, decimal) > 1) return notNumber(text);
    const [whole = '', fraction = ''] = s.split(decimal);
    if (!isGrouped(whole, thousands) || fraction.includes(thousands)) return notNumber(text);
    digits = whole.split(thousands).join('') + '.' + fraction;
  } else if (commas + dots > 1) {
    const sep = commas > 0 ? ',' : '.';
    if (!isGrouped(s, sep)) return notNumber(text);
    digits = s.split(sep).join('');
  } else if (commas === 1) {
    const [whole = '', fraction = ''] = s.split(',');
    digits = fraction.length === 3 && whole.length >= 1 && whole.length <= 3 ? whole + fraction : whole + '.' + fraction;
  } else if (dots === 1) {
    const [whole = '', fraction = ''] = s.split('.');
    if (currency && fraction.length === 3) {
      return { code: 'ambiguous-number', error: `${quote(text)} is ambiguous: write ${whole}${fraction} or ${whole}.${fraction} without the currency sign` };
    }
    digits = s;
  } else {
    digits = s;
  }
  if (digits.startsWith('.')) digits = '0' + digits;
  if (digits.endsWith('.')) digits = digits.slice(0, -1);
  const value = Number(digits);
  if (!Number.isFinite(value) || digits === '') return notNumber(text);
  return { value: negative ? -value : value, changed: true };
}

export function normalizeDecimal(text: string): Normalized {
  const parsed = parseNumber(text);
  if ('error' in parsed) return fail(parsed.code, parsed.error);
  return parsed.changed ? ok(parsed.value, numberNotice(text, parsed.value)) : ok(parsed.value);
}

export function normalizeInteger(text: string): Normalized {
  const parsed = parseNumber(text);
  if ('error' in parsed) return fail(parsed.code, parsed.error);
  if (!Number.isInteger(parsed.value)) {
    return fail('not-integer', `${quote(text)} is not a whole number`);
  }
  return parsed.changed ? ok(parsed.value, numberNotice(text, parsed.value)) : ok(parsed.value);
}

function numberNotice(text: string, value: number) {
  return { code: 'number-format', message: `read ${quote(text)} as ${value}` };
}

function notNumber(text: string) {
  return { code: 'invalid-number', error: `${quote(text)} is not a number` };
}

/** Optional minus, digits, optional decimal point followed by digits: checked by character, no regex. */
function isPlainNumber(s: string): boolean {
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  let before = 0;
  let after = 0;
  let dot = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (dot) after++;
      else before++;
    } else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return before > 0 && (!dot || after > 0);
}

function stripCurrency(s: string): string {
  let out = s;
  while (out.length > 0 && CURRENCY_SIGNS.includes(out[0]!)) out = out.slice(1).trimStart();
  while (out.length > 0 && CURRENCY_SIGNS.includes(out[out.length - 1]!)) out = out.slice(0, -1).trimEnd();
  out = out.replace(CODE_PREFIX, '').replace(CODE_SUFFIX, '');
  return out;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}

/** "1,234,567": a head of 1–3 digits, then groups of exactly three. */
function isGrouped(s: string, sep: string): boolean {
  const groups = s.split(sep);
  return groups.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3) && /^\d+$/.test(g));
}

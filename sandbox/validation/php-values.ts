// PHP's view of JSON values, for the validation rules: is_numeric, filter_var(FILTER_VALIDATE_INT),
// the boolean rule's accepted values, (string) casts and truthiness.

/** is_numeric(): numbers, and strings like " 12", "1.5", ".5", "1e3" (not booleans, not hex). */
export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/.test(value);
}

/** filter_var($value, FILTER_VALIDATE_INT) !== false: no leading zeros, whitespace allowed around, true is 1. */
export function isInteger(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
  if (typeof value !== 'string') return false;
  const match = /^[ \t\n\r\v\f]*([+-]?)(0|[1-9]\d*)[ \t\n\r\v\f]*$/.exec(value);
  return match !== null && Math.abs(Number(match[2])) <= 9223372036854775807;
}

/** The boolean rule: true, false, 1, 0, "1", "0" and nothing else. */
export function isBooleanLike(value: unknown): boolean {
  return value === true || value === false || value === 0 || value === 1 || value === '0' || value === '1';
}

/** (string) $value for scalars; undefined for arrays and objects. */
export function phpString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value === true) return '1';
  if (value === false || value === null) return '';
  return undefined;
}

/** PHP truthiness: "", "0", 0, false, null and empty arrays are false. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '' || value === '0') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** (int) $value, as the integer cast reads a stored or sent value. */
export function toInt(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Math.trunc(value);
  const match = /^\s*[+-]?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(String(value));
  return match ? Math.trunc(Number(match[0])) : 0;
}

/** (bool) $value, as the boolean cast reads it. */
export function toBool(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  return truthy(value);
}

/** The decimal:2 cast: a string rounded half up to two places ("1234.5" → "1234.50"). */
export function toDecimal2(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  let text = typeof value === 'number' ? String(value) : String(value).trim();
  if (/e/i.test(text)) text = Number(text).toFixed(12);
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return Number(text).toFixed(2);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const digits = `${whole || '0'}${fraction.padEnd(3, '0').slice(0, 2)}`;
  const roundUp = (fraction[2] ?? '0') >= '5';
  let cents = BigInt(digits) + (roundUp ? 1n : 0n);
  const negative = sign === '-' && cents !== 0n;
  if (cents < 0n) cents = -cents;
  const s = cents.toString().padStart(3, '0');
  return `${negative ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

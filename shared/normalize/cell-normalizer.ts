// Picks the normalizer for a field from its type in the resource table; built once per column.
import type { FieldSpec } from '../resources/index.ts';
import { normalizeBoolean } from './boolean.ts';
import { normalizeCountry } from './country.ts';
import { dateNormalizer } from './date.ts';
import { isEmail, normalizeEmail } from './email.ts';
import { enumNormalizer } from './enum.ts';
import { normalizeDecimal, normalizeInteger } from './number.ts';
import { memoize } from './memoize.ts';
import { mayHoldHtml, normalizeLongText } from './html-text.ts';
import { fail, ok, quote, type CellNormalizer, type NormalizeOptions } from './types.ts';
import { isPlainHttpUrl, normalizeUrl } from './url.ts';

const asText: CellNormalizer = (text) => ok(text);

const asId: CellNormalizer = (text) => {
  const result = normalizeInteger(text);
  if (result.ok && (result.value as number) < 1) return fail('invalid-id', `${quote(text)} is not a Pivor id`);
  return result.ok ? result : fail('invalid-id', `${quote(text)} is not a Pivor id (a whole number)`);
};

export function cellNormalizer(field: FieldSpec, options: NormalizeOptions = {}): CellNormalizer {
  switch (field.type) {
    case 'id': return asId;
    case 'email': return normalizeEmail;
    case 'url': return normalizeUrl;
    case 'enum': return memoize(enumNormalizer(field));
    case 'boolean': return normalizeBoolean;
    case 'datetime': return dateNormalizer(options);
    case 'timestamp': return timestampNormalizer(options);
    case 'integer': return memoize(normalizeInteger);
    case 'decimal': return memoize(normalizeDecimal);
    case 'country': return memoize(normalizeCountry);
    case 'text':
      return isLongText(field) ? normalizeLongText : asText;
    case 'reference':
    case 'full-name':
      return asText;
  }
}

const always = () => true;
const noMarkup = (text: string) => !mayHoldHtml(text);

/** Notes and descriptions: text without a length limit, where CRMs export HTML. */
export function isLongText(field: FieldSpec): boolean {
  return field.type === 'text' && field.max === undefined;
}

/**
 * For fields whose valid values are kept exactly as written (text, names, emails, complete web addresses): a cheap
 * test that a cell is such a value, so the row loop can skip building a result. Null for fields whose values may change.
 */
export function keptAsWritten(field: FieldSpec): ((text: string) => boolean) | null {
  if (field.type === 'text') return isLongText(field) ? noMarkup : always;
  if (field.type === 'reference' || field.type === 'full-name') return always;
  if (field.type === 'email') return isEmail;
  if (field.type === 'url') return isPlainHttpUrl;
  return null;
}

/** updated_at comes from Pivor's own export (ISO 8601): read like a date, without notices, since it is never sent. */
function timestampNormalizer(options: NormalizeOptions): CellNormalizer {
  const read = dateNormalizer(options);
  return (text) => {
    const result = read(text);
    return result.ok ? ok(result.value) : result;
  };
}

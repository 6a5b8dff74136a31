// Value normalization: cells in the spellings people write → values in Pivor's, each change with a notice.
export * from './types.ts';
export { htmlToText } from './html-text.ts';
export { cellNormalizer, isLongText, keptAsWritten } from './cell-normalizer.ts';
export { normalizeBoolean } from './boolean.ts';
export { enumNormalizer } from './enum.ts';
export { dateNormalizer, isValidTimeZone } from './date.ts';
export { parseNumber, normalizeInteger, normalizeDecimal } from './number.ts';
export { normalizeUrl } from './url.ts';
export { normalizeEmail, isEmail } from './email.ts';
export { normalizeCountry } from './country.ts';
export { needsTrim, trimNotice } from './trim.ts';
export { memoize } from './memoize.ts';
export { withValueMapping, valueKey, type ValueMapping } from './value-mapping.ts';

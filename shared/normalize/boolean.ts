// Yes/no cells in the spellings spreadsheets and CRMs use, in English, French, German, Spanish and Italian.
import { fail, ok, quote, type Normalized } from './types.ts';

// A Map, not an object literal: a cell reading "constructor" must not find Object.prototype's.
const words = new Map<string, boolean>(Object.entries({
  yes: true, no: false, true: true, false: false, '1': true, '0': false,
  y: true, n: false, oui: true, non: false, ja: true, nein: false, si: true, 'sí': true,
}));
// Spellings Pivor's CSV and API themselves use (yes no true false 1 0) need no notice: see normalizeBoolean.

// Results are immutable, so the common ones are made once and shared (this runs for every cell of a column).
const YES = ok(true);
const NO = ok(false);

export function normalizeBoolean(text: string): Normalized {
  // Pivor's own spellings, compared as strings: no hashing of the cell (the commonest case by far)
  switch (text) {
    case 'yes': case 'true': case '1': return YES;
    case 'no': case 'false': case '0': return NO;
  }
  const value = words.get(text.toLowerCase());
  if (value === undefined) {
    return fail('invalid-boolean', `${quote(text)} is not yes or no`);
  }
  return ok(value, { code: 'boolean-spelling', message: `read ${quote(text)} as ${value ? 'yes' : 'no'}` });
}

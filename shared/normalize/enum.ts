// Enum cells: Pivor's spelling regardless of case, spaces or hyphens, plus the synonyms the tables list ("call" → phone).
// Whether Pivor's API can write the value is the validator's question, not this one's.
import type { FieldSpec } from '../resources/index.ts';
import { fail, ok, quote, type CellNormalizer } from './types.ts';

export function enumNormalizer(field: FieldSpec): CellNormalizer {
  const values = field.enum?.csv ?? [];
  const lookup = new Map<string, string>();
  for (const v of values) lookup.set(v, v);
  // a synonym wins over a CSV value of the same spelling: the documented template's "call" is the API's phone
  for (const [from, to] of Object.entries(field.enum?.synonyms ?? {})) lookup.set(from, to);
  const list = values.join(', ');
  return (text) => {
    if (lookup.get(text) === text) return ok(text);
    const lower = text.toLowerCase();
    const value = lookup.get(lower) ?? lookup.get(lower.replace(/[\s-]+/g, '_')) ?? lookup.get(lower.replace(/[\s_]+/g, ' '));
    if (value === undefined) return fail('invalid-enum', `${quote(text)} is not one of ${list}`);
    const synonym = value.toLowerCase() !== lower.replace(/[\s-]+/g, '_');
    return ok(value, synonym
      ? { code: 'enum-synonym', message: `read ${quote(text)} as ${value}` }
      : { code: 'enum-spelling', message: `wrote ${quote(text)} as ${value}` });
  };
}

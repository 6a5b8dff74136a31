// The user's value mapping for list fields (status, type, priority, yes/no): a value Pivor does not know, mapped to
// one it does ("Hot lead" → active), read through the field's own normalizer, with an info saying so.
import { quote, type CellNormalizer } from './types.ts';

/** Per field key, the file's value (trimmed, lower case) → the Pivor value it stands for. */
export type ValueMapping = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The key a value is mapped under: case and outer spaces do not matter. */
export function valueKey(text: string): string {
  return text.trim().toLowerCase();
}

/** The normalizer, reading first the values the user mapped (none: the normalizer itself). */
export function withValueMapping(normalize: CellNormalizer, mapped: Readonly<Record<string, string>> | undefined): CellNormalizer {
  if (!mapped || Object.keys(mapped).length === 0) return normalize;
  const lookup = new Map(Object.entries(mapped));
  return (text) => {
    const to = lookup.get(valueKey(text));
    if (to === undefined) return normalize(text);
    const result = normalize(to);
    if (!result.ok) return result;
    return { ok: true, value: result.value, notices: [{ code: 'value-mapped', message: `read ${quote(text)} as ${String(result.value)}, as your value mapping says` }] };
  };
}

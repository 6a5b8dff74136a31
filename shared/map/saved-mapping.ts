// A user's saved mapping offered again for a file whose headers are the same set, or a superset or subset of it:
// the failures file (the same headers plus error and original_row), a re-export with a column more or less.
import type { UserMapping } from './types.ts';

/** A mapping the user made, with the headers of the file it was made for. Plain data: saved as JSON. */
export interface SavedMapping {
  headers: string[];
  mapping: UserMapping;
}

/** How a file's headers relate to a saved mapping's: the same set, more columns (superset) or fewer (subset). */
export type HeaderFit = 'same' | 'superset' | 'subset';

export interface RecalledMapping {
  /** The saved choices for the headers this file has. */
  mapping: UserMapping;
  fit: HeaderFit;
  /** Headers this file has that the saved one did not (superset), and the other way round (subset). */
  added: string[];
  missing: string[];
}

/** Below this many shared headers, two files are not taken for the same kind of file. */
const MIN_SHARED = 2;

/**
 * The saved mapping that fits `headers` best: the same set first, then the one sharing most headers whose set
 * holds or is held by the file's; the later in `saved` (the more recent) on a tie. Surrounding spaces are ignored.
 */
export function recallSavedMapping(headers: readonly string[], saved: readonly SavedMapping[]): RecalledMapping | null {
  const file = new Set(headers.map((h) => h.trim()));
  let best: { entry: SavedMapping; fit: HeaderFit; shared: number } | null = null;
  for (const entry of saved) {
    const set = new Set(entry.headers.map((h) => h.trim()));
    const shared = [...set].filter((h) => file.has(h)).length;
    const fit: HeaderFit | null = shared === set.size && shared === file.size ? 'same'
      : shared === set.size ? 'superset' : shared === file.size ? 'subset' : null;
    if (fit === null || shared < MIN_SHARED) continue;
    if (!best || rank(fit, shared) >= rank(best.fit, best.shared)) best = { entry, fit, shared };
  }
  if (!best) return null;
  const known = new Set(best.entry.headers.map((h) => h.trim()));
  const mapping: UserMapping = {};
  for (const [header, field] of Object.entries(best.entry.mapping)) if (file.has(header.trim())) mapping[header] = field;
  return {
    mapping,
    fit: best.fit,
    added: [...file].filter((h) => !known.has(h)),
    missing: [...known].filter((h) => !file.has(h)),
  };
}

/**
 * `saved` with `entry` in place of any mapping for the same header set, last (the most recent), at most `limit` kept.
 * An empty mapping is kept too: it says "the suggestions, as they are" for this set, which a wider set's choices
 * must not override.
 */
export function withSavedMapping(saved: readonly SavedMapping[], entry: SavedMapping, limit: number): SavedMapping[] {
  const key = sameSetKey(entry.headers);
  const next = [...saved.filter((s) => sameSetKey(s.headers) !== key), entry];
  return next.slice(Math.max(0, next.length - limit));
}

/** The same set beats any other fit; then the more shared headers. */
function rank(fit: HeaderFit, shared: number): number {
  return (fit === 'same' ? 1e6 : 0) + shared;
}

function sameSetKey(headers: readonly string[]): string {
  return [...new Set(headers.map((h) => h.trim()))].sort().join('\u001f');
}

// How names compare when deciding whether a row stands for a record already in Pivor. Two strengths:
// `nameKey` (case and spacing ignored: what the validator and the match keys use) and `looseName`, which also
// ignores punctuation, accents and a trailing legal suffix, so "Meridian Engineering" and "Meridian Engineering
// Ltd." meet. A loose match is only ever a candidate to ask about, never a match acted on silently.

/** Trimmed, inner spaces collapsed, case ignored. */
export function nameKey(name: string): string {
  const key = name.trim().toLowerCase();
  return /\s\s|[\t\n\r\f\v\u00a0]/.test(key) ? key.replace(/\s+/g, ' ') : key; // most names need no collapsing
}

const LEGAL_SUFFIXES = new Set([
  'ltd', 'limited', 'inc', 'incorporated', 'llc', 'gmbh', 'ag', 'sa', 'sas', 'bv', 'ab', 'as', 'oy', 'pty', 'plc', 'corp', 'corporation', 'co',
]);

/** Without case, spacing, punctuation, accents and trailing legal suffixes ("Pty Ltd" drops both). */
export function looseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  // A name that is only a suffix ("Co") keeps it: an empty key would meet every other such name.
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

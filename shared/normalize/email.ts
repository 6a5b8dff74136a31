// Email cells, checked as Laravel's `email` rule (RFC validation) does in practice: local@domain, no spaces, no stray dots.
// The address is kept exactly as written: case in the local part can matter.
import { fail, ok, quote, type Normalized } from './types.ts';

export function normalizeEmail(text: string): Normalized {
  return isEmail(text) ? ok(text) : fail('invalid-email', `${quote(text)} is not a valid email address`);
}

/** One pass over the characters: exactly one @ with text on both sides, no whitespace, no dot at a part's edge or doubled. */
export function isEmail(text: string): boolean {
  const at = text.lastIndexOf('@');
  const n = text.length;
  if (at <= 0 || at === n - 1) return false;
  let previous = 64; // as if after an @: a leading dot is refused
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (previous === 46 || previous === 64) return false;
    } else if (c === 64 /* @ */) {
      if (i !== at || previous === 46) return false;
    } else if (
      // whitespace, controls, and characters only valid inside quotes
      c <= 32 || c === 127 || c === 44 || c === 59 || c === 60 || c === 62 || c === 40 || c === 41 || c === 91 || c === 93 || c === 92 || c === 34
    ) {
      return false;
    }
    previous = c;
  }
  return previous !== 46;
}

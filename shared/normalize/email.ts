// Email cells, checked as Laravel's `email` rule (RFC validation) does in practice: local@domain, no spaces, no stray dots.
// The address is kept exactly as written: case in the local part can matter.
import { fail, ok, quote, type Normalized } from './types.ts';

export function normalizeEmail(text: string): Normalized {
  return isEmail(text) ? ok(text) : fail('invalid-email', `${quote(text)} is not a valid email address`);
}

/** ASCII characters an address cannot hold unquoted: whitespace and controls, DEL, and , ; < > ( ) [ ] \ " */
const REFUSED = new Uint8Array(128);
for (let c = 0; c <= 32; c++) REFUSED[c] = 1;
for (const c of [127, 44, 59, 60, 62, 40, 41, 91, 93, 92, 34]) REFUSED[c] = 1;

/** One pass over the characters: exactly one @ with text on both sides, no whitespace, no dot at a part's edge or doubled. */
export function isEmail(text: string): boolean {
  const n = text.length;
  let at = -1;
  let previous = 64; // as if after an @: a leading dot is refused
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (previous === 46 || previous === 64) return false;
    } else if (c === 64 /* @ */) {
      if (at >= 0 || previous === 46) return false;
      at = i;
    } else if (c < 128 && REFUSED[c] === 1) {
      return false;
    }
    previous = c;
  }
  return at > 0 && at < n - 1 && previous !== 46;
}

// The shortcuts the row loop takes must give exactly what the full normalizers give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmail, keptAsWritten, memoize, normalizeCountry, normalizeUrl } from '../../shared/normalize/index.ts';
import { contacts, getField } from '../../shared/resources/index.ts';

/** The email rule as first written: the last @ splits the address, and any other @ is refused. */
function isEmailByLastAt(text: string): boolean {
  const at = text.lastIndexOf('@');
  const n = text.length;
  if (at <= 0 || at === n - 1) return false;
  let previous = 64;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (previous === 46 || previous === 64) return false;
    } else if (c === 64) {
      if (i !== at || previous === 46) return false;
    } else if (c <= 32 || c === 127 || c === 44 || c === 59 || c === 60 || c === 62 || c === 40 || c === 41 || c === 91 || c === 93 || c === 92 || c === 34) {
      return false;
    }
    previous = c;
  }
  return previous !== 46;
}

describe('fast paths', () => {
  it('isEmail, in one pass, decides as the rule written with lastIndexOf', () => {
    const unit = fc.constantFrom('a', 'B', '.', '@', ' ', ',', ';', '<', '>', '(', ')', '[', ']', '\\', '"', '\u007f', '\t', 'é', '例', '+', '\u00a0');
    fc.assert(fc.property(fc.string({ unit, maxLength: 10 }), (text) => {
      expect(isEmail(text)).toBe(isEmailByLastAt(text));
    }), { numRuns: 20000 });
  });

  it('a web address kept as written is one normalizeUrl keeps unchanged, without a notice', () => {
    const kept = keptAsWritten(getField(contacts, 'linkedin_url'))!;
    const piece = fc.stringMatching(/^[a-zA-Z0-9.\-:/?#_ @ü]{0,12}$/);
    fc.assert(fc.property(fc.constantFrom('http://', 'https://', 'HTTP://', ''), piece, fc.constantFrom('.com', '.co.uk', '.x', '', '.de:80'), piece, (scheme, host, tld, rest) => {
      const text = scheme + host + tld + rest;
      if (kept(text)) expect(normalizeUrl(text)).toEqual({ ok: true, value: text });
    }), { numRuns: 5000 });
  });

  it('memoize gives what the normalizer gives, for few and for many distinct texts', () => {
    const country = memoize(normalizeCountry, 5);
    fc.assert(fc.property(fc.array(fc.constantFrom('DE', 'de', 'Germany', 'US', 'usa', 'Narnia', 'FR', 'Congo', 'gb', 'UK', 'España', 'JP'), { maxLength: 40 }), (texts) => {
      for (const text of texts) expect(country(text)).toEqual(normalizeCountry(text));
    }), { numRuns: 300 });
  });
});

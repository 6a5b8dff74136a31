// Web address cells: Pivor's API (Laravel's url rule) needs a scheme, so "acme.com" becomes "https://acme.com" with a notice.
// Written by hand rather than with the URL class, which Apps Script lacks.
import { fail, ok, quote, type Normalized } from './types.ts';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// A host name: dot-separated labels of letters (any script), digits and inner hyphens, ending in a 2+ letter top level.
const HOST = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}-]*\p{L}$/u;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

export function normalizeUrl(text: string): Normalized {
  return isPlainHttpUrl(text) ? ok(text) : normalizeUrlFully(text);
}

/** The complete check, without the fast path (exported for the test that the two agree). */
export function normalizeUrlFully(text: string): Normalized {
  if (/\s/.test(text)) return broken(text, 'it contains spaces');
  if (/^https?\/\//i.test(text)) return broken(text, 'a ":" is missing after http');
  const scheme = SCHEME.exec(text);
  let url = text;
  let added = false;
  if (scheme && !/^[^:/]+:\d+(?:[/?#]|$)/.test(text)) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https') return broken(text, 'only http and https addresses are accepted');
    if (!text.slice(scheme[0].length).startsWith('//')) return broken(text, `"${scheme[0]}" must be followed by //`);
  } else {
    if (text.startsWith('//')) url = 'https:' + text;
    else url = 'https://' + text;
    added = true;
  }
  const rest = url.slice(url.indexOf('//') + 2);
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return broken(text, 'it holds a user name');
  const host = authority.replace(/:\d{1,5}$/, '');
  if (!host || (!HOST.test(host) && !IPV4.test(host) && host.toLowerCase() !== 'localhost')) {
    return broken(text, host ? `"${host}" is not a domain name` : 'it has no domain name');
  }
  return added ? ok(url, { code: 'url-scheme-added', message: `${quote(text)} has no http:// or https://: sent as ${quote(url)}` }) : ok(url);
}

function broken(text: string, why: string): Normalized {
  return fail('invalid-url', `${quote(text)} is not a valid web address (${why})`);
}

/**
 * The common case, checked by character with no regex: http:// or https://, an ASCII host name with a dot and a
 * letter top-level domain, an optional port, then a path, query or fragment without spaces. Anything else takes
 * the full path above (which accepts more, and explains what it refuses).
 */
export function isPlainHttpUrl(text: string): boolean {
  let i = text.startsWith('https://') ? 8 : text.startsWith('http://') ? 7 : -1;
  if (i < 0) return false;
  const n = text.length;
  let labelStart = i;
  let dots = 0;
  let tldLetters = true;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (i === labelStart || text.charCodeAt(i - 1) === 45) return false; // empty label, or ending in -
      dots++;
      labelStart = i + 1;
      tldLetters = true;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      // letter
    } else if ((c >= 48 && c <= 57) || c === 45) {
      if (c === 45 && i === labelStart) return false; // label starting with -
      tldLetters = false;
    } else break;
  }
  // host must end with a letters-only label of two or more after at least one dot
  if (dots === 0 || !tldLetters || i - labelStart < 2) return false;
  if (i < n) {
    let c = text.charCodeAt(i);
    if (c === 58 /* : */) {
      const portStart = ++i;
      while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) i++;
      if (i === portStart || i - portStart > 5) return false;
      if (i === n) return true;
    }
    if (c !== 47 && c !== 63 && c !== 35) return false; // / ? #
    for (; i < n; i++) if (text.charCodeAt(i) <= 32) return false;
  }
  return true;
}

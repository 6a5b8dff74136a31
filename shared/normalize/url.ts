// Web address cells: Pivor's API (Laravel's url rule) needs a scheme, so "acme.com" becomes "https://acme.com" with a notice.
// Written by hand rather than with the URL class, which Apps Script lacks.
import { fail, ok, quote, type Normalized } from './types.ts';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// A host name: dot-separated labels of letters (any script), digits and inner hyphens, ending in a 2+ letter top level.
const HOST = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}-]*\p{L}$/u;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

export function normalizeUrl(text: string): Normalized {
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

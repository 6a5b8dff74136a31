// Turns what a user types as "Pivor's address" into the API base, and refuses addresses that would leak the token.
// Accepts https://crm.example.com, …/, …/api, …/api/, a sub-folder install (…/crm), or an address without a scheme:
// http for localhost and 127.0.0.1 (a local Pivor rarely has a certificate), https for everything else.
import { PivorError } from './errors.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface ApiBase {
  /** The API root without a trailing slash: https://crm.example.com/api */
  apiBase: string;
  /** For messages: scheme, host and port only. */
  origin: string;
  /** Set when the address had no scheme: the one chosen, so messages can say which was tried. */
  assumedScheme?: 'http' | 'https';
}

export function normalizeBaseUrl(input: string): ApiBase {
  const trimmed = input.trim();
  if (trimmed === '') throw new PivorError('insecure-url', "Enter Pivor's address, for example https://crm.example.com.");
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  const assumedScheme = hasScheme ? undefined : schemeFor(trimmed);
  const withScheme = assumedScheme ? `${assumedScheme}://${trimmed}` : trimmed;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new PivorError('insecure-url', `"${trimmed}" is not a web address: enter Pivor's address, for example https://crm.example.com.`);
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    throw new PivorError(
      'insecure-url',
      `Pivor's address must start with https:// (${url.origin} would send your token unencrypted; plain http is only allowed for localhost).`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PivorError('insecure-url', `Pivor's address must start with https:// (got ${url.protocol}//).`);
  }
  if (url.username || url.password) {
    // Credentials in the address would end up in logs and messages; Pivor uses tokens anyway.
    throw new PivorError('insecure-url', "Pivor's address must not contain a user name or password: sign in with your email instead.");
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api$/, '');
  return { apiBase: `${url.origin}${path}/api`, origin: url.origin, ...(assumedScheme ? { assumedScheme } : {}) };
}

/** The address with the scheme normalizeBaseUrl chose, as people should see and store it. */
export function withAssumedScheme(input: string): string {
  const trimmed = input.trim();
  const { assumedScheme } = normalizeBaseUrl(trimmed);
  return assumedScheme ? `${assumedScheme}://${trimmed}` : trimmed;
}

function schemeFor(bare: string): 'http' | 'https' {
  try {
    return LOCAL_HOSTS.has(new URL(`http://${bare}`).hostname) ? 'http' : 'https';
  } catch {
    return 'https';
  }
}

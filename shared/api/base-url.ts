// Turns what a user types as "Pivor's address" into the API base, and refuses addresses that would leak the token.
// Accepts https://crm.example.com, …/, …/api, …/api/, a sub-folder install (…/crm), or a bare host (https assumed).
import { PivorError } from './errors.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface ApiBase {
  /** The API root without a trailing slash: https://crm.example.com/api */
  apiBase: string;
  /** For messages: scheme, host and port only. */
  origin: string;
}

export function normalizeBaseUrl(input: string): ApiBase {
  const trimmed = input.trim();
  if (trimmed === '') throw new PivorError('insecure-url', "Enter Pivor's address, for example https://crm.example.com.");
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
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
  return { apiBase: `${url.origin}${path}/api`, origin: url.origin };
}

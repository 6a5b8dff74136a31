// Which Pivor addresses this build of the add-on signs in to, checked before anything (a password above
// all) is sent. Always https: UrlFetchApp runs on Google's servers, so a plain http:// address would carry
// the password and token across the internet unencrypted, and "localhost" there is not the user's machine;
// only a development build accepts http://localhost, for the test harness. A build for one organisation
// (PIVOR_URL_ALLOWLIST) lists its Pivor in the manifest's urlFetchWhitelist, which Google enforces; any
// other address is refused here first, with a message instead of Google's error.
import { normalizeBaseUrl, PivorError } from '../shared/api/index.ts';

const DEV_BUILD = typeof __PIVOR_DEV_BUILD__ === 'boolean' && __PIVOR_DEV_BUILD__;
const ALLOWLIST: readonly string[] = typeof __PIVOR_URL_ALLOWLIST__ === 'object' ? __PIVOR_URL_ALLOWLIST__ : [];

export function checkPivorAddress(baseUrl: string): void {
  const { apiBase, origin } = normalizeBaseUrl(baseUrl);
  if (!DEV_BUILD && !origin.startsWith('https://')) {
    throw new PivorError('insecure-url', `Pivor's address must start with https:// (${origin} would send your password unencrypted, and Google's servers cannot reach your computer's localhost).`);
  }
  if (ALLOWLIST.length > 0 && !ALLOWLIST.some((prefix) => `${apiBase}/`.startsWith(prefix))) {
    throw new PivorError('insecure-url', `This add-on was set up for ${ALLOWLIST.join(', ')} only: ${origin} is not one of them. Ask whoever installed it.`);
  }
}

// Who is signed in to Pivor, per Google user: the address, the token and the user's name, kept in the
// user's own properties (PropertiesService.getUserProperties), which no other editor of the spreadsheet
// can read. Never in document properties, never in a cell, never in a log. Builds the PivorClient.
import { PivorClient, PivorError, type PivorUser } from '../shared/api/index.ts';
import { checkPivorAddress } from './pivor-address.ts';
import { msLeftInStep } from './step-clock.ts';
import { createUrlFetchTransport, type UrlFetchTransportOptions } from './url-fetch-transport.ts';

const KEY_BASE_URL = 'pivor.baseUrl';
const KEY_TOKEN = 'pivor.token';
const KEY_USER = 'pivor.user';
const DEVICE_NAME = 'Google Sheets add-on';

export interface SignedInUser {
  name: string;
  email: string;
  role: string;
  baseUrl: string;
}

/** Apps Script has no timers: waits between retries block with Utilities.sleep. */
const sleep = (ms: number): Promise<void> => {
  Utilities.sleep(ms);
  return Promise.resolve();
};

export function newClient(baseUrl: string, token?: string, transport: UrlFetchTransportOptions = {}): PivorClient {
  // A Retry-After longer than the step has left is not waited out: the step ends saying when to go on.
  return new PivorClient({ baseUrl, ...(token ? { token } : {}), transport: createUrlFetchTransport(transport), sleep, waitBudgetMs: () => msLeftInStep() });
}

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getUserProperties();
}

export function currentUser(): SignedInUser | null {
  const props = store();
  const user = props.getProperty(KEY_USER);
  const baseUrl = props.getProperty(KEY_BASE_URL);
  if (!user || !baseUrl || !props.getProperty(KEY_TOKEN)) return null;
  try {
    return { ...(JSON.parse(user) as Omit<SignedInUser, 'baseUrl'>), baseUrl };
  } catch {
    return null;
  }
}

/** The client for the signed-in user; a clear error when nobody is. */
export function signedInClient(transport: UrlFetchTransportOptions = {}): PivorClient {
  const props = store();
  const baseUrl = props.getProperty(KEY_BASE_URL);
  const token = props.getProperty(KEY_TOKEN);
  if (!baseUrl || !token) throw new PivorError('unauthenticated', 'Sign in to Pivor first (Pivor › Open sidebar).');
  return newClient(baseUrl, token, transport);
}

function remember(baseUrl: string, token: string, user: PivorUser): SignedInUser {
  const saved = { name: String(user.name ?? ''), email: String(user.email), role: String(user.role ?? '') };
  store().setProperties({ [KEY_BASE_URL]: baseUrl, [KEY_TOKEN]: token, [KEY_USER]: JSON.stringify(saved) });
  return { ...saved, baseUrl };
}

export async function signInWithPassword(baseUrl: string, email: string, password: string): Promise<SignedInUser> {
  checkPivorAddress(baseUrl);
  const client = newClient(baseUrl);
  const { token, user } = await client.createToken(email.trim(), password, DEVICE_NAME);
  return remember(baseUrl.trim(), token, user);
}

/** A token made in Pivor (or by the CLI), pasted: checked against /api/user before it is kept. */
export async function signInWithToken(baseUrl: string, token: string): Promise<SignedInUser> {
  const trimmed = token.trim();
  if (!/^\S+$/.test(trimmed)) throw new PivorError('unauthenticated', 'Paste the whole token, without spaces.');
  checkPivorAddress(baseUrl);
  const client = newClient(baseUrl, trimmed);
  const user = await client.currentUser();
  return remember(baseUrl.trim(), trimmed, user);
}

/**
 * Revokes the token on the server, then forgets it here whatever happened. Returns a warning when the
 * server could not revoke it (the user should then revoke it in Pivor).
 */
export async function signOut(): Promise<{ warning?: string }> {
  const props = store();
  const baseUrl = props.getProperty(KEY_BASE_URL);
  const token = props.getProperty(KEY_TOKEN);
  let warning: string | undefined;
  if (baseUrl && token) {
    try {
      await newClient(baseUrl, token).revokeToken();
    } catch (error) {
      // A token Pivor no longer knows is as good as revoked.
      if (!(error instanceof PivorError && error.kind === 'unauthenticated')) {
        warning = `Signed out here, but Pivor could not revoke the token (${error instanceof Error ? error.message : String(error)}). Revoke it in Pivor's API tokens page.`;
      }
    }
  }
  props.deleteProperty(KEY_TOKEN);
  props.deleteProperty(KEY_USER);
  return warning ? { warning } : {};
}

/** Forgets the token after Pivor said it is no longer valid, so the sidebar asks to sign in again. */
export function forgetRevokedToken(): void {
  store().deleteProperty(KEY_TOKEN);
  store().deleteProperty(KEY_USER);
}

/** The address last used, to fill the sign-in form. */
export function lastBaseUrl(): string {
  return store().getProperty(KEY_BASE_URL) ?? '';
}

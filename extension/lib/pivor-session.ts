// Signing in and out of Pivor from the extension: the core's PivorClient over ky, with the token kept in
// chrome.storage.local (storage/session-store.ts) and host access limited to the Pivor origin.
import { PivorClient } from '../../shared/api/client.ts';
import { normalizeBaseUrl, withAssumedScheme, type ApiBase } from '../../shared/api/base-url.ts';
import { isPivorError, PivorError } from '../../shared/api/errors.ts';
import type { RetryInfo, RetryOptions, WaitingInfo } from '../../shared/api/index.ts';
import { createFetchTransport } from '../../shared/api/fetch-transport.ts';
import { clearSession, saveSession, type Session, type SessionUser } from '../storage/session-store.ts';
import { releaseOriginAccess, requestOriginAccess } from './host-access.ts';

export const DEVICE_NAME = 'Pivor Bridge (Chrome)';

export interface ClientExtras {
  /** Told before each retry, so a page can say "Pivor did not answer; trying again in 2 s". */
  onRetry?: (info: RetryInfo) => void;
  /** Told every few seconds while Pivor has not answered: "Waiting for Pivor at …: no answer for 5 s (attempt 1 of 5)". */
  onWaiting?: (info: WaitingInfo) => void;
  retry?: Partial<RetryOptions>;
}

export function clientFor(session: Pick<Session, 'baseUrl' | 'token'>, extras: ClientExtras = {}): PivorClient {
  return new PivorClient({ baseUrl: session.baseUrl, token: session.token, transport: createFetchTransport(), ...extras });
}

export type Credentials = { kind: 'password'; email: string; password: string } | { kind: 'token'; token: string };

/**
 * Checks the address, asks for access to that origin (call it straight from the click: Chrome wants the
 * request inside the user's gesture), then gets a token and the user. Throws PivorError with a message for people.
 */
export async function signIn(address: string, credentials: Credentials): Promise<Session> {
  const base: ApiBase = normalizeBaseUrl(address);
  const granted = await requestOriginAccess(base.origin);
  if (!granted) {
    throw new PivorError('forbidden', `Pivor Bridge needs your permission to talk to ${base.origin}. Sign in again and choose Allow.`);
  }
  // Kept with its scheme: "localhost:8787" is stored (and shown) as the http://localhost:8787 it was tried as.
  const baseUrl = withAssumedScheme(address);
  try {
    const anonymous = new PivorClient({ baseUrl, transport: createFetchTransport() });
    if (credentials.kind === 'password') {
      const { token, user } = await anonymous.createToken(credentials.email.trim(), credentials.password, DEVICE_NAME);
      return await remember(baseUrl, token, toUser(user), true);
    }
    const token = credentials.token.trim().replace(/^Bearer\s+/i, '');
    if (!/^\S{8,}$/.test(token)) throw new PivorError('unauthenticated', 'That does not look like a Pivor API token (it looks like 12|AbCd…).');
    const user = await clientFor({ baseUrl, token }).currentUser();
    return await remember(baseUrl, token, toUser(user), false);
  } catch (error) {
    // Not a Pivor we could use: give the origin back, so access stays limited to the signed-in Pivor.
    // A wrong password or token keeps it: this is a real Pivor and the user will try again.
    if (!(isPivorError(error) && (error.kind === 'validation' || error.kind === 'unauthenticated'))) await releaseOriginAccess(base.origin);
    throw withSchemeNote(friendlier(error), base);
  }
}

/** Revokes the token on the server, then forgets it. A token the server already refuses counts as revoked. */
export async function signOut(session: Session): Promise<void> {
  try {
    // One quick retry: someone waiting on a sign-out button should hear about a dead server in seconds.
    await clientFor(session, { retry: { attempts: 2 } }).revokeToken();
  } catch (error) {
    if (!(isPivorError(error) && error.kind === 'unauthenticated')) throw error;
  }
  await forget(session);
}

/** Forgets the token here without telling the server (when the server cannot be reached and the user insists). */
export async function forget(session: Session): Promise<void> {
  await clearSession();
  await releaseOriginAccess(normalizeBaseUrl(session.baseUrl).origin);
}

async function remember(baseUrl: string, token: string, user: SessionUser, createdHere: boolean): Promise<Session> {
  const session: Session = { baseUrl, token, user, createdHere, signedInAt: new Date().toISOString() };
  await saveSession(session);
  return session;
}

function toUser(user: { id: number; name: string; email: string; role?: unknown }): SessionUser {
  return { id: user.id, name: user.name, email: user.email, role: typeof user.role === 'string' ? user.role : 'user' };
}

function friendlier(error: unknown): unknown {
  if (isPivorError(error) && error.kind === 'unauthenticated') {
    return new PivorError('unauthenticated', 'Pivor did not accept this token: it may have been revoked or mistyped.');
  }
  return error;
}

/** An address typed without a scheme: failures say which one was tried, so https-only or http-only servers make sense. */
function withSchemeNote(error: unknown, base: ApiBase): unknown {
  if (!base.assumedScheme || !isPivorError(error) || error.kind === 'validation' || error.kind === 'unauthenticated') return error;
  return new PivorError(error.kind, `${error.message} (The address had no http:// or https://, so ${schemeChoice(base)} was tried.)`);
}

/** "http://localhost:8787 (http, as for a local address)": what an address without a scheme becomes, for people. */
export function schemeChoice(base: ApiBase): string {
  return base.assumedScheme === 'http' ? `${base.origin} (http, as for a local address)` : `${base.origin} (https)`;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

// The signed-in session: which Pivor, who, and the bearer token. Kept in chrome.storage.local only:
// never synced, never put in a URL, never logged (nothing here prints it).
import { readLocal, removeLocal, writeLocal } from './local-store.ts';

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: string;
}

export interface Session {
  /** The Pivor instance's base URL (origin plus any path prefix), without a trailing slash. */
  baseUrl: string;
  token: string;
  user: SessionUser;
  /** True when the token was created by this extension, so signing out may revoke it. */
  createdHere: boolean;
  signedInAt: string;
}

const key = 'session';

export function loadSession(): Promise<Session | undefined> {
  return readLocal<Session>(key);
}

export function saveSession(session: Session): Promise<void> {
  return writeLocal(key, session);
}

export function clearSession(): Promise<void> {
  return removeLocal(key);
}

/** Calls back when another page signs in or out, so every open page follows. */
export function onSessionChange(callback: (session: Session | undefined) => void): () => void {
  const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === 'local' && key in changes) callback(changes[key]!.newValue as Session | undefined);
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}

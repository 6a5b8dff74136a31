// What every sidebar call returns: a value, or an error the sidebar can act on (kind) and show (message).
// Expected failures (wrong password, dead server, revoked token) travel as data rather than exceptions,
// so the sidebar never has to parse error text; a revoked token is forgotten at once.
import { PivorError } from '../shared/api/index.ts';
import { forgetRevokedToken } from './pivor-session.ts';

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

/** `usesStoredToken`: false for sign-in calls, whose 401 says nothing about the token already kept. */
export async function rpc<T>(work: () => T | Promise<T>, usesStoredToken = true): Promise<RpcResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof PivorError) {
      if (error.kind === 'unauthenticated' && usesStoredToken) forgetRevokedToken();
      return { ok: false, error: { kind: error.kind, message: error.message } };
    }
    if (error instanceof UserError) return { ok: false, error: { kind: error.kind, message: error.message } };
    throw error;
  }
}

/** A problem the user can fix (no sheet to push, a header row someone changed): shown as it is. */
export class UserError extends Error {
  constructor(message: string, readonly kind = 'user') {
    super(message);
    this.name = 'UserError';
  }
}

// Typed errors from talking to Pivor, each with a message a user can act on.
// `kind` is for code (what to do next), `message` for people; tokens and headers never appear in either.

export type PivorErrorKind =
  | 'unauthenticated' // 401: token missing, revoked or expired
  | 'forbidden'       // 403: the record belongs to someone else
  | 'not-found'       // 404
  | 'validation'      // 422: fieldErrors says which fields
  | 'rate-limited'    // 429
  | 'server'          // 5xx
  | 'network'         // no answer: refused, unreachable, timed out, reset
  | 'insecure-url'    // a base URL that would send the token in clear, or no URL at all
  | 'bad-response'    // an answer that is not Pivor's API (HTML, redirect, wrong JSON)
  | 'incomplete'     // a listing could not be read whole (the list kept changing)
  | 'cancelled';      // the caller's AbortSignal fired

export interface PivorErrorDetails {
  status?: number;
  fieldErrors?: Record<string, string[]>;
  /** The request may have been carried out although it failed (POST only matters): look before resending. */
  maybeProcessed?: boolean;
  /** From Retry-After on 429 and 503. */
  retryAfterMs?: number;
}

export class PivorError extends Error {
  readonly kind: PivorErrorKind;
  readonly status?: number;
  readonly fieldErrors?: Record<string, string[]>;
  readonly maybeProcessed?: boolean;
  readonly retryAfterMs?: number;

  constructor(kind: PivorErrorKind, message: string, details: PivorErrorDetails = {}) {
    super(message);
    this.name = 'PivorError';
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.fieldErrors !== undefined) this.fieldErrors = details.fieldErrors;
    if (details.maybeProcessed !== undefined) this.maybeProcessed = details.maybeProcessed;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }

  /** The same error with other details (for example maybeProcessed once the retry policy knows the method). */
  with(details: PivorErrorDetails, message: string = this.message): PivorError {
    return new PivorError(this.kind, message, {
      status: this.status, fieldErrors: this.fieldErrors, maybeProcessed: this.maybeProcessed,
      retryAfterMs: this.retryAfterMs, ...details,
    });
  }
}

export function isPivorError(value: unknown): value is PivorError {
  return value instanceof PivorError;
}

/** "in 3 s", rounded up so a user never waits longer than told. */
export function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`;
}

export const messages = {
  unauthenticated: 'Your token was revoked or has expired: sign in again.',
  wrongCredentials: 'Wrong email or password.',
  forbidden: 'You do not have access to this record.',
  rateLimitedRetrying: (ms: number) => `Pivor is rate limiting requests; retrying in ${seconds(ms)}`,
  rateLimitedGiveUp: (ms: number | undefined) =>
    `Pivor is rate limiting requests; try again${ms === undefined ? ' later' : ` in ${seconds(ms)}`}.`,
  server: (status: number) => `Pivor had a server error (${status}).`,
  network: (origin: string, detail: string) => `Can't reach Pivor at ${origin}: check the URL and your connection (${detail}).`,
  badResponse: (origin: string, detail: string) => `${origin} did not answer like a Pivor API (${detail}): check the URL.`,
  cancelled: 'Cancelled.',
  redirected: (origin: string, target: string | undefined) =>
    `${origin} redirected the request ${target ? `to ${target}` : 'elsewhere (the browser does not say where)'}. ` +
    'Pivor Bridge follows no redirect, so nothing was sent there: check the address, and if Pivor has moved, sign in at its new address.',
};

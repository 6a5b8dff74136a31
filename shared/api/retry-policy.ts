// Which failures are worth another try, and after how long.
// Anything may be retried on 429 and 503 (the server refused it unprocessed). GET, PUT, PATCH and DELETE are
// idempotent, so network errors and other 5xx are retried too. A POST that may have been processed is never
// resent blindly: it comes back with maybeProcessed so the caller can look the record up first.
import { backoffDelay } from './backoff.ts';
import { PivorError, messages } from './errors.ts';
import type { Outcome } from './interpret-response.ts';
import type { HttpMethod } from './transport.ts';

export interface RetryOptions {
  /** Tries per request, the first included. Default 5. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A wait (Retry-After, or backoff) longer than this is not waited out: the error goes back to the caller. Default 2 minutes. */
  maxRetryAfterMs: number;
}

export const defaultRetryOptions: RetryOptions = { attempts: 5, baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 120_000 };

export type RetryReason = 'rate-limited' | 'unavailable' | 'server' | 'network';

export type RetryDecision =
  | { retry: false; outcome: Outcome }
  | { retry: true; delayMs: number; reason: RetryReason; error: PivorError };

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'PATCH', 'DELETE']);

/** `attempt` is how many tries have been made, this one included (1 after the first). */
export function decideRetry(
  method: HttpMethod,
  outcome: Outcome,
  attempt: number,
  options: RetryOptions,
  random: () => number,
): RetryDecision {
  if (outcome.ok) return { retry: false, outcome };
  const error = outcome.error;
  const reason = retryReason(method, error);
  if (reason === undefined) return { retry: false, outcome: { ok: false, error: settle(method, error) } };

  if (attempt >= options.attempts) return { retry: false, outcome: { ok: false, error: settle(method, error) } };
  const delayMs = error.retryAfterMs ?? backoffDelay(attempt, options, random);
  if (delayMs > options.maxRetryAfterMs) return { retry: false, outcome: { ok: false, error: settle(method, error) } };
  return { retry: true, delayMs, reason, error };
}

function retryReason(method: HttpMethod, error: PivorError): RetryReason | undefined {
  if (error.kind === 'rate-limited') return 'rate-limited';
  if (error.kind === 'server' && error.status === 503) return 'unavailable';
  if (error.kind === 'server') return IDEMPOTENT.has(method) ? 'server' : undefined;
  if (error.kind === 'network') return IDEMPOTENT.has(method) || error.maybeProcessed === false ? 'network' : undefined;
  return undefined;
}

// The final error: a POST that reached a failing server may have been written; a 429 says when to come back.
function settle(method: HttpMethod, error: PivorError): PivorError {
  if (method === 'POST' && error.kind === 'server' && error.status !== 503) return error.with({ maybeProcessed: true });
  return error;
}

/** What onRetry reports to a person; `next` is the try about to be made ("attempt 2 of 5"). */
export function retryMessage(reason: RetryReason, delayMs: number, error: PivorError, next?: { attempt: number; attempts: number }): string {
  const which = next ? ` (attempt ${next.attempt} of ${next.attempts})` : '';
  switch (reason) {
    case 'rate-limited':
      return `${messages.rateLimitedRetrying(delayMs)}${which}`;
    case 'unavailable':
    case 'server':
      return `${error.message} Retrying in ${Math.max(1, Math.ceil(delayMs / 1000))} s${which}.`;
    case 'network':
      return `${error.message} Retrying${which}.`;
  }
}

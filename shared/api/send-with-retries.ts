// Sends a batch through the transport in rounds: one transport.send per round, and only the requests that
// failed in a retryable way go into the next round, after the longest wait any of them asked for.
import { PivorError, messages } from './errors.ts';
import { interpretResult, type Outcome } from './interpret-response.ts';
import { decideRetry, retryMessage, type RetryOptions, type RetryReason } from './retry-policy.ts';
import type { HttpMethod, HttpRequest, HttpResult, Transport } from './transport.ts';
import { waitingMessage, withWaitingNotices, type WaitingInfo } from './waiting-notice.ts';

export interface PreparedRequest {
  method: HttpMethod;
  /** Below the API base, for messages and the retry policy: /clients/42 */
  path: string;
  http: HttpRequest;
}

export interface RetryInfo {
  /** Tries made so far by the requests about to be retried (the highest among them). */
  attempt: number;
  delayMs: number;
  reason: RetryReason;
  /** How many requests of the batch are being retried. */
  count: number;
  status?: number;
  /** For people: "Pivor is rate limiting requests; retrying in 3 s". */
  message: string;
}

export interface SendContext {
  transport: Transport;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  retry: RetryOptions;
  /** The longest wait still worth making, asked before each round is judged (the caller's time left). */
  waitBudgetMs?: () => number;
  origin: string;
  onRetry?: (info: RetryInfo) => void;
  /** Told every `waitingNoticeMs` while a round has no answer yet. */
  onWaiting?: (info: WaitingInfo) => void;
  waitingNoticeMs?: number;
  signal?: AbortSignal;
}

export async function sendWithRetries(requests: readonly PreparedRequest[], context: SendContext): Promise<Outcome[]> {
  const outcomes: (Outcome | undefined)[] = requests.map(() => undefined);
  const attempts = requests.map(() => 0);
  const lastErrors: (PivorError | undefined)[] = requests.map(() => undefined);
  let pending = requests.map((_, index) => index);

  while (pending.length > 0) {
    if (context.signal?.aborted) {
      for (const index of pending) outcomes[index] = cancelled(lastErrors[index]);
      break;
    }
    const results = await waitForRound(context, pending.map((index) => requests[index]!.http), attempts[pending[0]!]! + 1);
    const next: number[] = [];
    let delayMs = 0;
    let first: { reason: RetryReason; error: PivorError } | undefined;
    const retry = withinBudget(context);
    pending.forEach((index, position) => {
      const request = requests[index]!;
      attempts[index]! += 1;
      const result = results[position] ?? lostResult;
      const outcome = interpretResult(result, { method: request.method, path: request.path, origin: context.origin, url: request.http.url, now: context.now() });
      const decision = decideRetry(request.method, outcome, attempts[index]!, retry, context.random);
      if (!decision.retry) {
        outcomes[index] = decision.outcome;
        return;
      }
      lastErrors[index] = decision.error;
      next.push(index);
      delayMs = Math.max(delayMs, decision.delayMs);
      // Report the most telling reason: a rate limit explains the wait better than a stray network error.
      if (!first || decision.reason === 'rate-limited') first = { reason: decision.reason, error: decision.error };
    });
    if (next.length > 0 && first) {
      const attempt = Math.max(...next.map((index) => attempts[index]!));
      context.onRetry?.({
        attempt,
        delayMs,
        reason: first.reason,
        count: next.length,
        ...(first.error.status !== undefined ? { status: first.error.status } : {}),
        message: retryMessage(first.reason, delayMs, first.error, { attempt: attempt + 1, attempts: context.retry.attempts }),
      });
      await context.sleep(delayMs);
    }
    pending = next;
  }
  return outcomes.map((outcome) => outcome ?? { ok: false, error: new PivorError('cancelled', messages.cancelled) });
}

/** The retry options with no wait longer than the caller has time for. */
function withinBudget(context: SendContext): RetryOptions {
  if (!context.waitBudgetMs) return context.retry;
  const budget = Math.max(0, context.waitBudgetMs());
  return budget < context.retry.maxRetryAfterMs ? { ...context.retry, maxRetryAfterMs: budget } : context.retry;
}

function waitForRound(context: SendContext, batch: HttpRequest[], attempt: number): Promise<HttpResult[]> {
  const round = sendRound(context.transport, batch);
  const notify = context.onWaiting;
  if (!notify) return round;
  const attempts = context.retry.attempts;
  return withWaitingNotices(round, context.waitingNoticeMs ?? 5_000, (waitedMs) => notify({
    attempt, attempts, waitedMs, count: batch.length, message: waitingMessage(context.origin, waitedMs, attempt, attempts),
  }));
}

// A transport must not throw, but if one does, treat every request of the round as possibly sent.
async function sendRound(transport: Transport, batch: HttpRequest[]): Promise<HttpResult[]> {
  try {
    return await transport.send(batch);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return batch.map(() => ({ kind: 'network-error', message, maybeProcessed: true }));
  }
}

const lostResult: HttpResult = { kind: 'network-error', message: 'the transport returned no result', maybeProcessed: true };

function cancelled(lastError: PivorError | undefined): Outcome {
  const maybeProcessed = lastError?.maybeProcessed === true;
  return { ok: false, error: new PivorError('cancelled', messages.cancelled, maybeProcessed ? { maybeProcessed } : {}) };
}

// google.script.run as promises. Server functions answer with an RpcResult: a value, or an error with a
// kind the sidebar acts on (a revoked token sends the user back to sign-in) and a message it shows.
import type { RpcResult } from '../rpc-result.ts';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  callServer(callId: string, name: string, args: unknown[]): void;
  takeServerResult(callId: string): void;
}

declare const google: { script: { run: Runner } };

export class ServerError extends Error {
  constructor(readonly kind: string, message: string) {
    super(message);
    this.name = 'ServerError';
  }
}

function isResult(value: unknown): value is RpcResult<unknown> {
  return !!value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function newCallId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * Runs a server function through callServer. Whenever the answer is not the function's result (a runtime
 * that does not wait for its promise hands back {}), and when google.script.run reports a failure (the
 * execution may have finished and only its answer been lost), the result is fetched from where the server
 * left it; only when none is there does the call fail, with Google's reason if it gave one.
 */
export function call<T>(name: string, ...args: unknown[]): Promise<T> {
  const callId = newCallId();
  return new Promise<T>((resolve, reject) => {
    const settle = (r: RpcResult<unknown>) => (r.ok ? resolve(r.value as T) : reject(new ServerError(r.error.kind, r.error.message)));
    const fetchKept = (otherwise: string) => {
      const fail = () => reject(new ServerError('crash', otherwise));
      google.script.run
        .withSuccessHandler((kept) => (isResult(kept) ? settle(kept) : fail()))
        .withFailureHandler(fail)
        .takeServerResult(callId);
    };
    google.script.run
      .withSuccessHandler((result) => (isResult(result) ? settle(result) : fetchKept('The add-on gave no answer: try again.')))
      .withFailureHandler((error: Error) => fetchKept(failureMessage(error)))
      .callServer(callId, name, args);
  });
}

function failureMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error ?? '');
  return reason ? `The add-on stopped: ${reason}` : 'The add-on stopped without saying why: try again.';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

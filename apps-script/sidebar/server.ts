// google.script.run as promises. Server functions answer with an RpcResult: a value, or an error with a
// kind the sidebar acts on (a revoked token sends the user back to sign-in) and a message it shows.
import type { RpcResult } from '../rpc-result.ts';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  [name: string]: unknown;
}

declare const google: { script: { run: Runner } };

export class ServerError extends Error {
  constructor(readonly kind: string, message: string) {
    super(message);
    this.name = 'ServerError';
  }
}

export function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((result) => {
        const r = result as RpcResult<T> | null;
        if (r && r.ok) resolve(r.value);
        else if (r && !r.ok) reject(new ServerError(r.error.kind, r.error.message));
        else reject(new ServerError('crash', 'The add-on gave no answer: try again.'));
      })
      .withFailureHandler((error) => reject(new ServerError('crash', error?.message || String(error))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

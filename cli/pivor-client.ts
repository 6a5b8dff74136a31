// The PivorClient every command uses: ky with a per-request timeout (PIVOR_TIMEOUT seconds, default 20), and
// what happens on the wire said on stderr as it happens: "Waiting for Pivor at …: no answer for 5 s (attempt
// 1 of 5)" while a request hangs, and each retry. A server that never answers is never met with silence.
import { createFetchTransport, PivorClient } from '../shared/api/index.ts';
import { UsageError, envOf, type CommandIo } from './command-io.ts';

export const DEFAULT_TIMEOUT_S = 20;

export interface CliClientOptions {
  url: string;
  token?: string;
  /** Requests in flight at once (push --concurrency); the transport allows at least 6. */
  concurrency?: number;
}

export function cliClient(io: CommandIo, options: CliClientOptions): PivorClient {
  const timeoutMs = requestTimeoutMs(envOf(io).PIVOR_TIMEOUT);
  const transport = createFetchTransport({ timeoutMs, concurrency: Math.max(6, options.concurrency ?? 0) });
  const say = noticeWriter(io.stderr);
  return new PivorClient({
    baseUrl: options.url,
    ...(options.token ? { token: options.token } : {}),
    transport,
    onRetry: (info) => say(info.message),
    onWaiting: (info) => say(info.message),
    // Speak within seconds, but not before a short timeout has had its say.
    waitingNoticeMs: Math.min(5_000, Math.max(1_000, Math.floor(timeoutMs / 2))),
  });
}

function requestTimeoutMs(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_TIMEOUT_S * 1000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`PIVOR_TIMEOUT is a number of seconds (got "${value}").`);
  return Math.round(seconds * 1000);
}

// Requests in flight together wait together: one line for them, not one each.
function noticeWriter(stream: NodeJS.WritableStream): (message: string) => void {
  let last = '';
  let at = 0;
  return (message) => {
    const now = Date.now();
    if (message === last && now - at < 2_000) return;
    last = message;
    at = now;
    stream.write(`${message}\n`);
  };
}

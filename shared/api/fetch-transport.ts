// The Transport for fetch-capable runtimes (browsers, the extension's pages and workers, Node): plain fetch.
// It never retries and never throws for HTTP statuses: the client owns retries and error mapping. Apps Script has
// its own UrlFetchApp transport.
// Plain fetch rather than ky: ky clones every Request to prepare its own retries (which the client does, not
// ky), and in Chrome that clone turns the body into a tee'd stream the page must pump; measured side by side
// on the extension's push (bench/extension-push.ts), the wizard sent noticeably fewer rows per second.
// Redirects are never followed: a followed redirect would carry the token, a password or a row to wherever it
// points (a 307/308 re-sends the body). The client sees the 3xx itself and says where it pointed.
import pLimit from 'p-limit';
import type { HttpRequest, HttpResult, Transport } from './transport.ts';

export interface FetchTransportOptions {
  /** Time allowed for the headers, and again for the body, of each request. Default 20 s. */
  timeoutMs?: number;
  /** A fetch to use instead of the global one (tests, proxies, the extension's bound fetch). */
  fetch?: typeof globalThis.fetch;
  /** Requests of one batch in flight at once. Default 6, what a browser allows per host. */
  concurrency?: number;
}

// Failures that happen before a request leaves this machine: the server cannot have seen it.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_INVALID_URL',
]);

const FRIENDLY: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS lookup failed)',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  ECONNRESET: 'connection reset',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'the TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the TLS certificate does not match the host',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed TLS certificate',
};

export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const limit = pLimit(options.concurrency ?? 6);
  const fetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));

  async function sendOne(request: HttpRequest): Promise<HttpResult> {
    // One timer for the headers, then another for the body.
    const controller = new AbortController();
    let response: Response;
    let timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: controller.signal,
        redirect: 'manual',
      });
    } catch (error) {
      return networkError(error, timeoutMs, false);
    } finally {
      clearTimeout(timer);
    }
    // Browsers hide a redirect's status and target from scripts ("opaqueredirect"); Node shows both.
    if (response.type === 'opaqueredirect') return { kind: 'response', status: 0, headers: {}, body: '', hiddenRedirect: true };
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const body = await response.text();
      return { kind: 'response', status: response.status, headers, body };
    } catch (error) {
      // The server answered and then the body broke off: it has most likely processed the request.
      return networkError(error, timeoutMs, true);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    send: (requests) => Promise.all(requests.map((request) => limit(() => sendOne(request)))),
  };
}

function networkError(error: unknown, timeoutMs: number, afterHeaders: boolean): HttpResult {
  if (isAbort(error)) {
    return { kind: 'network-error', message: `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`, maybeProcessed: true };
  }
  const code = errorCode(error);
  const message = (code && FRIENDLY[code]) ?? (afterHeaders ? 'the connection broke while reading the answer' : 'the request failed');
  // Browsers say only "Failed to fetch": without a code, assume the server may have seen the request.
  const maybeProcessed = afterHeaders || !(code && NOT_SENT_CODES.has(code));
  return { kind: 'network-error', message, maybeProcessed };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

// Node's fetch (undici) puts the system error code on `cause`, sometimes one level deeper.
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

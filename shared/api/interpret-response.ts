// Reads one HTTP result as Pivor's API means it: a success with its JSON, or a PivorError of the right kind.
// Knows Pivor's answers (pivor-api.md) but nothing about retries; the retry policy decides what happens next.
import { getResource, isResourceName } from '../resources/index.ts';
import { PivorError, messages } from './errors.ts';
import { parseRetryAfter } from './backoff.ts';
import type { HttpMethod, HttpResult } from './transport.ts';

export type Outcome<T = unknown> =
  | {
      ok: true;
      status: number;
      /** The record(s): the body's `data` when it has one ({"data": {...}}), else the whole body. */
      data: T;
      /** The whole parsed body (message, links, meta…). */
      body: unknown;
    }
  | { ok: false; error: PivorError };

export interface InterpretContext {
  method: HttpMethod;
  /** Path below the API base, starting with a slash: /clients/42 */
  path: string;
  /** For messages. */
  origin: string;
  /** The whole request URL, to resolve a relative redirect target; the origin's root when absent. */
  url?: string;
  now: number;
}

export function interpretResult(result: HttpResult, context: InterpretContext): Outcome {
  if (result.kind === 'network-error') {
    return fail(new PivorError('network', messages.network(context.origin, result.message), { maybeProcessed: result.maybeProcessed }));
  }
  const { status, headers, body } = result;
  const html = /html/i.test(headers['content-type'] ?? '') || /^\s*</.test(body);
  const json = html ? undefined : parseJson(body);
  const serverMessage = messageOf(json);

  if (status >= 200 && status < 300) {
    if (status === 204 || body.trim() === '') return { ok: true, status, data: null, body: null };
    if (json === undefined) {
      // A web page is a login screen or another site: nothing was written. Unreadable JSON from the API may hide a write.
      const detail = html ? 'it sent a web page instead of JSON' : 'its answer was not valid JSON';
      return fail(new PivorError('bad-response', messages.badResponse(context.origin, detail), {
        status, maybeProcessed: !html && context.method !== 'GET',
      }));
    }
    const data = isObject(json) && 'data' in json ? json.data : json;
    return { ok: true, status, data, body: json };
  }
  if (result.hiddenRedirect) return fail(new PivorError('bad-response', messages.redirected(context.origin, undefined), { status }));
  if (status >= 300 && status < 400) {
    return fail(new PivorError('bad-response', messages.redirected(context.origin, redirectTarget(headers['location'], context)), { status }));
  }
  if (status === 401) return fail(new PivorError('unauthenticated', messages.unauthenticated, { status }));
  if (status === 403) return fail(new PivorError('forbidden', serverMessage ?? messages.forbidden, { status }));
  if (status === 404) {
    // An HTML 404, or Laravel's "The route … could not be found.": the address is not Pivor's API.
    if (json === undefined || /^The route .* could not be found\.$/.test(serverMessage ?? '')) {
      return fail(new PivorError('bad-response', messages.badResponse(context.origin, `nothing at ${context.path.split('?')[0]}`), { status }));
    }
    return fail(new PivorError('not-found', notFoundMessage(context.path), { status }));
  }
  if (status === 422) return fail(validationError(json, serverMessage, context));
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'], context.now);
    return fail(new PivorError('rate-limited', messages.rateLimitedGiveUp(retryAfterMs), { status, retryAfterMs }));
  }
  if (status >= 500) {
    const retryAfterMs = status === 503 ? parseRetryAfter(headers['retry-after'], context.now) : undefined;
    return fail(new PivorError('server', messages.server(status), { status, retryAfterMs }));
  }
  // 400, 405, 413, 419…: a proxy or a route that is not the API's.
  const detail = serverMessage ? `${status}: ${serverMessage}` : `status ${status}`;
  return fail(new PivorError('bad-response', messages.badResponse(context.origin, detail), { status }));
}

function validationError(json: unknown, serverMessage: string | undefined, context: InterpretContext): PivorError {
  const fieldErrors = fieldErrorsOf(json);
  const first = fieldErrors ? Object.values(fieldErrors).find((list) => list.length > 0)?.[0] : undefined;
  const wrongCredentials = context.path === '/tokens/create' && /credentials/i.test(first ?? serverMessage ?? '');
  const message = wrongCredentials ? messages.wrongCredentials : first ?? serverMessage ?? 'Pivor refused the data (422).';
  return new PivorError('validation', message, { status: 422, fieldErrors: fieldErrors ?? {} });
}

function notFoundMessage(path: string): string {
  const [, resource, id] = path.split('?')[0]!.split('/');
  if (resource && id && isResourceName(resource)) {
    const singular = getResource(resource).singular;
    return `${singular[0]!.toUpperCase()}${singular.slice(1)} ${id} was not found in Pivor: it may have been deleted, or the id is wrong.`;
  }
  return `Pivor has nothing at ${path.split('?')[0]}.`;
}

function fieldErrorsOf(json: unknown): Record<string, string[]> | undefined {
  if (!isObject(json) || !isObject(json.errors)) return undefined;
  const result: Record<string, string[]> = {};
  for (const [field, list] of Object.entries(json.errors)) {
    const texts = (Array.isArray(list) ? list : [list]).filter((m): m is string => typeof m === 'string');
    result[field] = texts;
  }
  return result;
}

function messageOf(json: unknown): string | undefined {
  return isObject(json) && typeof json.message === 'string' && json.message !== '' ? json.message : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Where a redirect pointed, as origin and path: its query could carry anything (a token, a signed link).
function redirectTarget(location: string | undefined, context: InterpretContext): string | undefined {
  if (!location) return undefined;
  try {
    const target = new URL(location, context.url ?? context.origin);
    return `${target.origin}${target.pathname}`;
  } catch {
    return undefined;
  }
}

function fail(error: PivorError): Outcome {
  return { ok: false, error };
}

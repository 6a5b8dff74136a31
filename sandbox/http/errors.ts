// The exceptions a handler may throw, and how Laravel 12 renders each one (APP_DEBUG=false, as Pivor's
// Docker image runs): JSON for clients that expect it, else a redirect or an HTML page.
import type { SandboxRequest } from './request.ts';
import { errorPage, jsonReply, redirectReply, type Reply } from './reply.ts';

/** abort(status, message), route misses, model-binding misses. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** AuthenticationException: 401 JSON or a redirect to /login. */
export class AuthenticationError extends Error {
  constructor() {
    super('Unauthenticated.');
  }
}

/** ValidationException: errors per field, in rule order. */
export class ValidationError extends Error {
  constructor(readonly errors: Record<string, string[]>) {
    super(summarize(errors));
  }
}

/** ValidationException::summarize: the first message and "(and N more errors)" for every other message. */
export function summarize(errors: Record<string, string[]>): string {
  const messages = Object.values(errors).flat();
  const [first, ...rest] = messages;
  if (first === undefined) return 'The given data was invalid.';
  if (rest.length === 0) return first;
  return `${first} (and ${rest.length} more ${rest.length === 1 ? 'error' : 'errors'})`;
}

const statusTitles: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 419: 'Page Expired', 429: 'Too Many Requests', 500: 'Server Error' };

export function renderError(error: unknown, request: SandboxRequest): Reply {
  if (error instanceof ValidationError) {
    if (request.expectsJson) return jsonReply(422, { message: error.message, errors: error.errors });
    // redirect()->back(): the Referer, or the site root (no session here).
    const referer = request.headers.referer;
    return redirectReply(typeof referer === 'string' && referer !== '' ? referer : request.origin);
  }
  if (error instanceof AuthenticationError) {
    return request.expectsJson ? jsonReply(401, { message: 'Unauthenticated.' }) : redirectReply(`${request.origin}/login`);
  }
  if (error instanceof HttpError) {
    return request.expectsJson
      ? jsonReply(error.status, { message: error.message }, error.headers, 'exception')
      : errorPage(error.status, statusTitles[error.status] ?? 'Error', error.headers);
  }
  return request.expectsJson ? jsonReply(500, { message: 'Server Error' }, {}, 'exception') : errorPage(500, 'Server Error');
}

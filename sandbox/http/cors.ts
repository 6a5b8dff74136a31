// Laravel's default CORS (config/cors.php): paths api/*, every origin, method and header, no credentials,
// max age 0. A preflight gets a 204; every other api response gets `Access-Control-Allow-Origin: *`, asked
// cross-origin or not (allowed origins `*`), and an OPTIONS one `Vary: Access-Control-Request-Method`.
import type { SandboxRequest } from './request.ts';
import type { Reply } from './reply.ts';

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

export function corsPreflight(request: SandboxRequest): Reply | undefined {
  const { headers } = request;
  if (request.method !== 'OPTIONS' || !isApiPath(request.path) || !headers.origin || !headers['access-control-request-method']) return undefined;
  const replyHeaders: Record<string, string> = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': String(headers['access-control-request-method']).toUpperCase(),
    'Access-Control-Max-Age': '0',
    Vary: 'Access-Control-Request-Method, Access-Control-Request-Headers',
    // PHP's built-in server adds its default type to the empty 204.
    'Cache-Control': 'no-cache, private',
    'Content-Type': 'text/html; charset=UTF-8',
  };
  const requested = headers['access-control-request-headers'];
  if (requested) replyHeaders['Access-Control-Allow-Headers'] = String(requested);
  return { status: 204, headers: replyHeaders, body: '' };
}

export function withCors(request: SandboxRequest, reply: Reply): Reply {
  if (!isApiPath(request.path)) return reply;
  const vary: Record<string, string> = request.method === 'OPTIONS' && !reply.headers.Vary ? { Vary: 'Access-Control-Request-Method' } : {};
  return { ...reply, headers: { ...reply.headers, ...vary, 'Access-Control-Allow-Origin': '*' } };
}

/** Laravel's automatic answer to a plain OPTIONS request (not a preflight): 200, the route's methods in Allow. */
export function optionsReply(allowed: readonly string[]): Reply {
  return { status: 200, headers: { Allow: allowed.join(','), 'Cache-Control': 'no-cache, private', 'Content-Type': 'text/html; charset=utf-8' }, body: '' };
}

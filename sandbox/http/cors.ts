// Laravel's default CORS (config/cors.php): paths api/*, every origin, method and header, no credentials,
// max age 0. A preflight gets a 204; any other api response to a cross-origin request gets the origin header.
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
  };
  const requested = headers['access-control-request-headers'];
  if (requested) replyHeaders['Access-Control-Allow-Headers'] = String(requested);
  return { status: 204, headers: replyHeaders, body: '' };
}

export function withCors(request: SandboxRequest, reply: Reply): Reply {
  if (!isApiPath(request.path) || !request.headers.origin) return reply;
  return { ...reply, headers: { ...reply.headers, 'Access-Control-Allow-Origin': '*' } };
}

// The HTTP server: reads each request, counts it, applies the injected faults, authenticates, dispatches
// to the route's handler and renders errors the Laravel way. Everything runs synchronously once the
// body is in, so requests never interleave inside the database.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from './db/database.ts';
import { corsPreflight, optionsReply, withCors } from './http/cors.ts';
import { AuthenticationError, HttpError, ValidationError, renderError } from './http/errors.ts';
import { buildRequest, type SandboxRequest } from './http/request.ts';
import { jsonReply, type Reply } from './http/reply.ts';
import { matchRoute, type RouteMatch } from './http/router.ts';
import type { FaultInjector } from './faults.ts';
import type { SandboxStats } from './options.ts';
import type { PageLinksMode } from './resources/paginate.ts';
import { RecordStore } from './resources/record-store.ts';
import { authenticate, buildRoutes, type Handler } from './routes.ts';

export interface ServerDeps {
  db: Database;
  faults: FaultInjector;
  pageLinks: PageLinksMode;
  log: (line: string) => void;
  /** With a database file: resolves once every write so far is saved (a write is answered only then). */
  saved?: () => Promise<void>;
}

const maxBodyBytes = 20 * 1024 * 1024;

export function createSandboxServer(deps: ServerDeps): { server: Server; stats: () => SandboxStats } {
  const routes = buildRoutes();
  const store = new RecordStore(deps.db);
  const stats: SandboxStats = { requests: 0, byRoute: {} };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.log(`sandbox: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' }).end('{\n    "message": "Server Error"\n}');
      else res.destroy();
    });
  });
  // Keep-alive connections must not outlive a test's close().
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const body = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const request = buildRequest(method, req.url ?? '/', req.headers, body);
    const match = matchRoute(routes, method, request.path);
    const key = match.kind === 'found' ? `${method} ${match.route.template}` : `${method} (no route)`;
    stats.requests += 1;
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;

    if (deps.faults.latencyMs > 0) await sleep(deps.faults.latencyMs);
    let reply = corsPreflight(request);
    let reset = false;
    const isApi = request.path === '/api' || request.path.startsWith('/api/');
    if (!reply && isApi) {
      const draw = deps.faults.draw();
      if (draw.error) reply = jsonReply(500, { message: 'Server Error' }, {}, 'exception');
      else if (draw.rateLimit) {
        const seconds = String(deps.faults.retryAfterSeconds);
        reply = jsonReply(429, { message: 'Too Many Attempts.' }, { 'Retry-After': seconds, 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '0' });
      }
      reset = draw.reset;
    }
    reply ??= dispatch(request, match);
    if (match.kind === 'found' && match.route.handler.list && deps.faults.slowPageMs > 0) await sleep(deps.faults.slowPageMs);
    reply = withCors(request, reply);
    await deps.saved?.();
    send(res, method, reply, reset);
    deps.log(`${method} ${req.url} → ${reply.status}${reset ? ' (reset)' : ''} ${Math.round(performance.now() - started)}ms`);
  }

  function dispatch(request: SandboxRequest, match: RouteMatch<Handler>): Reply {
    try {
      if (match.kind === 'not-found') {
        throw new HttpError(404, `The route ${request.path.replace(/^\//, '')} could not be found.`);
      }
      if (match.kind === 'method-not-allowed') {
        if (request.method === 'OPTIONS') return optionsReply(match.allowed);
        throw new HttpError(
          405,
          `The ${request.method} method is not supported for route ${request.path.replace(/^\//, '')}. Supported methods: ${match.allowed.join(', ')}.`,
          { Allow: match.allowed.join(', ') },
        );
      }
      const { handler } = match.route;
      const auth = handler.auth ? authenticate(deps.db, request) : undefined;
      return handler.run({ db: deps.db, store, request, pageLinks: deps.pageLinks }, match.params, auth);
    } catch (error) {
      if (!(error instanceof HttpError || error instanceof ValidationError || error instanceof AuthenticationError)) {
        deps.log(`sandbox: ${request.method} ${request.path} → 500: ${error instanceof Error ? error.message : String(error)}`);
      }
      return renderError(error, request);
    }
  }

  return { server, stats: () => ({ requests: stats.requests, byRoute: { ...stats.byRoute } }) };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Writes the reply; under a reset fault, only the headers and half the body, then a TCP reset. */
function send(res: ServerResponse, method: string, reply: Reply, reset: boolean): void {
  const body = method === 'HEAD' ? '' : reply.body;
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(Buffer.byteLength(reply.body, 'utf8')) });
  if (!reset) {
    res.end(bytes);
    return;
  }
  const socket = res.socket;
  res.flushHeaders();
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
    if (socket && !socket.destroyed) socket.resetAndDestroy();
  });
}

// A small HTTP proxy in front of a real Pivor, so tests written against the sandbox keep what they use of it:
// requests counted by route ('PUT /api/clients/{id}'), an added latency per request, and (for a Pivor named
// by PIVOR_TEST_URL) the demo sign-in admin@pivor.dev / password swapped for that server's admin credentials.
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SandboxStats } from '../../sandbox/options.ts';

export interface AdminCredentials {
  email: string;
  password: string;
}

export interface PivorProxy {
  url: string;
  port: number;
  stats(): SandboxStats;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

export async function startPivorProxy(target: string, options: { latencyMs?: number; admin?: AdminCredentials } = {}): Promise<PivorProxy> {
  const stats: SandboxStats = { requests: 0, byRoute: {} };
  let latencyMs = options.latencyMs ?? 0;
  const upstream = new URL(target);

  const server = createServer((req, res) => {
    void forward(req, res).catch(() => res.destroy());
  });

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const key = `${method} ${routeTemplate(path)}`;
    stats.requests += 1;
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
    let body = await readAll(req);
    if (latencyMs > 0) await sleep(latencyMs);
    if (options.admin && method === 'POST' && path === '/api/tokens/create') body = withAdmin(body, options.admin);
    const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
    const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
    const out = send(new URL(`${upstream.pathname.replace(/\/$/, '')}${req.url ?? '/'}`, upstream), { method, headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    out.end(body);
  }

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: () => ({ requests: stats.requests, byRoute: { ...stats.byRoute } }),
    setLatency: (ms) => (latencyMs = ms),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** '/api/clients/12' → '/api/clients/{id}', as the sandbox names its routes. */
function routeTemplate(path: string): string {
  return path.replace(/^\/api\/(clients|contacts|communications)\/[^/]+$/, '/api/$1/{id}');
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function withAdmin(body: Buffer, admin: AdminCredentials): Buffer {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    if (parsed.email !== 'admin@pivor.dev' || parsed.password !== 'password') return body;
    return Buffer.from(JSON.stringify({ ...parsed, email: admin.email, password: admin.password }));
  } catch {
    return body;
  }
}

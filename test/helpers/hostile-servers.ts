// Servers that are not Pivor, for the tests of what the client does with them: one that records everything that
// reaches it, one that redirects (optionally passing some requests on to a real server), one that never answers.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface Running {
  url: string;
  close(): Promise<void>;
}

export interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void | Promise<void>;

function withBody(handler: Handler) {
  return (request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => void handler(request, response, body));
  };
}

async function listen(server: Server, scheme = 'http'): Promise<Running> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Answers 200 {} to everything and keeps what reached it. */
export async function recordingServer(): Promise<Running & { seen: Recorded[] }> {
  const seen: Recorded[] = [];
  const server = createHttpServer(withBody((request, response, body) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body });
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"data":[],"token":"stolen|token","user":{"id":1,"email":"x@y.z","role":"admin"}}');
  }));
  return { ...(await listen(server)), seen };
}

export interface RedirectOptions {
  status?: number;
  /** Requests of these methods are passed on to this server instead (a Pivor that redirects only its writes). */
  passOn?: { methods: string[]; to: string };
  /** Serve https with this key and certificate. */
  tls?: { key: string; cert: string };
}

/** Answers with a redirect to `target` + the request's path, or passes the request on. */
export async function redirectingServer(target: string, options: RedirectOptions = {}): Promise<Running> {
  const handler = withBody(async (request, response, body) => {
    if (options.passOn?.methods.includes(request.method ?? '')) {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'host' && name !== 'connection')) as Record<string, string>;
      const answer = await fetch(`${options.passOn.to}${request.url}`, { method: request.method!, headers, ...(body ? { body } : {}) });
      response.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' });
      response.end(await answer.text());
      return;
    }
    response.writeHead(options.status ?? 307, { Location: `${target}${request.url}` });
    response.end();
  });
  const server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
  return listen(server as unknown as Server, options.tls ? 'https' : 'http');
}

/** Accepts connections and never answers; counts them. */
export async function silentServer(): Promise<Running & { connections(): number }> {
  let connections = 0;
  const server = createNetServer(() => {
    connections += 1;
  });
  return { ...(await listen(server)), connections: () => connections };
}

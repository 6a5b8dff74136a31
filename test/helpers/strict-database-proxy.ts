// A Pivor installed on MySQL or PostgreSQL, as far as priority goes: its enum column refuses "medium", which the API's
// validation lets through, so such a write answers 500 {"message": "Server Error"} and stores nothing. Built as a
// proxy in front of a Pivor-compatible server (the sandbox models the default SQLite install, which stores it).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StrictProxy {
  url: string;
  /** Writes refused so far. */
  refused: number;
  close(): Promise<void>;
}

export async function strictDatabaseProxy(target: string): Promise<StrictProxy> {
  const proxy: StrictProxy = { url: '', refused: 0, close: () => new Promise((resolve) => server.close(() => resolve())) };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.method !== 'GET' && req.url?.startsWith('/api/communications') && refuses(body)) {
        proxy.refused += 1;
        res.writeHead(500, { 'Content-Type': 'application/json' }).end('{\n    "message": "Server Error"\n}');
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
      const answer = await fetch(`${target}${req.url}`, { method: req.method!, headers, ...(body ? { body } : {}), redirect: 'manual' });
      res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text());
    })().catch((error: unknown) => res.writeHead(502).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

function refuses(body: string): boolean {
  try {
    return (JSON.parse(body) as { priority?: unknown }).priority === 'medium';
  } catch {
    return false;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// A proxy in front of the sandbox that plays real Pivor's initials bug (pivor-api.md): a contact whose first or
// last name starts with a character outside ASCII is saved, but every answer holding it (its create, its show,
// each list page with it, a communication embedding it) is a 500 {"message": "Server Error"}, as Pivor answers.
// Until the sandbox has the bug itself, the client's guards are tested through this.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

const SERVER_ERROR = '{\n    "message": "Server Error"\n}';

export async function initialsBugProxy(target: string): Promise<Proxy> {
  const server = createServer((request, response) => void forward(target, request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function forward(target: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const answer = await fetch(`${target}${request.url}`, { method: request.method!, headers, ...(body ? { body } : {}), redirect: 'manual' });
  const text = await answer.text();
  if (holdsBadName(text)) {
    response.writeHead(500, { 'Content-Type': 'application/json' });
    response.end(SERVER_ERROR);
    return;
  }
  response.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' });
  response.end(text);
}

function holdsBadName(text: string): boolean {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  const walk = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(walk);
    if (typeof value !== 'object' || value === null) return false;
    const record = value as Record<string, unknown>;
    if ([record.first_name, record.last_name].some((name) => typeof name === 'string' && name.charCodeAt(0) > 127)) return true;
    return Object.values(record).some(walk);
  };
  return walk(json);
}

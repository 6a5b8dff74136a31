// A proxy in front of the sandbox whose contacts list moves faster than anyone can read it: before it answers a
// contacts list page, every contact it has listed so far is deleted and as many new ones are created (in the
// database, at once: through the API, hundreds of writes per page would take longer than the export). No page
// read after the first can then share a record with what was read before, so no reader can prove the list
// whole: what an export must then say.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** SQL on the server's live database (the sandbox's `query`). */
export type Query = (sql: string, params?: unknown[]) => Record<string, unknown>[];

export interface ChurningProxy {
  url: string;
  /** Contacts deleted so far. */
  deleted(): number;
  close(): Promise<void>;
}

export async function churningProxy(target: string, query: Query): Promise<ChurningProxy> {
  const listed = new Set<number>();
  let deleted = 0;
  let created = 0;
  let turn = Promise.resolve(); // one page at a time: each is answered only after the churn before it

  const churn = () => {
    const ids = [...listed];
    listed.clear();
    if (ids.length === 0) return;
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
    query(`UPDATE contacts SET deleted_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [now, ...ids]);
    const rows = ids.map(() => [randomUUID(), `New${created++}`, 'Churn', now, now]);
    query(`INSERT INTO contacts (uuid, first_name, last_name, assigned_to, created_at, updated_at) VALUES ${rows.map(() => '(?, ?, ?, 1, ?, ?)').join(', ')}`, rows.flat());
    deleted += ids.length;
  };

  const forward = async (request: IncomingMessage, response: ServerResponse) => {
    const isList = request.method === 'GET' && new URL(request.url ?? '/', 'http://proxy').pathname === '/api/contacts';
    if (isList) churn();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
    const answer = await fetch(`${target}${request.url}`, { method: request.method!, headers, ...(body ? { body } : {}), redirect: 'manual' });
    const text = await answer.text();
    if (isList && answer.ok) for (const record of (JSON.parse(text) as { data: { id: number }[] }).data) listed.add(record.id);
    response.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' });
    response.end(text);
  };

  const server = createServer((request, response) => {
    turn = turn.then(() => forward(request, response)).catch(() => {
      response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deleted: () => deleted,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

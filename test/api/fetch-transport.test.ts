// The fetch transport over real sockets: what a broken server looks like to the client.
// Small node:http/net servers here play the misbehaving parts the Pivor sandbox has no reason to play.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetchTransport, PivorClient, PivorError } from '../../shared/api/index.ts';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

function listen(server: Server | ReturnType<typeof createNetServer>): Promise<string> {
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function closedPort(): Promise<string> {
  const server = createNetServer();
  const url = await new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

async function failure(promise: Promise<unknown>): Promise<PivorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PivorError) return error;
    throw error;
  }
  throw new Error('expected a PivorError');
}

describe('createFetchTransport', () => {
  it('returns status, lower-case headers and body, without throwing for HTTP errors', async () => {
    const url = await listen(createHttpServer((request, response) => {
      response.writeHead(418, { 'Content-Type': 'application/json', 'X-Echo-Method': request.method ?? '' });
      response.end(JSON.stringify({ accept: request.headers.accept }));
    }));
    const [result] = await createFetchTransport().send([{ method: 'PATCH', url: `${url}/x`, headers: { Accept: 'application/json' }, body: '{}' }]);
    expect(result).toEqual({
      kind: 'response', status: 418, body: '{"accept":"application/json"}',
      headers: expect.objectContaining({ 'content-type': 'application/json', 'x-echo-method': 'PATCH' }),
    });
  });

  it('reports a refused connection as not processed', async () => {
    const url = await closedPort();
    const [result] = await createFetchTransport().send([{ method: 'POST', url: `${url}/api/clients`, headers: {}, body: '{}' }]);
    expect(result).toEqual({ kind: 'network-error', message: 'connection refused', maybeProcessed: false });
  });

  it('reports a connection reset after the request was sent as maybe processed', async () => {
    const url = await listen(createNetServer((socket) => socket.once('data', () => socket.destroy())));
    const [result] = await createFetchTransport().send([{ method: 'POST', url: `${url}/api/clients`, headers: {}, body: '{}' }]);
    expect(result).toMatchObject({ kind: 'network-error', maybeProcessed: true });
  });

  it('reports a body that breaks off after the headers as maybe processed', async () => {
    const url = await listen(createNetServer((socket) => socket.once('data', () => {
      socket.write('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"data":');
      setTimeout(() => socket.destroy(), 20);
    })));
    const [result] = await createFetchTransport().send([{ method: 'POST', url: `${url}/api/clients`, headers: {}, body: '{}' }]);
    expect(result).toMatchObject({ kind: 'network-error', maybeProcessed: true });
  });

  it('times out a silent server, and a body that stalls, as maybe processed', async () => {
    const url = await listen(createNetServer((socket) => socket.once('data', (data) => {
      if (data.toString().includes('/stall')) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{');
    })));
    const results = await createFetchTransport({ timeoutMs: 200 }).send([
      { method: 'GET', url: `${url}/silent`, headers: {} },
      { method: 'GET', url: `${url}/stall`, headers: {} },
    ]);
    expect(results).toEqual([
      { kind: 'network-error', message: 'no answer within 200 ms', maybeProcessed: true },
      { kind: 'network-error', message: 'no answer within 200 ms', maybeProcessed: true },
    ]);
  });

  it('keeps results in request order while limiting concurrency', async () => {
    let inFlight = 0;
    let most = 0;
    const url = await listen(createHttpServer((request, response) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const delay = 40 - Number(request.url?.slice(1)) * 3;
      setTimeout(() => {
        inFlight -= 1;
        response.end(request.url);
      }, delay);
    }));
    const requests = Array.from({ length: 10 }, (_, index) => ({ method: 'GET' as const, url: `${url}/${index}`, headers: {} }));
    const results = await createFetchTransport({ concurrency: 3 }).send(requests);
    expect(results.map((result) => (result.kind === 'response' ? result.body : ''))).toEqual(requests.map((_, index) => `/${index}`));
    expect(most).toBeLessThanOrEqual(3);
  });
});

describe('PivorClient over a server that is not Pivor', () => {
  it('follows no redirect, even to its own login page, and says where it pointed', async () => {
    const url = await listen(createHttpServer((request, response) => {
      if (request.url === '/login') {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8' });
        response.end('<!DOCTYPE html><html><body>Log in</body></html>');
      } else {
        response.writeHead(302, { Location: `/login` });
        response.end();
      }
    }));
    const client = new PivorClient({ baseUrl: url, token: 'x|y', transport: createFetchTransport() });
    const error = await failure(client.currentUser());
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(new RegExp(`^${url} redirected the request to ${url}/login\\. Pivor Bridge follows no redirect, so nothing was sent there`));
  });

  it('says an HTML 404 is not a Pivor API', async () => {
    const url = await listen(createHttpServer((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<html><body>Not Found</body></html>');
    }));
    const client = new PivorClient({ baseUrl: url, transport: createFetchTransport() });
    const error = await failure(client.listPage('clients'));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/did not answer like a Pivor API \(nothing at \/clients\): check the URL\.$/);
  });

  it('reports an unreachable server with its address and a hint', async () => {
    const url = await closedPort();
    const sleeps: number[] = [];
    const client = new PivorClient({
      baseUrl: url, transport: createFetchTransport(), retry: { attempts: 3 },
      sleep: async (ms) => void sleeps.push(ms), random: () => 0.5,
    });
    const error = await failure(client.currentUser());
    expect(error.kind).toBe('network');
    expect(error.message).toBe(`Can't reach Pivor at ${url}: check the URL and your connection (connection refused).`);
    expect(sleeps).toEqual([250, 500]); // a GET is retried: two waits, full jitter at 0.5 of 500 and 1000 ms
  });
});

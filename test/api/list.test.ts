// Listing against the sandbox: every page with progress, page by page, filters, sorting; batches; findExisting.
import { describe, expect, it } from 'vitest';
import { createFetchTransport, type BatchOp, type ListProgress, type PivorClient, type Transport } from '../../shared/api/index.ts';
import { failure, signIn, useSandbox } from './with-sandbox.ts';

const COUNT = 230;

async function createClients(client: PivorClient, count: number): Promise<void> {
  for (let start = 0; start < count; start += 50) {
    const ops: BatchOp[] = [];
    for (let n = start; n < Math.min(count, start + 50); n++) {
      ops.push({ method: 'POST', path: '/clients', body: { name: `Company ${String(n).padStart(3, '0')}`, email: `c${n}@example.test`, status: n % 3 === 0 ? 'active' : 'prospect' } });
    }
    const outcomes = await client.sendBatch(ops);
    expect(outcomes.every((outcome) => outcome.ok && outcome.status === 201)).toBe(true);
  }
}

describe('listing', () => {
  const sandbox = useSandbox('users');

  it('sends a batch in one go and gives each op its outcome, in order', async () => {
    const client = await signIn(sandbox.current);
    const outcomes = await client.sendBatch([
      { method: 'POST', path: '/clients', body: { name: 'One' } },
      { method: 'POST', path: 'clients', body: { name: '' } },
      { method: 'GET', path: '/clients/999999' },
    ]);
    expect(outcomes[0]).toMatchObject({ ok: true, status: 201, data: { name: 'One' }, body: { message: 'Client created successfully.' } });
    expect(outcomes[1]).toMatchObject({ ok: false, error: { kind: 'validation', message: 'The name field is required.' } });
    expect(outcomes[2]).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('lists every record across several pages, with progress', async () => {
    const client = await signIn(sandbox.current);
    await createClients(client, COUNT);
    const progress: ListProgress[] = [];
    const all = await client.listAll('clients', { onProgress: (p) => progress.push(p) });
    expect(all).toHaveLength(COUNT);
    expect(new Set(all.map((record) => record.id)).size).toBe(COUNT);
    // Overlapping windows (the second starts inside the first): 100, then 99 from 99, then the rest.
    expect(progress.map((p) => [p.loaded, p.total])).toEqual([[100, COUNT], [198, COUNT], [COUNT, COUNT]]);
  });

  it('yields page by page, filtered and sorted', async () => {
    const client = await signIn(sandbox.current);
    await createClients(client, 120);
    const pages = [];
    for await (const page of client.pages('clients', { filters: { status: 'active' }, sort: 'name', perPage: 15 })) pages.push(page);
    const names = pages.flatMap((page) => page.data.map((record) => record.name as string));
    expect(pages).toHaveLength(3); // 40 active clients, 15 a page
    expect(names).toHaveLength(40);
    expect(names).toEqual([...names].sort());
    expect(pages.flatMap((page) => page.data).every((record) => record.status === 'active')).toBe(true);

    const searched = await client.listAll('clients', { filters: { search: 'Company 11' } });
    expect(searched.map((record) => record.name).sort()).toEqual(Array.from({ length: 10 }, (_, n) => `Company 11${n}`));
  });

  it('asks for the pages after the first a few at a time, and yields them in order', async () => {
    // the real transport, watched: how many requests are out at once, and which pages they ask for
    const real = createFetchTransport({ timeoutMs: 5_000 });
    let inFlight = 0;
    let mostInFlight = 0;
    const asked: number[] = [];
    const watched: Transport = {
      async send(requests) {
        for (const r of requests) if (r.method === 'GET') asked.push(Number(new URL(r.url).searchParams.get('page')));
        inFlight += requests.length;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          return await real.send(requests);
        } finally {
          inFlight -= requests.length;
        }
      },
    };
    const client = await signIn(sandbox.current, 'admin@pivor.dev', { transport: watched });
    await createClients(client, COUNT);
    mostInFlight = 0;
    asked.length = 0;
    const pages = [];
    for await (const page of client.pages('clients', { perPage: 15, pagesAhead: 4 })) pages.push(page);
    expect(pages.map((p) => p.meta.current_page)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(asked.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1)); // each page once
    expect(mostInFlight).toBe(4);
    const ids = pages.flatMap((p) => p.data.map((r) => r.id));
    expect(new Set(ids).size).toBe(COUNT);
    // the same records in the same order as asking one page at a time
    const oneByOne = [];
    for await (const page of client.pages('clients', { perPage: 15, pagesAhead: 1 })) oneByOne.push(...page.data.map((r) => r.id));
    expect(ids).toEqual(oneByOne);
  });

  it('a page that fails ends the listing there, after the pages before it, with its error', async () => {
    const real = createFetchTransport({ timeoutMs: 5_000 });
    const failing: Transport = {
      send: (requests) => Promise.all(requests.map(async (r) => new URL(r.url).searchParams.get('page') === '5'
        ? { kind: 'response' as const, status: 403, headers: { 'content-type': 'application/json' }, body: '{"message":"This action is unauthorized."}' }
        : (await real.send([r]))[0]!)),
    };
    const client = await signIn(sandbox.current, 'admin@pivor.dev', { transport: failing });
    await createClients(client, COUNT);
    const seen: number[] = [];
    const error = await failure((async () => {
      for await (const page of client.pages('clients', { perPage: 15 })) seen.push(page.meta.current_page);
    })());
    expect(error.kind).toBe('forbidden');
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('refuses a filter or sort Pivor would silently ignore', async () => {
    const client = await signIn(sandbox.current);
    await expect(client.listPage('clients', { filters: { city: 'Leeds' } })).rejects.toThrow(/cannot filter clients by "city"/);
    await expect(client.listPage('contacts', { sort: '-email' })).rejects.toThrow(/cannot sort contacts by "email"/);
  });

  it('finds an existing record by its match key, exactly', async () => {
    const client = await signIn(sandbox.current);
    await client.create('clients', { name: 'Globex', email: 'info@globex.test' });
    await client.create('clients', { name: 'Globex Europe', email: 'eu@globex.test' });
    expect((await client.findExisting('clients', 'name', ' Globex ')).map((r) => r.name)).toEqual(['Globex']);
    expect((await client.findExisting('clients', 'email', 'INFO@globex.test')).map((r) => r.name)).toEqual(['Globex']);
    await expect(client.findExisting('clients', 'name', 'Initech')).resolves.toEqual([]);
  });
});

// The test's own view of the sandbox, from outside the add-on: seeds records through the API and lists
// everything, so a test can compare the server before and after a push. Uses the core's client over ky.
import { createFetchTransport, PivorClient, type PivorRecord } from '../../../shared/api/index.ts';
import type { ResourceName } from '../../../shared/resources/index.ts';

export async function adminClient(url: string, email = 'admin@pivor.dev'): Promise<PivorClient> {
  const client = new PivorClient({
    baseUrl: url,
    transport: createFetchTransport({ timeoutMs: 30_000, concurrency: 16 }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50))),
  });
  await client.createToken(email, 'password', 'apps-script tests');
  return client;
}

/** Creates records in batches of 50 requests; returns them as the server answered. */
export async function seed(client: PivorClient, resource: ResourceName, bodies: Record<string, unknown>[]): Promise<PivorRecord[]> {
  const created: PivorRecord[] = [];
  for (let i = 0; i < bodies.length; i += 50) {
    const outcomes = await client.sendBatch(bodies.slice(i, i + 50).map((body) => ({ method: 'POST' as const, path: `/${resource}`, body })));
    for (const o of outcomes) {
      if (!o.ok) throw o.error;
      created.push(o.data as PivorRecord);
    }
  }
  return created;
}

/** Every record, by id. */
export async function listById(client: PivorClient, resource: ResourceName): Promise<Map<number, PivorRecord>> {
  const records = await client.listAll(resource);
  return new Map(records.map((r) => [r.id, r]));
}

/** A record without the fields that change on every write, for before/after comparisons. */
export function comparable(record: PivorRecord): Record<string, unknown> {
  const { updated_at: _u, client: _c, contact: _k, ...rest } = record as Record<string, unknown>;
  return rest;
}

export function contactBodies(count: number, clientIds: number[], offset = 0): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    return {
      first_name: `First${n}`,
      last_name: `Last${n}`,
      email: `person${n}@example.com`,
      phone: n % 7 === 0 ? '+44 20 7946 0000' : `0${1000000 + n}`,
      job_title: n % 5 === 0 ? 'Engineer' : 'Sales',
      client_id: clientIds.length ? clientIds[n % clientIds.length] : undefined,
      is_primary_contact: false,
      status: n % 9 === 0 ? 'inactive' : 'active',
      notes: n % 11 === 0 ? `Met at fair #${n}` : undefined,
    };
  });
}

export function clientBodies(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Client ${i} Ltd`,
    type: i % 2 ? 'company' : 'individual',
    status: 'active',
    email: `hello${i}@client${i}.example`,
  }));
}

// Against a real Pivor (npm run test:pivor): its initials bug, where one contact named "Élodie" makes every contacts page holding it answer 500.
// The export leaves out only that contact, names it by id, and everything else arrives once. The contact is
// deleted at the end (a delete answers 200), so the server is usable again for the suites after this one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchTransport, PivorClient, type BatchOp } from '../../shared/api/index.ts';
import { readCsv } from '../../shared/csv/index.ts';
import { exportCsv } from '../../shared/export/index.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { startTestServer } from '../helpers/test-server.ts';

let server: Sandbox;
let client: PivorClient;
let badId: number | undefined;
const tag = `Unreadable${Date.now()}`;

beforeAll(async () => {
  server = await startTestServer({ seed: 'users' });
  client = new PivorClient({ baseUrl: server.url, transport: createFetchTransport(), retry: { baseDelayMs: 20, maxDelayMs: 200 } });
  await client.createToken(process.env.PIVOR_TEST_EMAIL ?? 'admin@pivor.dev', process.env.PIVOR_TEST_PASSWORD ?? 'password', 'unreadable-records test');
  const ops: BatchOp[] = Array.from({ length: 150 }, (_, n) => ({
    method: 'POST', path: '/contacts', body: { first_name: n === 70 ? 'Élodie' : `${tag}${n}`, last_name: 'Test' },
  }));
  const outcomes = await client.sendBatch(ops);
  // Pivor saves the contact and then fails to answer it.
  expect(outcomes[70]).toMatchObject({ ok: false, error: { kind: 'server', status: 500 } });
  // Its id: the one between ours that answers 500 (other suites may create contacts on a shared server meanwhile).
  const ours = outcomes.flatMap((o) => (o.ok ? [(o.data as { id: number }).id] : []));
  const mine = new Set(ours);
  for (let id = Math.min(...ours); id <= Math.max(...ours) && badId === undefined; id++) {
    if (mine.has(id)) continue;
    const probe = await client.probe('contacts', id, 1);
    if (!probe.ok && probe.error.status === 500) badId = id;
  }
  expect(badId).toBeTypeOf('number');
}, 120_000);

afterAll(async () => {
  if (badId !== undefined) await client.delete('contacts', badId);
  await server?.close();
});

describe('real Pivor with a contact it cannot answer', () => {
  it('the export leaves out only that contact, named by id, and says how to fix it', async () => {
    const result = await exportCsv(client, 'contacts');
    expect(result.complete).toBe(false);
    expect(result.unreadable).toHaveLength(1);
    // Named by id when its neighbours in the list are close enough to probe between (always, on a server of its own).
    const named = result.unreadable[0]!;
    if (named.id !== undefined) {
      expect(named.id).toBe(badId);
      expect(result.notices[0]).toContain(`/contacts/${badId}/edit`);
    } else {
      expect(result.notices[0]).toMatch(/^The contact at position \d+ in the list/);
    }
    const names = readCsv(result.csv).records.map((r) => r.cells[1]);
    const ours = names.filter((name) => name?.startsWith(tag));
    expect(ours).toHaveLength(149);
    expect(new Set(ours).size).toBe(149);
  }, 120_000);
});

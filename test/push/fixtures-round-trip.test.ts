// Every fixture pushed to the sandbox and exported back: Pivor's own three exports in one multi-file run (given in
// reverse order; clients go first), the documented template, HubSpot, Excel with semicolons and the messy file.
// The export, read back through the same validator, must hold every value each pushed row had.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivorClient } from '../../shared/api/index.ts';
import { writeCsv } from '../../shared/csv/index.ts';
import { exportCsv } from '../../shared/export/index.ts';
import { executePlan, preparePush, pushFiles, ReferenceBook, type FilePush } from '../../shared/push/index.ts';
import type { ResourceName } from '../../shared/resources/index.ts';
import { checkCsv } from '../../shared/validate/index.ts';
import { fixture, openSession, routeCount, type Session } from './sandbox-session.ts';

// Names stand for ids: the ids are compared instead (a trading name exports as the client's name).
const NOT_COMPARED = new Set(['full_name', 'client_name', 'contact_name']);

/** Exports the resource, reads the export back, and checks each created row's values survived. */
async function expectExported(client: PivorClient, resource: ResourceName, pushes: readonly FilePush[], except: Record<number, string[]> = {}) {
  const book = new ReferenceBook();
  for (const r of ['clients', 'contacts'] as const) await book.load(client, r);
  const exported = checkCsv((await exportCsv(client, resource)).csv, resource, { references: book.references(resource) });
  expect(exported.counts.errors).toBe(0);
  const byId = new Map(exported.rows.map((r) => [r.values.id, r.values]));
  let compared = 0;
  for (const push of pushes) {
    for (const [i, result] of push.result!.results.entries()) {
      if (result.outcome !== 'created') continue;
      const row = push.report.rows.find((r) => r.row === result.row)!;
      const values = byId.get(result.id!);
      expect(values, `row ${row.row} (id ${result.id}) is in the export`).toBeDefined();
      for (const [key, value] of Object.entries(row.values)) {
        if (NOT_COMPARED.has(key) || except[row.row]?.includes(key)) continue;
        expect({ row: row.row, key, value: values![key] }).toEqual({ row: row.row, key, value });
        compared += 1;
      }
      expect(push.result!.results[i]!.id).toBe(values!.id);
    }
  }
  return compared;
}

describe("Pivor's own exports, the documented template and HubSpot", () => {
  let s: Session;
  let pushes: FilePush[];
  beforeAll(async () => {
    s = await openSession();
    pushes = await pushFiles(s.client, [
      { resource: 'communications', input: fixture('pivor-communications-export') },
      { resource: 'contacts', input: fixture('pivor-contacts-export') },
      { resource: 'clients', input: fixture('pivor-clients-export') },
    ], { matchBy: 'email', matchByResource: { clients: 'name', communications: 'id' } });
  });
  afterAll(() => s?.close());

  it('pushes the three files in dependency order, each listing read once, names resolved to records of the same run', () => {
    expect(pushes.map((p) => p.plan.resource)).toEqual(['clients', 'contacts', 'communications']);
    const [clients, contacts, communications] = pushes.map((p) => p.result!);
    expect(clients!.counts).toMatchObject({ created: 3, skipped: 1, failed: 0 });
    // Row 5: organisation and archived are Pivor CSV values the API cannot write.
    expect(clients!.results[3]).toMatchObject({ row: 5, outcome: 'skipped', message: expect.stringMatching(/organisation/) });
    expect(contacts!.counts).toMatchObject({ created: 3, failed: 0, skipped: 0 });
    expect(communications!.counts).toMatchObject({ created: 4, failed: 0, skipped: 0 });
    const acme = clients!.results[0]!.id;
    expect(pushes[1]!.plan.actions.map((a) => (a.kind === 'create' ? a.body.client_id : null))).toEqual([acme, clients!.results[1]!.id, acme]);
    for (const route of ['GET /api/clients', 'GET /api/contacts', 'GET /api/communications']) expect(routeCount(s.sandbox, route)).toBe(1);
  });

  it('exports the three back with every pushed value, completed_at included (sent after the create)', async () => {
    expect(await expectExported(s.client, 'clients', pushes.slice(0, 1))).toBeGreaterThan(20);
    expect(await expectExported(s.client, 'contacts', pushes.slice(1, 2))).toBeGreaterThan(15);
    expect(await expectExported(s.client, 'communications', pushes.slice(2, 3))).toBeGreaterThan(15);
    const followUp = pushes[2]!.result!.results[0]!;
    expect((await s.client.get('communications', followUp.id!)).completed_at).toMatch(/^2025-01-15T11:30:00/);
    // priority normal was left out of the create: the server default is normal.
    expect((await s.client.get('communications', pushes[2]!.result!.results[2]!.id!)).priority).toBe('normal');
  });

  it('pushes the documented template (call → phone, contacts by first and last name) and HubSpot contacts', async () => {
    const run = async (resource: ResourceName, name: string, matchBy: 'email' | 'id') => {
      const prepared = await preparePush(s.client, { resource, input: fixture(name) }, { matchBy });
      return { ...prepared, result: await executePlan(s.client, prepared.plan) };
    };
    const template = await run('communications', 'documented-template-communications', 'id');
    expect(template.result.counts).toMatchObject({ created: 3, failed: 0, skipped: 0 });
    expect(template.plan.actions[0]).toMatchObject({ body: { type: 'phone', due_at: '2025-04-02T16:30:00.000Z' } });
    const hubspot = await run('contacts', 'hubspot-contacts', 'email');
    expect(hubspot.result.counts).toMatchObject({ created: 3, failed: 0, skipped: 0 });
    expect(hubspot.report.mapping.unmapped).toEqual(['Record ID', 'Lifecycle Stage', 'Contact owner', 'Create Date']);
    expect(await expectExported(s.client, 'communications', [template])).toBeGreaterThan(8);
    expect(await expectExported(s.client, 'contacts', [hubspot])).toBeGreaterThan(10);
  });
});

describe('Excel semicolons and the messy file', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(() => s?.close());

  it('pushes the Excel file (a line break inside a value, website given a scheme) and exports it back', async () => {
    const prepared = await preparePush(s.client, { resource: 'clients', input: fixture('excel-semicolon-clients') }, { matchBy: 'name' });
    const result = await executePlan(s.client, prepared.plan);
    expect(result.counts).toMatchObject({ created: 3, failed: 0 });
    const sgd = await s.client.get('clients', result.results[0]!.id!);
    expect(sgd).toMatchObject({ name: 'Société Générale Démo', website: 'https://sgd.example', notes: 'Line one\r\nline two; with a semicolon' });
    expect(await expectExported(s.client, 'clients', [{ ...prepared, result }])).toBeGreaterThan(12);
  });

  it('pushes the valid rows of the messy file, skips the rest with their reasons, and the last primary contact wins', async () => {
    await executePlan(s.client, (await preparePush(s.client, { resource: 'clients', input: writeCsv(['name'], [['Acme Corp']]) }, { matchBy: 'name' })).plan);
    const prepared = await preparePush(s.client, { resource: 'contacts', input: fixture('messy-contacts') }, { matchBy: 'email' });
    const result = await executePlan(s.client, prepared.plan);
    expect(result.results.map((r) => `${r.row}:${r.outcome}`)).toEqual(['2:created', '3:skipped', '4:skipped', '5:skipped', '6:skipped', '7:created', '8:skipped', '9:created']);
    expect(result.results[3]).toMatchObject({ column: 'client_name', message: expect.stringMatching(/Nonexistent Holdings/) });
    // Rows 2 and 9 are both primary for Acme Corp, and Pivor keeps one: the push sends row 2 as not primary, so
    // row 9 (the last) keeps the flag whichever of the two Pivor saves first.
    expect(await expectExported(s.client, 'contacts', [{ ...prepared, result }], { 2: ['is_primary_contact'] })).toBeGreaterThan(15);
    expect(prepared.plan.actions[0]).toMatchObject({ kind: 'create', body: { is_primary_contact: false } });
    expect((await s.client.get('contacts', result.results[0]!.id!)).is_primary_contact).toBe(false);
    expect((await s.client.get('contacts', result.results[7]!.id!)).is_primary_contact).toBe(true);
  });
});

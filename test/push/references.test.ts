// Names to ids against the sandbox: client_name by name or trading name, contact_name by first and last name,
// one listing per resource per run, unknown and ambiguous names per row, and createMissingClients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../shared/csv/index.ts';
import { executePlan, preparePush, type PlannedAction } from '../../shared/push/index.ts';
import { fixture, openSession, routeCount, type Session } from './sandbox-session.ts';

let s: Session;
const ids: Record<string, number> = {};

beforeAll(async () => {
  s = await openSession();
  for (const [name, trading_name] of [['Acme Corp', 'Acme'], ['Bright Futures Ltd', null], ['Twin Co', null], ['Twin Co', null]] as const) {
    const record = await s.client.create('clients', { name, ...(trading_name ? { trading_name } : {}) });
    ids[name] = record.id;
  }
  const priya = await s.client.create('contacts', { first_name: 'Priya', last_name: 'Patel', client_id: ids['Bright Futures Ltd'] });
  ids['Priya Patel'] = priya.id;
});
afterAll(() => s?.close());

function bodyOf(action: PlannedAction | undefined): Record<string, unknown> | undefined {
  return action && (action.kind === 'create' || action.kind === 'update' || action.kind === 'duplicate') ? action.body : undefined;
}

describe('references', () => {
  it('resolves client_name by name and by trading name, reading the clients once, never per row', async () => {
    const before = routeCount(s.sandbox, 'GET /api/clients');
    const byId = routeCount(s.sandbox, 'GET /api/clients/{id}');
    const { plan } = await preparePush(s.client, { resource: 'contacts', input: fixture('pivor-contacts-export') }, { matchBy: 'email' });
    // Priya Patel of Bright Futures is in Pivor without an email: row 3 is held as probably her.
    expect(plan.actions.map((a) => a.kind)).toEqual(['create', 'duplicate', 'create']);
    expect(plan.actions[1]).toMatchObject({ question: { candidates: [{ id: ids['Priya Patel'], match: 'same' }] } });
    // Row 4 names "Acme": the trading name of Acme Corp.
    expect(plan.actions.map((a) => bodyOf(a)?.client_id)).toEqual([ids['Acme Corp'], ids['Bright Futures Ltd'], ids['Acme Corp']]);
    expect(routeCount(s.sandbox, 'GET /api/clients') - before).toBe(1);
    expect(routeCount(s.sandbox, 'GET /api/clients/{id}')).toBe(byId);
  });

  it('resolves contact_name by first and last name (documented template)', async () => {
    const { plan } = await preparePush(s.client, { resource: 'communications', input: fixture('documented-template-communications') }, { matchBy: 'id' });
    const priyaRow = plan.actions.find((a) => a.row === 3);
    expect(bodyOf(priyaRow)).toMatchObject({ type: 'note', contact_id: ids['Priya Patel'] });
    // Row 2 names John Doe, who is not in Pivor: reported on the row, not linked to nothing.
    expect(plan.actions.find((a) => a.row === 2)).toMatchObject({ kind: 'skip', column: 'contact_name' });
    expect(plan.actions.find((a) => a.row === 2 && a.kind === 'skip' && /John Doe/.test(a.reason))).toBeDefined();
  });

  it('reports unknown and ambiguous client names on their rows and skips them', async () => {
    const csv = writeCsv(['first_name', 'last_name', 'client_name'], [['Ann', 'One', 'Twin Co'], ['Bob', 'Two', 'Nobody Ltd'], ['Cy', 'Three', 'acme']]);
    const { plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'none' });
    const [twin, nobody, acme] = plan.actions;
    expect(twin).toMatchObject({ kind: 'skip', row: 2, column: 'client_name' });
    expect(twin?.kind === 'skip' && twin.reason).toMatch(/2 clients .*Twin Co/);
    expect(nobody).toMatchObject({ kind: 'skip', row: 3, column: 'client_name' });
    expect(nobody?.kind === 'skip' && nobody.reason).toMatch(/no client named "Nobody Ltd"/);
    // Names compare without regard to case.
    expect(bodyOf(acme)).toMatchObject({ client_id: ids['Acme Corp'] });
  });

  it('createMissingClients creates each missing client once, resolves the rows to it, and a re-run creates none', async () => {
    const csv = writeCsv(['first_name', 'last_name', 'email', 'client_name'], [
      ['Dee', 'Four', 'dee@new.example', 'Brand New Ltd'],
      ['Eve', 'Five', 'eve@new.example', 'brand new ltd'],
      ['Fay', 'Six', 'fay@new.example', 'Acme'],
    ]);
    const clientsBefore = (await s.client.listAll('clients')).length;
    const prepared = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email', createMissingClients: true });
    expect(prepared.missingClients).toHaveLength(1);
    const created = prepared.missingClients[0]!;
    expect(created).toMatchObject({ name: 'Brand New Ltd' });
    expect(created.id).toBeGreaterThan(0);
    expect(prepared.plan.actions.map((a) => bodyOf(a)?.client_id)).toEqual([created.id, created.id, ids['Acme Corp']]);
    const result = await executePlan(s.client, prepared.plan);
    expect(result.counts.created).toBe(3);

    const again = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email', createMissingClients: true });
    expect(again.missingClients).toEqual([]);
    expect(again.plan.counts).toMatchObject({ unchanged: 3, create: 0 });
    const clients = await s.client.listAll('clients');
    expect(clients.length).toBe(clientsBefore + 1);
    expect(clients.find((c) => c.id === created.id)).toMatchObject({ name: 'Brand New Ltd', trading_name: null });
  });

  it('a dry run with createMissingClients creates nothing and says which clients it would create', async () => {
    const csv = writeCsv(['first_name', 'last_name', 'client_name'], [['Gus', 'Seven', 'Dry Run Holdings']]);
    const posts = routeCount(s.sandbox, 'POST /api/clients');
    const prepared = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'none', createMissingClients: true, dryRun: true });
    expect(prepared.missingClients).toEqual([{ name: 'Dry Run Holdings', message: 'would be created' }]);
    expect(prepared.plan.actions[0]).toMatchObject({ kind: 'create' });
    expect(routeCount(s.sandbox, 'POST /api/clients')).toBe(posts);
  });
});

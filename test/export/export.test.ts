// Export against the sandbox's demo CRM: Pivor's export values (names for references, yes/no, UTC dates as
// `YYYY-MM-DD HH:MM`, updated_at in ISO 8601), page by page with progress, filters, and a round trip:
// an export pushed straight back (matched by id) has nothing to send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { exportCsv, exportHeaders, exportRecords } from '../../shared/export/index.ts';
import { endOf, windowAfter } from '../../shared/api/listing/list-window.ts';
import { preparePush } from '../../shared/push/index.ts';
import { resourceNames } from '../../shared/resources/index.ts';
import { openSession, routeCount, type Session } from '../push/sandbox-session.ts';

let s: Session;
beforeAll(async () => {
  s = await openSession({ seed: 'demo' });
});
afterAll(() => s?.close());

function cellsById(csv: string): { headers: string[]; byId: Map<number, Record<string, string>> } {
  const table = readCsv(csv);
  const byId = new Map(table.records.map((r) => [Number(r.cells[0]), Object.fromEntries(table.headers.map((h, i) => [h, r.cells[i] ?? '']))]));
  return { headers: table.headers, byId };
}

/** Windows a whole listing reads for `count` records when nothing moves (they overlap a little). */
function windowsFor(count: number): number {
  let windows = 0;
  for (let end = 0; windows === 0 || end < count; windows++) end = endOf(windowAfter(end));
  return windows;
}

describe('exportCsv', () => {
  it("writes contacts as Pivor's export does: client by name, is_primary yes/no, address flat, updated_at as the API says", async () => {
    const clients = new Map((await s.client.listAll('clients')).map((c) => [c.id, c]));
    const contacts = await s.client.listAll('contacts');
    const { headers, byId } = cellsById((await exportCsv(s.client, 'contacts')).csv);
    expect(headers).toEqual(exportHeaders('contacts'));
    expect(headers.slice(0, 12)).toEqual(['id', 'first_name', 'last_name', 'email', 'phone', 'mobile', 'job_title', 'department', 'client_name', 'is_primary', 'status', 'notes']);
    expect(byId.size).toBe(contacts.length);
    const linked = contacts.filter((c) => typeof c.client_id === 'number');
    expect(linked.length).toBeGreaterThan(0);
    for (const contact of contacts) {
      const row = byId.get(contact.id)!;
      const address = contact.address as Record<string, string | null>;
      expect(row).toMatchObject({
        first_name: contact.first_name, last_name: contact.last_name, email: contact.email ?? '',
        // A link to a client no longer listed (soft-deleted) has no name to show.
        client_name: typeof contact.client_id === 'number' ? (clients.get(contact.client_id)?.name ?? '') : '',
        is_primary: contact.is_primary_contact ? 'yes' : 'no',
        city: address.city ?? '', postal_code: address.postcode ?? '', updated_at: contact.updated_at,
      });
    }
  });

  it('writes communications with client and contact names and dates as YYYY-MM-DD HH:MM in UTC (seconds only when set)', async () => {
    const communications = await s.client.listAll('communications');
    const { byId } = cellsById((await exportCsv(s.client, 'communications')).csv);
    const dated = communications.filter((c) => typeof c.due_at === 'string');
    const withContact = communications.filter((c) => c.contact && typeof c.contact === 'object');
    expect(dated.length).toBeGreaterThan(0);
    expect(withContact.length).toBeGreaterThan(0);
    for (const c of dated) {
      const iso = new Date(String(c.due_at)).toISOString();
      expect(byId.get(c.id)!.due_at).toBe(iso.slice(0, iso.slice(17, 19) === '00' ? 16 : 19).replace('T', ' '));
    }
    for (const c of withContact) {
      const contact = c.contact as { first_name: string; last_name: string };
      expect(byId.get(c.id)!.contact_name).toBe(`${contact.first_name} ${contact.last_name}`);
      expect(byId.get(c.id)!.client_name).toBe((c.client as { name: string } | null)?.name ?? '');
    }
    expect([...byId.values()].every((r) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(r.updated_at!))).toBe(true);
  });

  it('goes page by page with progress, reads the clients at most once for names, and applies filters', async () => {
    const before = routeCount(s.sandbox, 'GET /api/clients');
    const progress: number[] = [];
    let rows = 0;
    for await (const page of exportRecords(s.client, 'contacts', { onProgress: (p) => progress.push(p.loaded) })) rows += page.length;
    expect(routeCount(s.sandbox, 'GET /api/clients') - before).toBeLessThanOrEqual(windowsFor((await s.client.listAll('clients')).length));
    expect(progress.length).toBe(windowsFor(rows));
    expect(progress.at(-1)).toBe(rows);

    const active = readCsv((await exportCsv(s.client, 'clients', { filters: { status: 'active' } })).csv);
    const statusAt = active.headers.indexOf('status');
    expect(active.records.length).toBeGreaterThan(0);
    expect(active.records.every((r) => r.cells[statusAt] === 'active')).toBe(true);
    expect(active.records.length).toBeLessThan((await s.client.listAll('clients')).length);
  });

  it.each(resourceNames)('an export of %s pushed straight back (matched by id) has nothing to send', async (resource) => {
    const csv = (await exportCsv(s.client, resource)).csv;
    const { plan, report } = await preparePush(s.client, { resource, input: csv }, { matchBy: 'id' });
    // Archived records and two contacts sharing a name are errors for a new row, not for one that restates its record.
    expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: report.counts.records, delete: 0, duplicate: 0, skip: 0 });
  });
});

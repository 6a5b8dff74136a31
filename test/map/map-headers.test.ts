import { describe, expect, it } from 'vitest';
import { headerIndex, headerSetKey, mapHeaders, pivorHeaderKey } from '../../shared/map/index.ts';
import { clients, communications, contacts, resources } from '../../shared/resources/index.ts';

const hubspot = ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Job Title', 'Company Name', 'Lifecycle Stage', 'Contact owner', 'Create Date'];
const pivorClients = ['name', 'trading_name', 'type', 'status', 'email', 'phone', 'website', 'address_line_1', 'address_line_2', 'city', 'state', 'postal_code', 'country', 'notes'];

function fieldsOf(mapping: ReturnType<typeof mapHeaders>): Record<string, string | null> {
  return Object.fromEntries(mapping.columns.map((c) => [c.header, c.field]));
}

describe('mapHeaders', () => {
  it('maps a HubSpot contacts export on its own and leaves its CRM-only columns unmapped', () => {
    const m = mapHeaders(contacts, hubspot);
    expect(fieldsOf(m)).toEqual({
      'Record ID': null, 'First Name': 'first_name', 'Last Name': 'last_name', Email: 'email', 'Phone Number': 'phone',
      'Mobile Phone Number': 'mobile', 'Job Title': 'job_title', 'Company Name': 'client_name',
      'Lifecycle Stage': null, 'Contact owner': null, 'Create Date': null,
    });
    expect(m.unmapped).toEqual(['Record ID', 'Lifecycle Stage', 'Contact owner', 'Create Date']);
    // another system's ids and owners are never Pivor's: said so, not merely "unknown"
    expect(m.columns.find((c) => c.header === 'Contact owner')).toMatchObject({ reason: 'foreign', detail: 'it names an owner in another system, not a Pivor user' });
    expect(m.columns.find((c) => c.header === 'Record ID')).toMatchObject({ reason: 'foreign', detail: "it holds another system's record ids, not Pivor's" });
    expect(m.columns.find((c) => c.header === 'Lifecycle Stage')?.reason).toBe('unknown');
    expect(m.byField).toMatchObject({ first_name: 1, client_name: 7 });
  });

  it("maps Pivor's real export header, including state and postal_code, by key", () => {
    const m = mapHeaders(clients, pivorClients);
    expect(m.unmapped).toEqual([]);
    expect(m.columns.every((c) => c.reason === 'key' && c.score === 1)).toBe(true);
    expect(m.byField.county).toBe(10);
    expect(m.byField.postcode).toBe(11);
  });

  it('maps Excel and CRM spellings through aliases, with the reason', () => {
    const m = mapHeaders(clients, ['Company Name', 'E-mail', 'Billing City', 'Zip/Postal Code', 'Annual Revenue', 'Employees', 'Account Name']);
    expect(m.columns.map((c) => [c.field, c.reason])).toEqual([
      ['name', 'alias'], ['email', 'key'], ['city', 'alias'], ['postcode', 'alias'], ['annual_revenue', 'key'], ['employee_count', 'alias'],
      [null, 'duplicate'],
    ]);
    expect(m.columns[6]?.detail).toBe('Name is already filled by column 1 ("Company Name")');
  });

  it("follows Pivor's rule: lower case, spaces, - and _ ignored", () => {
    expect(pivorHeaderKey('Due_At')).toBe('dueat');
    const m = mapHeaders(communications, ['DUE AT', 'Completed-At', 'Contact Name']);
    expect(m.columns.map((c) => c.field)).toEqual(['due_at', 'completed_at', 'contact_name']);
    expect(m.columns[0]?.reason).toBe('key');
  });

  it('matches by label, and by alias ignoring accents', () => {
    const m = mapHeaders(contacts, ['Primary contact', 'Prénom']);
    expect(m.columns.map((c) => [c.field, c.reason, c.score])).toEqual([['is_primary_contact', 'label', 0.98], ['first_name', 'alias', 0.95]]);
  });

  it('fixes typos only above a clear threshold, and never across digits', () => {
    const m = mapHeaders(contacts, ['Frist Name', 'Emial', 'Adress Line 1', 'Phone 2', 'Stage', 'Deal Stage']);
    expect(m.columns.map((c) => [c.field, c.reason])).toEqual([
      ['first_name', 'fuzzy'], ['email', 'fuzzy'], ['address_line_1', 'fuzzy'], [null, 'unknown'], [null, 'unknown'], [null, 'unknown'],
    ]);
    expect(m.columns[0]?.score).toBeLessThan(0.9);
    expect(m.columns[1]?.detail).toBe('"Emial" looks like Email');
  });

  it('accepts the words of a field in another order', () => {
    expect(mapHeaders(contacts, ['Name, Last']).columns[0]).toMatchObject({ field: 'last_name', reason: 'fuzzy' });
  });

  it('keeps the better of two columns for one field and reports the other', () => {
    const m = mapHeaders(contacts, ['Emial', 'Email']);
    expect(m.columns.map((c) => [c.field, c.reason])).toEqual([[null, 'duplicate'], ['email', 'key']]);
    expect(m.columns[0]?.detail).toBe('Email is already filled by column 2 ("Email")');
    expect(m.unmapped).toEqual(['Emial']);
    // equal scores: the leftmost column wins
    const twice = mapHeaders(contacts, ['Email', 'E-mail']);
    expect(twice.byField.email).toBe(0);
  });

  it('lets a plain user mapping override, ignore, and win conflicts', () => {
    const user = { 'Record ID': 'id', Email: null, 'Contact owner': 'notes', 'Company Name': 'nonsense' };
    const m = mapHeaders(contacts, hubspot, user);
    const byHeader = Object.fromEntries(m.columns.map((c) => [c.header, c]));
    expect(byHeader['Record ID']).toMatchObject({ field: 'id', reason: 'user', score: 1 });
    expect(byHeader.Email).toMatchObject({ field: null, reason: 'user' });
    expect(byHeader['Contact owner']).toMatchObject({ field: 'notes', reason: 'user' });
    // a saved mapping naming no field falls back to the automatic match and says so
    expect(byHeader['Company Name']).toMatchObject({ field: 'client_name', reason: 'alias' });
    expect(byHeader['Company Name']?.detail).toContain('"nonsense"');
    // the user's choice beats an exact match for the same field
    const conflict = mapHeaders(contacts, ['Email', 'Work Address'], { 'Work Address': 'email' });
    expect(conflict.columns.map((c) => [c.field, c.reason])).toEqual([[null, 'duplicate'], ['email', 'user']]);
    expect(JSON.parse(JSON.stringify(user))).toEqual(user);
  });

  it('leaves empty headers unmapped', () => {
    expect(mapHeaders(clients, ['', 'name']).columns[0]).toMatchObject({ field: null, reason: 'unknown', detail: 'empty header' });
  });

  it('finds no spelling claimed by two fields of one resource (table check)', () => {
    for (const r of Object.values(resources)) expect(headerIndex(r).conflicts, r.name).toEqual([]);
  });
});

describe('headerSetKey', () => {
  it('is stable across order and padding, and differs for other headers', () => {
    expect(headerSetKey(['a', 'b '])).toBe(headerSetKey(['b', 'a']));
    expect(headerSetKey(['a', 'b'])).not.toBe(headerSetKey(['a', 'c']));
    expect(headerSetKey(['a', 'b'])).not.toBe(headerSetKey(['a', 'B']));
    expect(headerSetKey(hubspot)).toMatch(/^h11-[0-9a-z]+$/);
  });
});

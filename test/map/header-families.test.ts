import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../shared/map/index.ts';
import { headerShape } from '../../shared/map/header-family.ts';
import { clients, communications, contacts } from '../../shared/resources/index.ts';

const fieldOf = (m: ReturnType<typeof mapHeaders>, header: string) => m.columns.find((c) => c.header === header)?.field;

describe('header families', () => {
  it('reads entity prefixes, numbered slots and address blocks', () => {
    expect(headerShape('Person - Email - Work')).toMatchObject({ entity: 'person', rest: 'Email - Work' });
    expect(headerShape('E-mail 2 - Value')).toMatchObject({ slot: { base: 'email', n: 2, part: 'value' } });
    expect(headerShape('Business Street 2')).toMatchObject({ block: { name: 'business', part: 'address_line_2' } });
    expect(headerShape('Billing Code')).toMatchObject({ block: { name: 'billing', part: 'postcode' } });
    expect(headerShape('Organization - Address - City/town')).toMatchObject({ entity: 'organization', block: { name: 'address', part: 'city' } });
  });

  it.each(['Record ID', 'Record Id', 'Activity - ID', 'Person - ID', 'Account ID', 'Owner', 'Contact owner', 'Owned By', 'Assigned to user', 'Activity - Assigned to user', 'Owner ID', 'zcrm_id'])(
    'never maps %j, another system\'s id or owner', (header) => {
      for (const resource of [clients, contacts, communications]) {
        expect(mapHeaders(resource, [header]).columns[0]).toMatchObject({ field: null, reason: 'foreign' });
      }
    });

  it("maps Pivor's own id and id columns whatever the families say", () => {
    // "Contact ID" is Salesforce's in a contacts file, but Pivor's own contact_id (by Pivor's header rule) in communications
    expect(mapHeaders(contacts, ['Contact ID']).columns[0]).toMatchObject({ field: null, reason: 'foreign' });
    expect(fieldOf(mapHeaders(communications, ['Contact ID']), 'Contact ID')).toBe('contact_id');
    expect(fieldOf(mapHeaders(contacts, ['id']), 'id')).toBe('id');
    expect(fieldOf(mapHeaders(communications, ['contact_id', 'client_id']), 'contact_id')).toBe('contact_id');
  });

  it('maps another entity only through its name, and never a deal', () => {
    const m = mapHeaders(communications, ['Activity - Subject', 'Person - Name', 'Organization - Name', 'Deal - Title', 'Person - Email']);
    expect(m.columns.map((c) => c.field)).toEqual(['subject', 'contact_name', 'client_name', null, null]);
    expect(fieldOf(mapHeaders(clients, ['Organization - Name', 'Organization - Address - City/town']), 'Organization - Address - City/town')).toBe('city');
  });

  it('reads a done column as the status, and joins a due time to its date', () => {
    const m = mapHeaders(communications, ['Subject', 'Due date', 'Due time', 'Done']);
    expect(m.columns.map((c) => [c.field, c.reason])).toEqual([['subject', 'key'], ['due_at', 'alias'], [null, 'combined'], ['status', 'alias']]);
    expect(m.columns[1]!.source).toEqual({ kind: 'join', columns: [1, 2], separator: ' ' });
    expect(m.columns[3]!.reading).toBe('done-flag');
  });

  it('fills phone and mobile from numbered phones by label, even from a single slot', () => {
    const m = mapHeaders(contacts, ['First Name', 'Phone 1 - Label', 'Phone 1 - Value']);
    expect(m.columns[2]).toMatchObject({ field: 'phone', source: { kind: 'labelled', want: 'phone' } });
    expect(m.extra).toEqual([expect.objectContaining({ index: 2, field: 'mobile', source: expect.objectContaining({ want: 'mobile' }) })]);
    expect(m.byField).toMatchObject({ phone: 2, mobile: 2 });
    // a plain Mobile column keeps the mobile: the slots fill the phone only
    const withMobile = mapHeaders(contacts, ['Mobile', 'Phone 1 - Label', 'Phone 1 - Value']);
    expect(withMobile.byField).toMatchObject({ mobile: 0, phone: 2 });
    expect(withMobile.extra).toBeUndefined();
  });

  it('ranks a company domain below a website column', () => {
    expect(mapHeaders(clients, ['Company Domain Name', 'Website URL']).byField.website).toBe(1);
    expect(mapHeaders(clients, ['Company Domain Name']).byField.website).toBe(0);
  });
});

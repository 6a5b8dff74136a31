import { describe, expect, it } from 'vitest';
import { toApiBody } from '../../shared/validate/index.ts';

describe('toApiBody', () => {
  it('writes API names and leaves out ids, timestamps, full names and reference names', () => {
    const values = { id: 4, full_name: 'Ann Lee', first_name: 'Ann', last_name: 'Lee', client_name: 'Acme', client_id: 1, is_primary_contact: true, county: 'NY', updated_at: '2025-01-01T00:00:00.000Z' };
    expect(toApiBody('contacts', values, 'update')).toEqual({ first_name: 'Ann', last_name: 'Lee', client_id: 1, is_primary_contact: true, county: 'NY' });
  });

  it('drops update-only fields and server-default values on create only', () => {
    const values = { type: 'email', subject: 's', priority: 'normal', completed_at: '2025-01-15T11:30:00.000Z', contact_name: 'John Doe', contact_id: 10 };
    expect(toApiBody('communications', values, 'create')).toEqual({ type: 'email', subject: 's', contact_id: 10 });
    expect(toApiBody('communications', values, 'update')).toEqual({ type: 'email', subject: 's', priority: 'normal', completed_at: '2025-01-15T11:30:00.000Z', contact_id: 10 });
    expect(toApiBody('communications', { ...values, priority: 'high' }, 'create')).toMatchObject({ priority: 'high' });
  });

  it('keeps field order from the table and passes typed values through', () => {
    const body = toApiBody('clients', { employee_count: 12, name: 'Acme', annual_revenue: 1200.5 }, 'create');
    expect(Object.keys(body)).toEqual(['name', 'employee_count', 'annual_revenue']);
    expect(body.annual_revenue).toBe(1200.5);
  });
});

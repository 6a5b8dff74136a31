// The user's value mapping for list fields: a value Pivor does not know, mapped to one it does, is read as that value
// (an info on its cell), case and outer spaces aside; values left unmapped keep their error.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { getResource } from '../../shared/resources/index.ts';
import { validateTable } from '../../shared/validate/index.ts';

const contacts = getResource('contacts');
// status is mapped by the user: its values alone would keep it out of the mapping
const csv = readCsv('first_name,last_name,status,is_primary\nAda,Byron,Hot lead,x\nBo,Ng, hot LEAD ,no\nCy,Ito,Gone,yes\n');
const userMapping = { status: 'status' };

describe('value mapping', () => {
  it('reads mapped values as the Pivor value they stand for, and leaves the others as errors', () => {
    const report = validateTable(contacts, csv, { userMapping, valueMapping: { status: { 'hot lead': 'active' }, is_primary_contact: { x: 'yes' } } });
    expect(report.rows.map((r) => [r.values.status, r.values.is_primary_contact])).toEqual([['active', true], ['active', false], [undefined, true]]);
    expect(report.rows[0]!.issues.map((i) => [i.code, i.severity])).toEqual([['value-mapped', 'info'], ['value-mapped', 'info']]);
    expect(report.rows[1]!.issues.map((i) => i.code)).toEqual(['trimmed', 'value-mapped']);
    expect(report.rows[0]!.issues[0]!.message).toBe('Row 2: read "Hot lead" as active, as your value mapping says (column status).');
    expect(report.rows.map((r) => r.status)).toEqual(['valid', 'valid', 'error']);
    expect(report.rows[2]!.issues[0]).toMatchObject({ code: 'invalid-enum', column: 'status' });
  });

  it('without a mapping, the same values are errors', () => {
    const report = validateTable(contacts, csv, { userMapping });
    expect(report.counts.errors).toBe(3);
  });
});

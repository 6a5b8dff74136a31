// The outcomes test/fixtures/README.md lists for each real-world shaped file, asserted on the real files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCsv, toApiBody, type ValidationReport } from '../../shared/validate/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}.csv`, import.meta.url));
const references = {
  clients: [
    { id: 1, name: 'Acme Corp', trading_name: 'Acme' },
    { id: 2, name: 'Bright Futures Ltd', trading_name: null },
  ],
  contacts: [
    { id: 10, first_name: 'John', last_name: 'Doe', client_id: 1 },
    { id: 11, first_name: 'Priya', last_name: 'Patel', client_id: 2 },
  ],
};

function row(report: ValidationReport, n: number) {
  const found = report.rows.find((r) => r.row === n);
  if (!found) throw new Error(`no row ${n}`);
  return found;
}
const codes = (report: ValidationReport, n: number) => row(report, n).issues.map((i) => i.code);
const statuses = (report: ValidationReport) => Object.fromEntries(report.rows.map((r) => [r.row, r.status]));

describe('messy-contacts.csv', () => {
  it('without references: rows 3, 4, 6 and 8 are errors, 7 and 9 warnings, 2 and 5 valid', () => {
    const report = checkCsv(fixture('messy-contacts'), 'auto');
    expect(report.resource).toBe('contacts');
    expect(statuses(report)).toEqual({ 2: 'valid', 3: 'error', 4: 'error', 5: 'valid', 6: 'error', 7: 'warning', 8: 'error', 9: 'warning' });
    expect(report.counts).toEqual({ records: 8, valid: 2, warnings: 2, errors: 4 });
    expect(row(report, 3).issues).toEqual([
      { row: 3, column: 'last_name', field: 'last_name', severity: 'error', code: 'required', message: 'Row 3: last name is required (column last_name).' },
    ]);
    expect(row(report, 4).issues[0]?.message).toBe('Row 4: "not-an-email" is not a valid email address (column email).');
    expect(row(report, 6).issues[0]).toMatchObject({ code: 'invalid-boolean', column: 'is_primary', field: 'is_primary_contact' });
    expect(row(report, 7).issues).toEqual([{
      row: 7, column: 'email', field: 'email', severity: 'warning', code: 'duplicate-email',
      message: 'Row 7: the email "eva@acme.com" is also on row 6 (column email).',
    }]);
    expect(row(report, 8)).toMatchObject({ status: 'error', cells: ['Lone', 'Field'], values: {} });
    expect(codes(report, 8)).toEqual(['column-count']);
    expect(row(report, 9).issues[0]).toMatchObject({ code: 'duplicate-primary', severity: 'warning' });
    expect(row(report, 9).issues[0]?.message).toContain('row 2');
    // without Pivor's clients the name is kept for later, unresolved
    expect(row(report, 5).values).toMatchObject({ client_name: 'Nonexistent Holdings' });
    expect(row(report, 5).values.client_id).toBeUndefined();
  });

  it('with references: row 5 names a client Pivor does not have; the others resolve to ids', () => {
    const report = checkCsv(fixture('messy-contacts'), 'contacts', { references });
    expect(row(report, 5).issues).toEqual([{
      row: 5, column: 'client_name', field: 'client_name', severity: 'error', code: 'unknown-reference',
      message: 'Row 5: no client named "Nonexistent Holdings" in Pivor (column client_name).',
    }]);
    expect(row(report, 2).values).toEqual({
      first_name: 'John', last_name: 'Doe', email: 'john@acme.com', phone: '+1234567890', job_title: 'CEO',
      client_name: 'Acme Corp', client_id: 1, is_primary_contact: true,
    });
    expect(report.counts.errors).toBe(5);
    expect(report.issues.map((i) => i.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('pivor-clients-export.csv', () => {
  const report = checkCsv(fixture('pivor-clients-export'), 'auto');

  it('maps every column with no manual mapping', () => {
    expect(report.resource).toBe('clients');
    expect(report.mapping.unmapped).toEqual([]);
    expect(report.encoding).toBe('utf-8-bom');
  });

  it('accepts rows 2 to 4 and reports row 5 with the reason, in words', () => {
    expect(statuses(report)).toEqual({ 2: 'valid', 3: 'valid', 4: 'valid', 5: 'error' });
    expect(row(report, 4).values).toMatchObject({ type: 'individual', status: 'inactive' });
    expect(row(report, 5).issues.map((i) => i.message)).toEqual([
      'Row 5: type "organisation" can\'t be set through Pivor\'s API (it accepts company or individual). Change it, or leave it empty for company (column type).',
      'Row 5: status "archived" can\'t be set through Pivor\'s API (it accepts prospect, active or inactive). Change it, or leave it empty for prospect (column status).',
    ]);
    expect(codes(report, 5)).toEqual(['not-writable', 'not-writable']);
  });
});

describe('pivor-contacts-export.csv', () => {
  it('reads is_primary "no" as false and matches "Acme" by trading name', () => {
    const report = checkCsv(fixture('pivor-contacts-export'), 'auto', { references });
    expect(report.counts).toEqual({ records: 3, valid: 3, warnings: 0, errors: 0 });
    expect(report.rows.map((r) => r.values.is_primary_contact)).toEqual([false, false, false]);
    expect(row(report, 4).values).toMatchObject({ client_name: 'Acme', client_id: 1 });
  });
});

describe('pivor-communications-export.csv', () => {
  const report = checkCsv(fixture('pivor-communications-export'), 'auto', { references });

  it('maps description to content', () => {
    expect(report.mapping.byField.content).toBe(2);
    expect(report.mapping.columns[2]).toMatchObject({ header: 'description', field: 'content', reason: 'key' });
  });

  it('leaves priority normal out of a create with a warning; high and urgent pass; row 4 can be sent', () => {
    expect(statuses(report)).toEqual({ 2: 'warning', 3: 'valid', 4: 'warning', 5: 'valid' });
    expect(row(report, 2).issues).toEqual([{
      row: 2, column: 'priority', field: 'priority', severity: 'warning', code: 'omitted-on-create',
      message: 'Row 2: priority "normal" can\'t be sent through Pivor\'s API, so it is left out: a new record gets normal by default (column priority).',
    }]);
    expect(row(report, 3).values.priority).toBe('high');
    expect(row(report, 5).values.priority).toBe('urgent');
    expect(row(report, 4).values).toEqual({ type: 'phone', subject: 'Intro call', status: 'completed', priority: 'normal' });
    expect(toApiBody('communications', row(report, 2).values, 'create')).toEqual({
      type: 'email', subject: 'Follow up on proposal', client_id: 1, contact_id: 10, status: 'completed', due_at: '2025-01-15T10:00:00.000Z',
    });
  });
});

describe('documented-template-communications.csv', () => {
  const report = checkCsv(fixture('documented-template-communications'), 'auto', { references });

  it('reads call as phone, with a notice', () => {
    expect(row(report, 2).values.type).toBe('phone');
    expect(row(report, 2).issues).toEqual([{
      row: 2, column: 'type', field: 'type', severity: 'info', code: 'enum-synonym', message: 'Row 2: read "call" as phone (column type).',
    }]);
  });

  it('parses YYYY-MM-DD HH:MM dates as UTC instants', () => {
    expect(row(report, 2).values.due_at).toBe('2025-04-02T16:30:00.000Z');
    expect(row(report, 4).values.due_at).toBe('2025-04-10T09:00:00.000Z');
  });

  it('resolves contact_name by first and last name', () => {
    expect(row(report, 3).values).toMatchObject({ contact_name: 'Priya Patel', contact_id: 11 });
    expect(row(report, 2).values).toMatchObject({ client_id: 1, contact_id: 10 });
    expect(report.counts.errors).toBe(0);
  });

  it('reads the same wall-clock times in another stated zone', () => {
    const paris = checkCsv(fixture('documented-template-communications'), 'communications', { timeZone: 'Europe/Paris' });
    expect(row(paris, 2).values.due_at).toBe('2025-04-02T14:30:00.000Z');
  });
});

describe('hubspot-contacts.csv', () => {
  const report = checkCsv(fixture('hubspot-contacts'), 'auto', { references });

  it('maps the standard columns and lists the CRM-only ones as not imported', () => {
    expect(report.mapping.unmapped).toEqual(['Record ID', 'Lifecycle Stage', 'Contact owner', 'Create Date']);
    expect(report.issues.filter((i) => i.row === 1).map((i) => i.message)).toEqual([
      'Column "Record ID" is not imported: it holds another system\'s record ids, not Pivor\'s.',
      'Column "Lifecycle Stage" is not imported: it matches no contact field.',
      'Column "Contact owner" is not imported: it names an owner in another system, not a Pivor user.',
      'Column "Create Date" is not imported: it matches no contact field.',
    ]);
  });

  it('accepts row 4 without a company: no link', () => {
    expect(row(report, 4)).toMatchObject({ status: 'valid', values: { first_name: 'Li', last_name: 'Wei', email: 'li.wei@example.cn' } });
    expect(row(report, 4).values.client_id).toBeUndefined();
    expect(row(report, 2).values).toMatchObject({ last_name: 'García', client_id: 2 });
  });
});

describe('excel-semicolon-clients.csv', () => {
  const report = checkCsv(fixture('excel-semicolon-clients'), 'auto');

  it('reads 3 records with the line break inside a value, and maps Company Name and E-mail', () => {
    expect(report.delimiter).toBe(';');
    expect(report.counts.records).toBe(3);
    expect(report.mapping.columns.slice(0, 4).map((c) => c.field)).toEqual(['name', 'trading_name', 'status', 'email']);
    expect(row(report, 2).values.notes).toBe('Line one\r\nline two; with a semicolon');
  });

  it('sends sgd.example as https://sgd.example, with a notice', () => {
    expect(row(report, 2).values.website).toBe('https://sgd.example');
    expect(row(report, 2).issues).toEqual([{
      row: 2, column: 'Website', field: 'website', severity: 'info', code: 'url-scheme-added',
      message: 'Row 2: "sgd.example" has no http:// or https://: sent as "https://sgd.example" (column Website).',
    }]);
    // a scheme added is a normalization (info): the row stays valid
    expect(report.counts).toEqual({ records: 3, valid: 3, warnings: 0, errors: 0 });
  });
});

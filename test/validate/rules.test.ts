// Each validation rule on small CSV texts read by the real reader.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { clients, communications, contacts } from '../../shared/resources/index.ts';
import { validateTable, type ValidationReport } from '../../shared/validate/index.ts';

const lines = (...rows: string[]) => rows.join('\n') + '\n';
const issuesOf = (report: ValidationReport, row: number) => report.rows.find((r) => r.row === row)?.issues ?? [];
const messages = (report: ValidationReport, row: number) => issuesOf(report, row).map((i) => i.message);

describe('required fields, lengths and minimums', () => {
  it('reports a required field no column holds', () => {
    const report = validateTable(contacts, readCsv(lines('first_name,email', 'Ann,ann@x.com')));
    expect(messages(report, 2)).toEqual(['Row 2: last name is required, but no column holds it.']);
    expect(issuesOf(report, 2)[0]).toMatchObject({ column: null, field: 'last_name' });
  });

  it('refuses values longer than Pivor allows and numbers below the minimum', () => {
    const long = 'x'.repeat(256);
    const report = validateTable(clients, readCsv(lines('Company Name,Employees,Annual Revenue', `${long},-5,"-1,000"`, 'Ok Ltd,12,"$4,500,000"')));
    expect(messages(report, 2)).toEqual([
      'Row 2: name is 256 characters long; Pivor allows at most 255 (column Company Name).',
      'Row 2: employee count must be at least 0, not -5 (column Employees).',
      // "-1,000" could be -1 or -1000: the column's "$4,500,000" decides, and the notice says so
      'Row 2: read "-1,000" as -1000: this column writes "$4,500,000", so "," groups thousands (column Annual Revenue).',
      'Row 2: annual revenue must be at least 0, not -1000 (column Annual Revenue).',
    ]);
    expect(messages(report, 3)).toEqual(['Row 3: read "$4,500,000" as 4500000 (column Annual Revenue).']);
    expect(report.rows[1]?.values).toEqual({ name: 'Ok Ltd', employee_count: 12, annual_revenue: 4500000 });
    // a plain respelling is an info, which leaves the row valid; a number read by what its column shows is a warning
    expect(report.rows[1]?.status).toBe('valid');
    expect(report.rows[1]?.issues[0]?.severity).toBe('info');
    expect(report.rows[0]?.issues.find((i) => i.code === 'number-by-column')?.severity).toBe('warning');
  });

  it('refuses fractions in integer fields', () => {
    const report = validateTable(clients, readCsv(lines('name,Employees', 'A,12.5')));
    expect(messages(report, 2)).toEqual(['Row 2: "12.5" is not a whole number (column Employees).']);
  });

  it('trims values, with a notice, and treats a blank cell as empty', () => {
    const report = validateTable(contacts, readCsv(lines('first_name,last_name,email', '  Ann , Lee,   ')));
    expect(report.rows[0]?.values).toEqual({ first_name: 'Ann', last_name: 'Lee' });
    expect(issuesOf(report, 2).map((i) => [i.code, i.column])).toEqual([['trimmed', 'first_name'], ['trimmed', 'last_name']]);
  });
});

describe('values the API cannot write', () => {
  it('explains each one in words, with what Pivor accepts', () => {
    const report = validateTable(communications, readCsv(lines('type,subject,priority', 'note,A,medium', 'note,B,normal', 'note,C,Urgent')));
    // medium is sent like any other priority: a default install stores it (a strict database's 500 is explained by the push)
    expect(messages(report, 2)).toEqual([]);
    expect(report.rows[0]?.values.priority).toBe('medium');
    expect(issuesOf(report, 3)[0]).toMatchObject({ severity: 'warning', code: 'omitted-on-create' });
    // "Urgent" written urgent is a normalization (info): its row is valid
    expect(report.rows.map((r) => r.status)).toEqual(['valid', 'warning', 'valid']);
    expect(report.rows[2]?.values.priority).toBe('urgent');
  });

  it('checks the normalized value: "Organization" is organisation, which the API refuses', () => {
    const report = validateTable(clients, readCsv(lines('name,type', 'A,Organization', 'B,non-profit', 'C,Individual')));
    expect(issuesOf(report, 2).map((i) => i.code)).toEqual(['enum-synonym', 'not-writable']);
    expect(issuesOf(report, 3).map((i) => i.code)).toEqual(['enum-spelling', 'not-writable']);
    expect(issuesOf(report, 4).map((i) => i.code)).toEqual(['enum-spelling']);
    expect(report.rows[2]?.values.type).toBe('individual');
  });
});

describe('references', () => {
  const references = {
    clients: [
      { id: 1, name: 'Acme Corp', trading_name: 'Acme' },
      { id: 2, name: 'Acme', trading_name: null },
      { id: 3, name: 'Bright Futures Ltd', trading_name: 'BFL' },
    ],
    contacts: [
      { id: 10, first_name: 'Sam', last_name: 'Lee', client_id: 1 },
      { id: 11, first_name: 'Sam', last_name: 'Lee', client_id: 3 },
      { id: 12, first_name: 'Mary Ann', last_name: 'Smith', client_id: 3 },
    ],
  };

  it('matches names exactly, ignoring case and surrounding spaces; lists the ids of an ambiguous name', () => {
    const report = validateTable(contacts, readCsv(lines('first_name,last_name,client_name', 'A,B,bfl', 'C,D,ACME', 'E,F,Acme Corporation')), { references });
    expect(report.rows[0]?.values.client_id).toBe(3);
    expect(messages(report, 3)).toEqual([
      'Row 3: 2 clients in Pivor are named "ACME" (ids 1, 2): give the client_id instead, or make the name unique in Pivor (column client_name).',
    ]);
    expect(issuesOf(report, 3)[0]?.code).toBe('ambiguous-reference');
    expect(issuesOf(report, 4)[0]?.code).toBe('unknown-reference');
  });

  it("tells two same-named contacts apart by the row's client, and splits names like Pivor", () => {
    const report = validateTable(communications, readCsv(lines(
      'type,subject,client_name,contact_name', 'note,a,Bright Futures Ltd,Sam Lee', 'note,b,,Sam Lee', 'note,c,,mary ann smith',
    )), { references });
    expect(report.rows[0]?.values).toMatchObject({ client_id: 3, contact_id: 11 });
    expect(issuesOf(report, 3)[0]?.message).toContain('(ids 10, 11)');
    expect(report.rows[2]?.values.contact_id).toBe(12);
  });

  it('flags an id column that contradicts the name', () => {
    const report = validateTable(contacts, readCsv(lines('first_name,last_name,client_name,client_id', 'A,B,BFL,1')), { references });
    expect(issuesOf(report, 2).map((i) => i.code)).toEqual(['reference-mismatch']);
  });

  it('keeps names unchecked without reference data', () => {
    const report = validateTable(contacts, readCsv(lines('first_name,last_name,client_name', 'A,B,Nobody Inc')));
    expect(report.rows[0]).toMatchObject({ status: 'valid', values: { client_name: 'Nobody Inc' } });
  });
});

describe('a full-name column', () => {
  it('fills first and last name (last word is the last name), with a notice', () => {
    const report = validateTable(contacts, readCsv(lines('Full Name,Email', 'Mary Ann Smith,mary@x.com', 'Cher,cher@x.com')));
    expect(report.mapping.byField.full_name).toBe(0);
    expect(report.rows[0]?.values).toEqual({ full_name: 'Mary Ann Smith', first_name: 'Mary Ann', last_name: 'Smith', email: 'mary@x.com' });
    expect(messages(report, 2)).toEqual(['Row 2: split "Mary Ann Smith" into first name "Mary Ann" and last name "Smith" (column Full Name).']);
    expect(report.rows[1]?.values).toEqual({ full_name: 'Cher', first_name: 'Cher', email: 'cher@x.com' });
    expect(messages(report, 3)).toEqual(['Row 3: last name is required, and the full name has no last name to give (column Full Name).']);
  });

  it('leaves mapped first and last name columns alone', () => {
    const report = validateTable(contacts, readCsv(lines('Name,First Name,Last Name', 'Ann Lee,Annie,Lee-Smith')));
    expect(report.rows[0]?.values).toEqual({ full_name: 'Ann Lee', first_name: 'Annie', last_name: 'Lee-Smith' });
    expect(report.rows[0]?.status).toBe('valid');
  });
});

describe('options', () => {
  it('reads slash dates only with a stated order', () => {
    const csv = readCsv(lines('type,subject,due_at', 'note,a,02/04/2025 09:00'));
    expect(issuesOf(validateTable(communications, csv), 2)[0]).toMatchObject({ code: 'ambiguous-date', severity: 'error' });
    const dayFirst = validateTable(communications, csv, { dateOrder: 'day-first' });
    expect(dayFirst.rows[0]?.values.due_at).toBe('2025-04-02T09:00:00.000Z');
    // read in the order the user stated: an info on the cell, the row valid
    expect(dayFirst.rows[0]?.issues[0]).toMatchObject({ code: 'date-read', severity: 'info' });
    expect(dayFirst.rows[0]?.status).toBe('valid');
  });

  it('throws a clear error for an unknown time zone', () => {
    expect(() => validateTable(communications, readCsv(lines('type,subject,due_at', 'note,a,2025-01-01')), { timeZone: 'Nowhere/City' })).toThrow(/Unknown time zone/);
  });

  it('applies a saved user mapping', () => {
    const report = validateTable(contacts, readCsv(lines('Given,Family,Ref', 'Ann,Lee,77')), { userMapping: { Given: 'first_name', Family: 'last_name', Ref: null } });
    expect(report.rows[0]).toMatchObject({ status: 'valid', values: { first_name: 'Ann', last_name: 'Lee' } });
    expect(report.issues).toEqual([{ row: 1, column: 'Ref', field: null, severity: 'warning', code: 'unmapped-column', message: 'Column "Ref" is not imported: your mapping ignores it.' }]);
  });
});

describe('the report', () => {
  it('turns rows the reader skipped into error rows, in row order, and reports duplicate columns', () => {
    const report = validateTable(contacts, readCsv(lines('first_name,last_name,Email,E-mail', 'A,B,a@x.com,b@x.com', 'C,D', 'E,F,e@x.com,')));
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([[2, 'valid'], [3, 'error'], [4, 'valid']]);
    expect(report.rows[1]?.issues[0]).toMatchObject({ code: 'column-count', row: 3 });
    expect(report.issues[0]).toMatchObject({
      row: 1, column: 'E-mail', field: 'email', code: 'duplicate-column',
      message: 'Column "E-mail" is not imported: Email is already filled by column 3 ("Email").',
    });
    expect(report.counts).toEqual({ records: 3, valid: 2, warnings: 0, errors: 1 });
  });

  it('flags the same email in any case, naming the first row', () => {
    const report = validateTable(clients, readCsv(lines('name,email', 'A,info@x.com', 'B,INFO@x.com')));
    expect(messages(report, 3)).toEqual(['Row 3: the email "INFO@x.com" is also on row 2 (column email).']);
  });
});

describe('blank rows', () => {
  it('skips records with no value in any cell, with one file-level warning', () => {
    const report = validateTable(clients, readCsv('name;email\r\nAcme;a@x.com\r\n;\r\n ; \r\nBeta;\r\n'));
    expect(report.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(report.counts).toEqual({ records: 2, valid: 2, warnings: 0, errors: 0 });
    expect(report.issues).toEqual([
      { row: 1, column: null, field: null, severity: 'warning', code: 'blank-rows', message: '2 rows have no values and are skipped (rows 3, 4).' },
    ]);
  });
});

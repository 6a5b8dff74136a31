// Exports people really have (test/fixtures/real-world/, written from each format's public column list, with
// invented people and example.com addresses): which resource, which column fills which field, what each row sends.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCsv, type ValidationReport } from '../../shared/validate/index.ts';

const check = (name: string, resource: Parameters<typeof checkCsv>[1] = 'auto', options = {}) =>
  checkCsv(readFileSync(new URL(`../fixtures/real-world/${name}.csv`, import.meta.url)), resource, options);
const values = (report: ValidationReport, row: number) => report.rows.find((r) => r.row === row)!.values;
const codes = (report: ValidationReport, row: number) => report.rows.find((r) => r.row === row)!.issues.map((i) => i.code);
const columnOf = (report: ValidationReport, header: string) => report.mapping.columns.find((c) => c.header === header)!;
const fileMessages = (report: ValidationReport) => report.issues.filter((i) => i.row === 1).map((i) => i.message);

describe('Google Contacts: numbered slots', () => {
  const report = check('google-contacts');

  it('is recognised as contacts; slot 1 fills email and the address, later slots are listed as not imported', () => {
    expect(report.resource).toBe('contacts');
    expect(columnOf(report, 'E-mail 1 - Value')).toMatchObject({ field: 'email' });
    expect(columnOf(report, 'Organization Title')).toMatchObject({ field: 'job_title' });
    expect(columnOf(report, 'Organization Department')).toMatchObject({ field: 'department' });
    expect(columnOf(report, 'Address 1 - City')).toMatchObject({ field: 'city' });
    expect(columnOf(report, 'Address 1 - Extended Address')).toMatchObject({ field: 'address_line_2' });
    expect(fileMessages(report)).toContain('Column "E-mail 2 - Value" is not imported: only the first email (slot 1) is imported.');
    expect(fileMessages(report)).toContain('Column "Address 2 - City" is not imported: only the first address (slot 1) is imported.');
    // a phone's label is used, not lost: it is not listed
    expect(fileMessages(report).some((m) => m.includes('Phone 1 - Label'))).toBe(false);
  });

  it('sends each row its email, phone by the Work label and mobile by the Mobile label', () => {
    expect(values(report, 2)).toMatchObject({
      first_name: 'Ana', last_name: 'García', email: 'ana.garcia@example.com', client_name: 'Bright Futures Ltd',
      job_title: 'Directora Comercial', department: 'Sales', phone: '+34 912 345 678', mobile: '+34 600 123 456',
      address_line_1: 'Calle Mayor 1', city: 'Madrid', postcode: '28013', country: 'ES',
    });
    // Work in slot 1, Home in 2, Mobile in 3
    expect(values(report, 3)).toMatchObject({ phone: '+353 1 555 0101', mobile: '+353 85 555 0102' });
  });

  it('keeps the first of several values in one cell, and says what was left out, row by row', () => {
    expect(values(report, 3).email).toBe('tom.oneill@example.com');
    const issues = report.rows.find((r) => r.row === 3)!.issues;
    expect(issues.map((i) => i.message)).toEqual(expect.arrayContaining([
      'Row 3: kept the first of 2 values; "tom@example.net" not imported (column E-mail 1 - Value).',
      'Row 3: "+353 1 555 0199" (Home) is not imported: the phone and mobile are already taken (column Phone 2 - Value).',
    ]));
    // a fax is never a phone
    expect(values(report, 4).phone).toBeUndefined();
    expect(codes(report, 4)).toEqual(['phone-not-imported']);
  });
});

describe('Outlook: Business / Home / Other address blocks', () => {
  const report = check('outlook-contacts');

  it('takes the Business block, joining Street 2 and 3, and the Home block only for a row without a Business address', () => {
    expect(report.resource).toBe('contacts');
    expect(values(report, 2)).toMatchObject({ address_line_1: '12 Rue de la Paix', address_line_2: 'Bâtiment B, 3e étage', city: 'Paris', postcode: '75002', country: 'FR' });
    expect(values(report, 3)).toMatchObject({ address_line_1: '8 Elm Street', city: 'Leeds', county: 'West Yorkshire', postcode: 'LS1 4AP', country: 'GB' });
    expect(report.rows.find((r) => r.row === 3)!.issues.map((i) => i.message)).toContain('Row 3: the address is the Home address (the row has no Business address).');
  });

  it('never mixes two blocks in one record, and says which was left out', () => {
    // row 4 has both: Business is taken whole, Home is not imported
    expect(values(report, 4)).toMatchObject({ address_line_1: '400 Market St', city: 'San Francisco', postcode: '94105' });
    expect(codes(report, 4)).toContain('address-not-imported');
    expect(columnOf(report, 'Home City')).toMatchObject({ field: null, reason: 'combined' });
    expect(fileMessages(report).some((m) => m.includes('Home City'))).toBe(false);
  });

  it('does not take the salutation column for a job title', () => {
    expect(values(report, 2).job_title).toBe('Head of Purchasing');
  });

  it('names the column a value came from: the Home country for a row without a Business address', () => {
    expect(report.rows.find((r) => r.row === 3)!.issues[0]).toMatchObject({ column: 'Home Country/Region', message: 'Row 3: read "United Kingdom" as country code GB (column Home Country/Region).' });
    expect(report.rows.find((r) => r.row === 2)!.issues[0]).toMatchObject({ column: 'Business Country/Region' });
  });

  it('phone from the first phone column a row fills (Business, Company Main, Primary, then the others); mobile from Mobile Phone', () => {
    expect(values(report, 2)).toMatchObject({ phone: '+33 1 23 45 67 89', mobile: '+33 6 12 34 56 78' });
    // Sara Novak has only a Home Phone: it is her phone, not lost
    expect(values(report, 3).phone).toBe('+44 113 555 0100');
    expect(columnOf(report, 'Home Phone')).toMatchObject({ field: null, reason: 'combined', candidate: 'phone' });
    // fax, pager and the assistant's number are said to be left out, and why
    expect(fileMessages(report)).toEqual(expect.arrayContaining([
      'Column "Business Fax" is not imported: Pivor keeps no fax, pager or telex numbers.',
      'Column "Assistant\'s Phone" is not imported: it is the assistant\'s number, not the contact\'s.',
    ]));
    expect(fileMessages(report).some((m) => m.includes('"Home Phone"') || m.includes('"Primary Phone"'))).toBe(false);
  });

  it('a row with several phone columns filled: the first that fits is sent, the others are named as left out', () => {
    const csv = 'First Name,Last Name,Business Phone,Home Phone,Mobile Phone,Primary Phone\n' +
      'Ana,García,,+34 91 555 0100,+34 600 000 001,+34 91 555 0199\n' +
      'Tom,Lee,+1 212 555 0101,+1 212 555 0102,,\n';
    const outlook = checkCsv(csv, 'contacts');
    // Primary ranks with the work numbers, ahead of Home
    expect(outlook.rows[0]!.values).toMatchObject({ phone: '+34 91 555 0199', mobile: '+34 600 000 001' });
    expect(outlook.rows[0]!.issues.map((i) => i.message)).toEqual(['Row 2: "+34 91 555 0100" is not imported: the phone and mobile are already taken (column Home Phone).']);
    expect(outlook.rows[1]!.values).toMatchObject({ phone: '+1 212 555 0101' });
    expect(outlook.rows[1]!.values.mobile).toBeUndefined();
    expect(outlook.rows[1]!.issues.map((i) => i.code)).toEqual(['phone-not-imported']);
  });

  it('a file with one phone and one mobile column maps each alone (HubSpot, Salesforce)', () => {
    const plain = checkCsv('First Name,Last Name,Phone Number,Mobile Phone Number\nAna,García,+34 91 555 0100,+34 600 000 001\n', 'contacts');
    expect(plain.mapping.columns.map((c) => [c.field, c.source])).toEqual([['first_name', undefined], ['last_name', undefined], ['phone', undefined], ['mobile', undefined]]);
    // Salesforce's Home Phone and Other Phone beside Phone: a row without a Phone keeps its Other Phone
    const salesforce = checkCsv('First Name,Last Name,Phone,Mobile,Home Phone,Other Phone,Fax\nAna,García,,,,+34 91 555 0177,+34 91 555 0178\n', 'contacts');
    expect(salesforce.rows[0]!.values).toMatchObject({ phone: '+34 91 555 0177' });
    expect(salesforce.rows[0]!.values.mobile).toBeUndefined();
  });
});

describe('Zoho and Salesforce: Billing / Shipping / Mailing blocks; other systems\' ids and owners', () => {
  it("Zoho accounts: Billing first (its Code is the postcode), Shipping for a row without one; zcrm_ ids and the owner never map", () => {
    const report = check('zoho-accounts');
    expect(report.resource).toBe('clients');
    expect(values(report, 2)).toMatchObject({ name: 'Acme Corp', address_line_1: '123 Main St', postcode: '10001', city: 'New York' });
    expect(values(report, 3)).toMatchObject({ address_line_1: 'Industriestraße 4', postcode: '80331', city: 'München', country: 'DE' });
    expect(codes(report, 3)).toContain('address-block');
    expect(columnOf(report, 'Record Id')).toMatchObject({ field: null, reason: 'foreign' });
    expect(columnOf(report, 'Account Owner')).toMatchObject({ field: null, reason: 'foreign' });
    expect(values(report, 2).id).toBeUndefined();
  });

  it('Zoho: HTML in a description becomes plain text with a notice', () => {
    const report = check('zoho-accounts');
    expect(values(report, 3).notes).toBe('Ships to the München warehouse only.\nInvoices by post & email.');
    expect(codes(report, 3)).toContain('html-stripped');
  });

  it('Salesforce contacts: Mailing first, Other for a row without one; Contact ID is Salesforce\'s, not Pivor\'s', () => {
    const report = check('salesforce-contacts');
    expect(report.resource).toBe('contacts');
    expect(columnOf(report, 'Contact ID')).toMatchObject({ field: null, reason: 'foreign' });
    expect(values(report, 2)).toMatchObject({ city: 'München', postcode: '80331' });
    expect(values(report, 3)).toMatchObject({ city: 'Lyon', postcode: '69002', country: 'FR' });
  });
});

describe('Pipedrive: entity prefixes', () => {
  it('activities: the due time joins the due date, Done / To do become the status, and ids and users never map', () => {
    const report = check('pipedrive-activities');
    expect(report.resource).toBe('communications');
    expect(values(report, 2)).toMatchObject({
      subject: 'Intro call', type: 'phone', due_at: '2025-03-04T14:30:00.000Z', status: 'completed',
      content: 'Talked about the renewal.', contact_name: 'John Doe', client_name: 'Acme Corp',
    });
    expect(values(report, 3)).toMatchObject({ type: 'meeting', status: 'pending', due_at: '2025-03-12T12:00:00.000Z', priority: 'high' });
    expect(values(report, 4)).toMatchObject({ type: 'task', status: 'pending', due_at: '2025-03-20T00:00:00.000Z' });
    expect(columnOf(report, 'Activity - ID')).toMatchObject({ field: null, reason: 'foreign' });
    expect(columnOf(report, 'Activity - Assigned to user')).toMatchObject({ field: null, reason: 'foreign' });
    expect(columnOf(report, 'Deal - Title')).toMatchObject({ field: null });
    expect(columnOf(report, 'Activity - Due time')).toMatchObject({ reason: 'combined' });
    expect(report.counts.errors).toBe(0);
  });

  it('persons: the Person - prefix is the contact, Organization - Name is left to the person\'s own organisation column', () => {
    const report = check('pipedrive-persons');
    expect(report.resource).toBe('contacts');
    expect(values(report, 2)).toMatchObject({ first_name: 'John', last_name: 'Doe', email: 'john.doe@example.com', phone: '+1 212 555 0101', mobile: '+1 917 555 0102', client_name: 'Acme Corp' });
    expect(columnOf(report, 'Person - ID')).toMatchObject({ field: null, reason: 'foreign' });
    expect(columnOf(report, 'Person - Email - Home')).toMatchObject({ field: null, reason: 'duplicate' });
  });
});

describe('HubSpot companies and Copper people', () => {
  it('HubSpot: Website URL wins over Company Domain Name', () => {
    const report = check('hubspot-companies');
    expect(report.resource).toBe('clients');
    expect(values(report, 2).website).toBe('https://www.acme.example.com');
    expect(columnOf(report, 'Company Domain Name')).toMatchObject({ field: null, reason: 'duplicate' });
  });

  it('Copper: the owner never maps, LinkedIn and the work email do', () => {
    const report = check('copper-people');
    expect(report.resource).toBe('contacts');
    expect(columnOf(report, 'Owned By')).toMatchObject({ field: null, reason: 'foreign' });
    expect(values(report, 2)).toMatchObject({ email: 'eva.rossi@example.com', linkedin_url: 'https://www.linkedin.com/in/eva-rossi-example' });
  });
});

describe('numbers decided per column', () => {
  it('Excel ;-file: "1.200" among "1.250.000,50" is 1200, even read before the value that tells; the delimiter hints the rest', () => {
    const report = check('excel-decimal-comma-clients');
    expect(report).toMatchObject({ resource: 'clients', delimiter: ';' });
    expect(values(report, 2).annual_revenue).toBe(1200);
    expect(values(report, 3)).toMatchObject({ annual_revenue: 1250000.5, employee_count: 1200 });
    expect(values(report, 4).annual_revenue).toBe(98000.75);
    const messages = report.rows.find((r) => r.row === 2)!.issues.map((i) => i.message);
    expect(messages).toContain('Row 2: read "1.200" as 1200: this column writes "1.250.000,50", so "." groups thousands (column Annual Revenue).');
    expect(report.rows.find((r) => r.row === 3)!.issues.map((i) => i.message))
      .toContain('Row 3: read "1.200" as 1200: in a file separated by ";", "." groups thousands (column Employees).');
    expect(report.counts.errors).toBe(0);
  });

  it('a value nothing decides is an error that asks, never a guess', () => {
    const report = check('tab-ambiguous-number-clients', 'clients');
    expect(report.rows.find((r) => r.row === 2)!.issues).toEqual([expect.objectContaining({
      severity: 'error', code: 'ambiguous-number',
      message: 'Row 2: "310.500" could be 310500 or 310.5: nothing in this column tells whether "." groups thousands or marks decimals; write 310500, or the decimal with the other mark (column Annual Revenue).',
    })]);
    expect(values(report, 2).annual_revenue).toBeUndefined();
    expect(report.rows.find((r) => r.row === 3)!.issues[0]).toMatchObject({ code: 'ambiguous-number', column: 'Employees' });
  });

  it('a later value that shows decimal points makes an earlier "1.200" 1.2, not the hint\'s 1200', () => {
    const report = checkCsv('Company Name;Annual Revenue\nA;1.200\nB;12.5\n', 'clients');
    expect(values(report, 2).annual_revenue).toBe(1.2);
    expect(report.rows[0]!.issues.map((i) => i.message)).toEqual(['Row 2: read "1.200" as 1.2: this column writes "12.5", so "." marks decimals (column Annual Revenue).']);
  });

  it('a column writing both marks asks about the values that depend on it', () => {
    const report = checkCsv('Company Name\tAnnual Revenue\nA\t1,5\nB\t2.5\nC\t1.200\n', 'clients');
    expect(report.rows[2]!.issues[0]).toMatchObject({ code: 'ambiguous-number', severity: 'error' });
  });
});

describe('the values decide when a header is not enough', () => {
  it('Google: a website column of LinkedIn addresses fills the contact\'s LinkedIn URL', () => {
    const report = check('google-contacts');
    expect(columnOf(report, 'Website 1 - Value')).toMatchObject({ field: 'linkedin_url', reason: 'content', detail: 'its values are LinkedIn addresses' });
    expect(values(report, 2).linkedin_url).toBe('https://www.linkedin.com/in/ana-garcia-example');
  });

  it('a column of email addresses left out earns a warning of its own', () => {
    const report = check('outlook-contacts');
    expect(report.issues).toContainEqual(expect.objectContaining({
      row: 1, column: 'E-mail 2 Address', severity: 'warning', code: 'unmapped-emails',
      message: 'Column "E-mail 2 Address" holds email addresses, and they are not imported: map it to a field if they matter.',
    }));
    // an owner's address is said to be another system's, once
    expect(check('hubspot-companies').issues.filter((i) => i.code === 'unmapped-emails')).toEqual([]);
  });

  it("HubSpot and Zoho: a type column holding Customer and Partner is not Pivor's client type", () => {
    for (const [name, header] of [['hubspot-companies', 'Type'], ['zoho-accounts', 'Account Type']] as const) {
      const report = check(name);
      expect(columnOf(report, header)).toMatchObject({ field: null, reason: 'values', candidate: 'type' });
      expect(fileMessages(report)).toContain(`Column "${header}" is not imported: its values ("Customer", "Partner", "Prospect") are not one of company, individual, organisation, government, non_profit.`);
      expect(values(report, 2).type).toBeUndefined();
      expect(report.counts.errors).toBe(0);
    }
  });

  it('a Title column of salutations is no job title; a Title column of job titles is', () => {
    const salutations = checkCsv('First Name,Last Name,Title\nAna,García,Ms.\nTom,Lee,Dr.\nLi,Wei,Mr\n', 'contacts');
    expect(salutations.mapping.columns[2]).toMatchObject({ field: null, reason: 'values', candidate: 'job_title' });
    expect(salutations.rows[0]!.values.job_title).toBeUndefined();
    const titles = checkCsv('First Name,Last Name,Title\nAna,García,CEO\nTom,Lee,Buyer\n', 'contacts');
    expect(titles.rows[0]!.values.job_title).toBe('CEO');
  });

  it('recognises emails, phones and dates under any header, and never takes a creation date for a due date', () => {
    const people = checkCsv('First Name,Last Name,Kontakt,Rufnummer\nAna,García,ana@example.com,+34 600 123 456\nTom,Lee,tom@example.com,+1 415 555 0140\n', 'contacts');
    expect(people.mapping.columns.slice(2).map((c) => [c.field, c.reason])).toEqual([['email', 'content'], ['phone', 'content']]);
    expect(people.rows[0]!.values).toMatchObject({ email: 'ana@example.com', phone: '+34 600 123 456' });
    const tasks = checkCsv('Type,Subject,Wann,Created\ncall,Intro,2025-03-04 14:30,2025-01-01\nnote,Memo,2025-03-05 09:00,2025-01-02\n', 'communications');
    expect(tasks.mapping.columns.slice(2).map((c) => c.field)).toEqual(['due_at', null]);
  });

  it("an id column holding another system's ids is not Pivor's id", () => {
    const report = checkCsv('id,name\nzcrm_1,Acme Corp\nzcrm_2,Bright Futures Ltd\n', 'clients');
    expect(report.mapping.columns[0]).toMatchObject({ field: null, reason: 'values', candidate: 'id' });
    expect(report.counts.errors).toBe(0);
  });
});

describe('done columns', () => {
  it('a Completed column of Yes / No is the status, not a completion date; one of dates stays the date', () => {
    const flags = checkCsv('Type,Subject,Completed\nCall,Intro,Yes\nTask,Send contract,No\n', 'communications');
    expect(flags.mapping.columns[2]).toMatchObject({ field: 'status', reading: 'done-flag' });
    expect(flags.rows.map((r) => r.values.status)).toEqual(['completed', 'pending']);
    const dates = checkCsv('Type,Subject,Completed\nCall,Intro,2025-03-04 10:00\nTask,Send contract,\n', 'communications');
    expect(dates.mapping.columns[2]).toMatchObject({ field: 'completed_at' });
  });
});

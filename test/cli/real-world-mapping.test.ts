// `pivor-csv check --json` on other systems' exports, run as a user runs it: the resource each is, how its header
// families map, and the values decided per column.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../helpers/pivor-csv.ts';

const realWorld = (name: string) => join(root, 'test/fixtures/real-world', name);

async function checkJson(...args: string[]) {
  const run = await runCli(['check', ...args, '--json'], {}, '');
  return { code: run.code, json: JSON.parse(run.stdout) };
}
type JsonIssue = { row: number; code: string; message: string; severity: string };

describe('pivor-csv check --json: header families and values', () => {
  it('Google Contacts: contacts; slot 1 maps, the later slots and labels are said to be left out', async () => {
    const { code, json } = await checkJson('auto', realWorld('google-contacts.csv'));
    expect(code).toBe(0);
    expect(json).toMatchObject({ resource: 'contacts', records: 3 });
    expect(json.mapping).toMatchObject({
      'E-mail 1 - Value': 'email', 'E-mail 2 - Value': null, 'Phone 1 - Value': 'phone', 'Phone 2 - Value': 'mobile',
      'Organization Title': 'job_title', 'Address 1 - City': 'city', 'Website 1 - Value': 'linkedin_url',
    });
    const codes = json.issues.map((i: JsonIssue) => `${i.row} ${i.code}`);
    expect(codes).toEqual(expect.arrayContaining(['1 duplicate-column', '1 unmapped-emails', '3 multi-value', '3 phone-not-imported', '4 phone-not-imported']));
    // per field, every column it reads: phone and mobile each from all three numbered slots and their labels
    const phones = ['Phone 1 - Label', 'Phone 1 - Value', 'Phone 2 - Label', 'Phone 2 - Value', 'Phone 3 - Label', 'Phone 3 - Value'];
    expect(json.fields).toMatchObject({ email: ['E-mail 1 - Value'], phone: phones, mobile: phones });
  });

  it('a Google Contacts file with a single phone slot: its one column gives phone or mobile by the label, and --json says so', async () => {
    const csv = 'Name,Given Name,Family Name,Phone 1 - Label,Phone 1 - Value\nAda Byron,Ada,Byron,Mobile,+44 7700 900123\nAlan Turing,Alan,Turing,Work,+44 20 7946 0000\n';
    const run = await runCli(['check', 'contacts', '-', '--json'], {}, csv);
    const json = JSON.parse(run.stdout);
    expect(json.mapping).toMatchObject({ 'Phone 1 - Label': null, 'Phone 1 - Value': 'phone' });
    expect(json.fields).toMatchObject({ phone: ['Phone 1 - Label', 'Phone 1 - Value'], mobile: ['Phone 1 - Label', 'Phone 1 - Value'] });
  });

  it('Pipedrive activities: communications; Activity - ID and the assigned user never map; the due time joins the date', async () => {
    const { code, json } = await checkJson('auto', realWorld('pipedrive-activities.csv'));
    expect(code).toBe(0);
    expect(json).toMatchObject({ resource: 'communications', records: 4, valid: 4 });
    expect(json.mapping).toMatchObject({
      'Activity - ID': null, 'Activity - Assigned to user': null, 'Activity - Due date': 'due_at', 'Activity - Done': 'status',
      'Person - Name': 'contact_name', 'Organization - Name': 'client_name', 'Deal - Title': null,
    });
  });

  it('Zoho accounts and Outlook contacts: one address block per record, and which one is said', async () => {
    const zoho = await checkJson('auto', realWorld('zoho-accounts.csv'));
    expect(zoho.json).toMatchObject({ resource: 'clients' });
    expect(zoho.json.mapping).toMatchObject({ 'Record Id': null, 'Billing Code': 'postcode', 'Shipping Code': null, 'Account Type': null });
    expect(zoho.json.issues.filter((i: JsonIssue) => i.code.startsWith('address')).map((i: JsonIssue) => i.message)).toEqual([
      'Row 2: the Shipping address is not imported: a record keeps one address, and the Billing one is taken.',
      'Row 3: the address is the Shipping address (the row has no Billing address).',
    ]);
    const outlook = await checkJson('auto', realWorld('outlook-contacts.csv'));
    expect(outlook.json).toMatchObject({ resource: 'contacts', records: 3 });
  });

  it('numbers: the ;-file reads 1.200 as 1200 beside 1.250.000,50; a tab file asks about 310.500 (exit 1)', async () => {
    const excel = await checkJson('auto', realWorld('excel-decimal-comma-clients.csv'));
    expect(excel.code).toBe(0);
    expect(excel.json).toMatchObject({ resource: 'clients', delimiter: ';', records: 3 });
    const tab = await checkJson('clients', realWorld('tab-ambiguous-number-clients.csv'));
    expect(tab.code).toBe(1);
    expect(tab.json.issues.filter((i: JsonIssue) => i.severity === 'error').map((i: JsonIssue) => [i.row, i.code])).toEqual([[2, 'ambiguous-number'], [3, 'ambiguous-number']]);
  });
});

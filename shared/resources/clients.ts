// The clients table: Pivor's companies and individuals.
import { addressFields } from './address-fields.ts';
import type { ResourceSpec } from './field-spec.ts';

export const clients: ResourceSpec = {
  name: 'clients',
  singular: 'client',
  title: 'Clients',
  // Pivor's own export and template columns, in its order.
  pivorColumns: ['name', 'trading_name', 'type', 'status', 'email', 'phone', 'website', 'address_line_1', 'address_line_2', 'city', 'county', 'postcode', 'country', 'notes'],
  matchKeys: ['email', 'name'],
  filters: ['search', 'status', 'type'],
  sorts: ['name', 'created_at', 'updated_at', 'status', 'type'],
  fields: [
    { key: 'id', apiName: null, label: 'ID', csvName: 'id', aliases: ['Client ID', 'Pivor ID'], type: 'id' },
    { key: 'name', apiName: 'name', label: 'Name', csvName: 'name', required: true, max: 255, type: 'text', example: 'Acme Corp',
      aliases: ['Company', 'Company Name', 'Account Name', 'Account', 'Organization', 'Organisation', 'Organization Name', 'Organisation Name', 'Client', 'Client Name', 'Business Name', 'Legal Name'] },
    { key: 'trading_name', apiName: 'trading_name', label: 'Trading name', csvName: 'trading_name', max: 255, type: 'text', example: 'Acme',
      aliases: ['DBA', 'Doing Business As', 'Trade Name', 'Brand', 'Short Name'] },
    { key: 'registration_number', apiName: 'registration_number', label: 'Registration number', csvName: null, max: 50, type: 'text',
      aliases: ['Company Number', 'Company Registration Number', 'Registration No', 'Reg Number', 'SIREN', 'SIRET'] },
    { key: 'vat_number', apiName: 'vat_number', label: 'VAT number', csvName: null, max: 50, type: 'text',
      aliases: ['VAT', 'VAT ID', 'Tax ID', 'Tax Number', 'EIN'] },
    { key: 'type', apiName: 'type', label: 'Type', csvName: 'type', type: 'enum', default: 'company', example: 'company',
      aliases: ['Client Type', 'Account Type', 'Company Type'],
      enum: {
        csv: ['company', 'individual', 'organisation', 'government', 'non_profit'],
        api: ['company', 'individual', 'government', 'non_profit'],
        db: ['company', 'individual', 'organisation'],
        synonyms: { organization: 'organisation', business: 'company', person: 'individual', 'non-profit': 'non_profit', nonprofit: 'non_profit' },
      } },
    { key: 'status', apiName: 'status', label: 'Status', csvName: 'status', type: 'enum', default: 'prospect', example: 'active',
      aliases: ['Client Status', 'Account Status'],
      enum: { csv: ['prospect', 'active', 'inactive', 'archived'], api: ['prospect', 'active', 'inactive'], db: ['prospect', 'active', 'inactive', 'archived'],
        synonyms: { lead: 'prospect', customer: 'active' } } },
    { key: 'email', apiName: 'email', label: 'Email', csvName: 'email', max: 255, type: 'email', example: 'contact@acme.com',
      aliases: ['E-mail', 'Email Address', 'E-mail Address', 'Company Email', 'Mail'] },
    { key: 'phone', apiName: 'phone', label: 'Phone', csvName: 'phone', max: 50, type: 'text', example: '+1 212 555 0100',
      aliases: ['Phone Number', 'Telephone', 'Tel', 'Company Phone', 'Main Phone', 'Office Phone'] },
    { key: 'website', apiName: 'website', label: 'Website', csvName: 'website', max: 255, type: 'url', example: 'https://acme.com',
      aliases: ['Web', 'Web Site', 'Web Page', 'URL', 'Website URL', 'Homepage'],
      // a company's domain stands in for its website only when no website column is there
      weakAliases: ['Domain', 'Company Domain Name', 'Email Domain', 'Domain Name'] },
    ...addressFields,
    { key: 'industry', apiName: 'industry', label: 'Industry', csvName: null, max: 100, type: 'text', aliases: ['Sector', 'Vertical'] },
    { key: 'employee_count', apiName: 'employee_count', label: 'Employee count', csvName: null, min: 0, type: 'integer',
      aliases: ['Employees', 'Number of Employees', 'No. of Employees', 'Headcount', 'Company Size'] },
    { key: 'annual_revenue', apiName: 'annual_revenue', label: 'Annual revenue', csvName: null, min: 0, type: 'decimal',
      aliases: ['Revenue', 'Annual Revenue (USD)', 'Turnover'] },
    { key: 'notes', apiName: 'notes', label: 'Notes', csvName: 'notes', type: 'text', example: 'Important client',
      aliases: ['Note', 'Description', 'Comments', 'Comment', 'Remarks'] },
    { key: 'updated_at', apiName: null, label: 'Updated at', csvName: 'updated_at', aliases: ['Last Modified', 'Modified'], type: 'timestamp' },
  ],
};

// The address block shared by clients and contacts: flat on write, nested under `address` on read.
import type { FieldSpec } from './field-spec.ts';

export const addressFields: readonly FieldSpec[] = [
  { key: 'address_line_1', apiName: 'address_line_1', readPath: 'address.line_1', label: 'Address line 1', csvName: 'address_line_1',
    aliases: ['Address', 'Street', 'Street Address', 'Address 1', 'Billing Street', 'Mailing Street', 'Address Line 1'], type: 'text', max: 255, example: '123 Main St' },
  { key: 'address_line_2', apiName: 'address_line_2', readPath: 'address.line_2', label: 'Address line 2', csvName: 'address_line_2',
    aliases: ['Address 2', 'Street 2', 'Address Line 2', 'Suite'], type: 'text', max: 255, example: 'Suite 100' },
  { key: 'city', apiName: 'city', readPath: 'address.city', label: 'City', csvName: 'city',
    aliases: ['Town', 'Billing City', 'Mailing City', 'Town/City', 'Locality'], type: 'text', max: 100, example: 'New York' },
  { key: 'county', apiName: 'county', readPath: 'address.county', label: 'County', csvName: 'state',
    aliases: ['State', 'Region', 'Province', 'State/Region', 'State/Province', 'Billing State', 'Billing State/Province', 'Mailing State'], type: 'text', max: 100, example: 'NY' },
  { key: 'postcode', apiName: 'postcode', readPath: 'address.postcode', label: 'Postcode', csvName: 'postal_code',
    aliases: ['Postal Code', 'Zip', 'ZIP Code', 'Zip Code', 'Zip/Postal Code', 'Post Code', 'Billing Zip/Postal Code', 'Billing Postal Code', 'Mailing Zip/Postal Code', 'PLZ'], type: 'text', max: 20, example: '10001' },
  { key: 'country', apiName: 'country', readPath: 'address.country', label: 'Country', csvName: 'country',
    aliases: ['Country/Region', 'Country Code', 'Billing Country', 'Mailing Country', 'Nation'], type: 'country', max: 100, example: 'US' },
];

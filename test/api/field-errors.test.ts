// 422 field errors land on the user's own columns, derived from the resource tables.
import { describe, expect, it } from 'vitest';
import { fieldErrorsToColumns } from '../../shared/api/index.ts';

describe('fieldErrorsToColumns', () => {
  it('maps API fields to the headers the user mapped them from', () => {
    const errors = {
      client_id: ['The selected client id is invalid.'],
      email: ['The email field must be a valid email address.'],
      is_primary_contact: ['The is primary contact field must be true or false.'],
      postcode: ['The postcode field must not be greater than 20 characters.'],
    };
    const mapping = { client_name: 'Company', email: 'E-mail', is_primary_contact: 'Primary?', postcode: 'Zip' };
    expect(fieldErrorsToColumns(errors, 'contacts', mapping)).toEqual({
      Company: ['The selected client id is invalid.'],
      'E-mail': ['The email field must be a valid email address.'],
      'Primary?': ['The is primary contact field must be true or false.'],
      Zip: ['The postcode field must not be greater than 20 characters.'],
    });
  });

  it('prefers the name column over a raw id column, and falls back to the id column', () => {
    const errors = { client_id: ['The selected client id is invalid.'] };
    expect(fieldErrorsToColumns(errors, 'communications', { client_name: 'Account', client_id: 'Account ID' })).toEqual({ Account: errors.client_id });
    expect(fieldErrorsToColumns(errors, 'communications', { client_id: 'Account ID' })).toEqual({ 'Account ID': errors.client_id });
  });

  it('puts first and last name errors on a single full-name column, and keeps unmapped fields by API name', () => {
    const errors = { first_name: ['The first name field is required.'], last_name: ['The last name field is required.'], status: ['The selected status is invalid.'] };
    expect(fieldErrorsToColumns(errors, 'contacts', { full_name: 'Name' })).toEqual({
      Name: ['The first name field is required.', 'The last name field is required.'],
      status: ['The selected status is invalid.'],
    });
  });
});

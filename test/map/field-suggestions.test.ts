// The fields suggested for a column, most likely first: the mapping's own choice with its confidence, the field another
// column took, and the fields the values look like, on a real export (Google Contacts) and on a made-up header.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { fieldSuggestions, mapHeaders, tableSamples } from '../../shared/map/index.ts';
import { getResource } from '../../shared/resources/index.ts';

const contacts = getResource('contacts');

function suggestionsFor(headers: string[], rows: string[][]) {
  const samples = tableSamples({ headers, records: rows.map((cells) => ({ cells })) });
  const mapping = mapHeaders(contacts, headers, {}, samples);
  return mapping.columns.map((c) => fieldSuggestions(contacts, c, samples[c.index] ?? []));
}

describe('fieldSuggestions', () => {
  test('a header nobody knows, holding phone numbers: phone, then mobile, from its values', () => {
    const [, tel] = suggestionsFor(['Name', 'Tel. privé'], [['Ada', '+44 20 7946 0958'], ['Bo', '+44 20 7946 0959'], ['Cy', '020 7946 0960']]);
    expect(tel!.map((s) => s.field)).toEqual(['phone', 'mobile']);
    expect(tel![0]!.basis).toBe('3 of 3 sampled values are phone numbers');
  });

  test('a known header comes first with its confidence; a column of names has nothing from its values', () => {
    const [email, name] = suggestionsFor(['Email', 'Nickname'], [['a@x.test', 'Al'], ['b@x.test', 'Bee']]);
    expect(email![0]).toEqual({ field: 'email', percent: 100, basis: 'the header names the field' });
    expect(name).toEqual([]);
  });

  test('Google Contacts: the second email slot suggests email, a column of LinkedIn addresses LinkedIn URL', () => {
    const table = readCsv(readFileSync(new URL('../fixtures/real-world/google-contacts.csv', import.meta.url)));
    const samples = tableSamples(table);
    const mapping = mapHeaders(contacts, table.headers, {}, samples);
    const of = (header: string) => fieldSuggestions(contacts, mapping.columns.find((c) => c.header === header)!, samples[table.headers.indexOf(header)] ?? []).map((s) => s.field);
    expect(of('E-mail 2 - Value')[0]).toBe('email');
    expect(of('Website 1 - Value')).toEqual(['linkedin_url']);
    expect(of('Phone 1 - Label')).toEqual([]); // read with its phone
  });
});

// A saved mapping offered again to a file with the same headers, a superset (the failures file) or a subset (a
// re-export with a column less); how sure a suggestion is.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { mapHeaders, mappingConfidence, recallSavedMapping, tableSamples, withSavedMapping, type SavedMapping } from '../../shared/map/index.ts';
import { getResource } from '../../shared/resources/index.ts';

const file = ['Vorname', 'Nachname', 'E-Mail', 'Bemerkung'];
const saved: SavedMapping = { headers: file, mapping: { Vorname: 'first_name', Nachname: 'last_name', Bemerkung: null } };

describe('recallSavedMapping', () => {
  test('the same headers in another order, with spaces around them', () => {
    expect(recallSavedMapping([' Bemerkung', 'E-Mail', 'Nachname', 'Vorname '], [saved])).toEqual({ mapping: saved.mapping, fit: 'same', added: [], missing: [] });
  });

  test('the failures file: the same headers plus error and original_row', () => {
    const found = recallSavedMapping([...file, 'error', 'original_row'], [saved]);
    expect(found).toEqual({ mapping: saved.mapping, fit: 'superset', added: ['error', 'original_row'], missing: [] });
  });

  test('a re-export with a column less keeps the choices for the columns it has', () => {
    const found = recallSavedMapping(['Vorname', 'Nachname', 'E-Mail'], [saved]);
    expect(found).toEqual({ mapping: { Vorname: 'first_name', Nachname: 'last_name' }, fit: 'subset', added: [], missing: ['Bemerkung'] });
  });

  test('headers that overlap without one set holding the other, or share one header, get nothing', () => {
    expect(recallSavedMapping(['Vorname', 'Nachname', 'Firma'], [saved])).toBeNull();
    expect(recallSavedMapping(['Vorname'], [saved])).toBeNull();
    expect(recallSavedMapping(file, [])).toBeNull();
  });

  test('the same set wins over a closer superset; then the most shared headers; then the most recent', () => {
    const wider: SavedMapping = { headers: [...file, 'error'], mapping: { Vorname: 'full_name' } };
    expect(recallSavedMapping(file, [saved, wider])!.mapping).toEqual(saved.mapping);
    expect(recallSavedMapping([...file, 'error', 'original_row'], [wider, saved])!.mapping).toEqual(wider.mapping);
    const newer: SavedMapping = { headers: file, mapping: { Vorname: 'last_name' } };
    expect(recallSavedMapping(file, [saved, newer])!.mapping).toEqual(newer.mapping);
  });
});

describe('withSavedMapping', () => {
  test('replaces the entry for the same set, puts it last, keeps an empty one and at most the limit', () => {
    const other: SavedMapping = { headers: ['a', 'b'], mapping: { a: 'notes' } };
    const reset: SavedMapping = { headers: [...file].reverse(), mapping: {} };
    expect(withSavedMapping([saved, other], reset, 10)).toEqual([other, reset]);
    // an empty mapping for the failures file stops the original's choices from coming back for it
    expect(recallSavedMapping(file, withSavedMapping([saved], reset, 10))!.mapping).toEqual({});
    expect(withSavedMapping([saved, other], { headers: ['c', 'd'], mapping: { c: null } }, 2).map((s) => s.headers[0])).toEqual(['a', 'c']);
  });
});

describe('mappingConfidence', () => {
  test('exact names are sure; a match by values says how many values decided it, and a small sample is less sure', () => {
    const text = readFileSync(new URL('../fixtures/real-world/google-contacts.csv', import.meta.url));
    const table = readCsv(new Uint8Array(text));
    const mapping = mapHeaders(getResource('contacts'), table.headers, {}, tableSamples(table));
    const column = (header: string) => mapping.columns.find((c) => c.header === header)!;
    expect(mappingConfidence(column('First Name'))).toEqual({ percent: 100, level: 'high', basis: 'the header names the field' });
    expect(mappingConfidence(column('E-mail 1 - Value'))).toMatchObject({ percent: 95, level: 'high' });
    const website = column('Website 1 - Value');
    expect(website.evidence).toEqual({ matching: 2, sampled: 2, kind: 'LinkedIn addresses' });
    expect(mappingConfidence(website)).toEqual({ percent: 60, level: 'low', basis: '2 of 2 sampled values are LinkedIn addresses' });
    expect(mappingConfidence(column('Nickname'))).toBeNull();
    expect(mappingConfidence({ ...column('First Name'), reason: 'user' })).toBeNull();
  });

  test('many values of a kind under an unknown header: a high share of a large sample is medium, never above a known header', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [`P${i}`, `L${i}`, i % 40 === 0 ? 'n/a' : `p${i}@example.com`]);
    const mapping = mapHeaders(getResource('contacts'), ['first_name', 'last_name', 'Kontakt'], {}, [rows.map((r) => r[0]!), rows.map((r) => r[1]!), rows.map((r) => r[2]!)]);
    const kontakt = mapping.columns[2]!;
    expect(kontakt).toMatchObject({ field: 'email', reason: 'content', evidence: { matching: 195, sampled: 200, kind: 'email addresses' } });
    const sure = mappingConfidence(kontakt)!;
    expect(sure.percent).toBe(87);
    expect(sure.level).toBe('medium');
  });
});

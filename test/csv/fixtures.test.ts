// readCsv on the real-world fixture files: encodings, delimiters, headers,
// record counts and the spreadsheet row number of every record.

import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { fixture } from './helpers.ts';

describe('readCsv on the fixture files', () => {
  it("reads Pivor's client export: BOM, comma, 4 records", () => {
    const table = readCsv(fixture('pivor-clients-export.csv'));
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual([
      'name', 'trading_name', 'type', 'status', 'email', 'phone', 'website', 'address_line_1',
      'address_line_2', 'city', 'state', 'postal_code', 'country', 'notes',
    ]);
    expect(table.records.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(table.records[3]!.cells.slice(0, 4)).toEqual(['Open Data Society', 'ODS', 'organisation', 'archived']);
    expect(table.records[2]!.cells[13]).toBe('Freelance designer, paid in EUR');
    expect(table.problems).toEqual([]);
  });

  it("reads Pivor's contact and communication exports", () => {
    const contacts = readCsv(fixture('pivor-contacts-export.csv'));
    expect(contacts.headers[0]).toBe('first_name');
    expect(contacts.records.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(contacts.records[2]!.cells[7]).toBe('Acme');

    const communications = readCsv(fixture('pivor-communications-export.csv'));
    expect(communications.encoding).toBe('utf-8-bom');
    expect(communications.headers).toEqual([
      'type', 'subject', 'description', 'client_name', 'contact_name', 'status', 'priority', 'due_at', 'completed_at',
    ]);
    expect(communications.records.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(communications.records[2]!.cells).toEqual(['phone', 'Intro call', '', '', '', 'completed', 'normal', '', '']);
    expect(communications.records[3]!.cells[1]).toBe('Quarterly review, Q1');
  });

  it('reads the documented template (no BOM, plain UTF-8)', () => {
    const table = readCsv(fixture('documented-template-communications.csv'));
    expect(table.encoding).toBe('utf-8');
    expect(table.records).toHaveLength(3);
    expect(table.records[0]!.cells).toEqual(['call', 'Call back about renewal', 'Acme Corp', 'John Doe', 'pending', '2025-04-02 16:30']);
  });

  it('reads the HubSpot export with every field quoted', () => {
    const table = readCsv(fixture('hubspot-contacts.csv'));
    expect(table.headers).toHaveLength(11);
    expect(table.headers[0]).toBe('Record ID');
    expect(table.records.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(table.records[0]!.cells[2]).toBe('García');
    expect(table.records[1]!.cells[2]).toBe("O'Neill");
    expect(table.records[2]!.cells[7]).toBe('');
  });

  it('reads the Excel semicolon file: 3 records, the line break stays inside its value', () => {
    const table = readCsv(fixture('excel-semicolon-clients.csv'));
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Company Name', 'Trading Name', 'Status', 'E-mail', 'Phone', 'Website', 'City', 'Country', 'Notes']);
    expect(table.records.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(table.records[0]!.cells[0]).toBe('Société Générale Démo');
    expect(table.records[0]!.cells[8]).toBe('Line one\r\nline two; with a semicolon');
    expect(table.records[1]!.cells[6]).toBe('München');
    expect(table.records[2]!.cells[8]).toBe('Quoted "nickname" inside');
    expect(table.problems).toEqual([]);
  });

  it('reads the messy file: row 8 is reported and skipped, the others kept with their rows', () => {
    const table = readCsv(fixture('messy-contacts.csv'));
    expect(table.records.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 9]);
    expect(table.records.find((r) => r.row === 9)!.cells[0]).toBe('Ravi');
    expect(table.problems).toEqual([
      {
        row: 8,
        severity: 'error',
        code: 'column-count',
        message: 'Row 8 has 2 columns but the header has 7; the row is skipped.',
        cells: ['Lone', 'Field'],
      },
    ]);
  });

  it('reads the same fixtures given as text or as an ArrayBuffer', () => {
    const bytes = fixture('excel-semicolon-clients.csv');
    const fromBytes = readCsv(bytes);
    const fromText = readCsv(new TextDecoder().decode(bytes));
    const fromBuffer = readCsv(bytes.slice().buffer);
    expect(fromText.records).toEqual(fromBytes.records);
    expect(fromText.headers).toEqual(fromBytes.headers);
    expect(fromBuffer).toEqual(fromBytes);
  });
});

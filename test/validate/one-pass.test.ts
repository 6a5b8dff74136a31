// checkCsv checks each record as it is read, in one pass; validateTable checks a table already read.
// Both must give the same report, issue for issue, in the same order.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { headerRowScore } from '../../shared/map/index.ts';
import { getResource, type ResourceName } from '../../shared/resources/index.ts';
import { CheckError, checkCsv, validateTable, type CheckOptions } from '../../shared/validate/index.ts';

const references = {
  clients: [{ id: 1, name: 'Acme Corp', trading_name: 'Acme' }, { id: 2, name: 'Acme', trading_name: null }, { id: 3, name: 'Bright Futures Ltd', trading_name: 'BFL' }],
  contacts: [{ id: 10, first_name: 'Sam', last_name: 'Lee', client_id: 1 }, { id: 11, first_name: 'Sam', last_name: 'Lee', client_id: 3 }],
};
const optionSets: CheckOptions[] = [{}, { references }, { dateOrder: 'day-first', timeZone: 'Europe/Paris' }, { userMapping: { Foo: 'email', Name: null } }];

function bothWays(input: string | Uint8Array, resource: ResourceName, options: CheckOptions) {
  // the header is searched for as checkCsv does: the user's mapping names columns too
  const readOptions = { ...(options.delimiter ? { delimiter: options.delimiter } : {}), headerScore: headerRowScore(undefined, options.userMapping) };
  const table = readCsv(input, readOptions);
  // no header: checkCsv refuses the file, validateTable has nothing to map
  if (table.headers.length === 0 || table.problems.some((p) => p.code === 'no-header')) {
    expect(() => checkCsv(input, resource, options)).toThrow(CheckError);
    return { onePass: null, table: null };
  }
  return { onePass: checkCsv(input, resource, options), table: validateTable(getResource(resource), table, options) };
}

const headers = ['first_name', 'last_name', 'Full Name', 'Name', 'email', 'E-mail', 'phone', 'client_name', 'client_id', 'contact_name', 'is_primary',
  'status', 'type', 'subject', 'priority', 'due_at', 'country', 'website', 'linkedin_url', 'employee_count', 'annual_revenue', 'Foo', ''];
const values = ['', ' ', '  Ann ', 'Ann', 'Mary Ann Smith', 'a@x.com', 'A@X.COM', 'É@x.com', 'é@x.com', 'not-an-email', 'yes', 'YES', 'maybe',
  'active', 'Archived', 'call', 'medium', 'normal', '2025-04-02 16:30', '02/04/2025', '2025-03-30 02:30', 'DE', 'Germany', 'acme.com', 'http//x',
  '12', '-5', '$4,500,000', '12.5', 'x'.repeat(256), 'Acme Corp', 'acme', 'BFL', 'Sam Lee', '3', '\u2000', "'=1+2", 'a"b', 'two\nlines', 'x,y'];
const quoteCell = (v: string) => (/[",;\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
const csvFile = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...headers), { minLength: 1, maxLength: 8 }),
    fc.array(fc.array(fc.constantFrom(...values), { maxLength: 9 }), { maxLength: 12 }),
    fc.constantFrom(',', ';'),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([head, rows, delimiter, newline, exact]) => {
    const lines = [head.join(delimiter)];
    for (const cells of rows) {
      lines.push((exact ? head.map((_, i) => cells[i] ?? '') : cells).map(quoteCell).join(delimiter));
      if (cells.length % 4 === 1) lines.push(cells.length % 2 ? '' : delimiter.repeat(head.length - 1));
    }
    return lines.join(newline) + newline;
  });

describe('checkCsv in one pass', () => {
  it('reports exactly what validateTable reports on the table readCsv reads', () => {
    fc.assert(
      fc.property(csvFile, fc.constantFrom<ResourceName>('clients', 'contacts', 'communications'), fc.constantFrom(...optionSets), (text, resource, options) => {
        const { onePass, table } = bothWays(text, resource, options);
        expect(onePass).toEqual(table);
        expect(JSON.stringify(onePass)).toBe(JSON.stringify(table));
      }),
      { numRuns: 800 },
    );
  });

  it('on the fixture files too', () => {
    for (const name of ['messy-contacts', 'pivor-contacts-export', 'pivor-clients-export', 'excel-semicolon-clients', 'hubspot-contacts', 'pivor-communications-export', 'documented-template-communications']) {
      const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/${name}.csv`, import.meta.url)));
      for (const resource of ['clients', 'contacts', 'communications'] as const) {
        for (const options of optionSets) {
          const { onePass, table } = bothWays(bytes, resource, options);
          expect(JSON.stringify(onePass)).toBe(JSON.stringify(table));
        }
      }
    }
  });
});

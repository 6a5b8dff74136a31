// The files a push hands back: the failures file is fixed by hand and pushed again (its added columns ignored),
// and the results file, which carries the ids, pushes again as "nothing to do".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../shared/csv/index.ts';
import { executePlan, failuresCsv, preparePush, resultsCsv, type PushResult } from '../../shared/push/index.ts';
import type { ValidationReport } from '../../shared/validate/index.ts';
import { fixture, openSession, type Session } from './sandbox-session.ts';

let s: Session;
let report: ValidationReport;
let first: PushResult;

beforeAll(async () => {
  s = await openSession();
  await s.client.create('clients', { name: 'Acme Corp' });
  const prepared = await preparePush(s.client, { resource: 'contacts', input: fixture('messy-contacts') }, { matchBy: 'email' });
  report = prepared.report;
  first = await executePlan(s.client, prepared.plan);
});
afterAll(() => s?.close());

describe('failures file', () => {
  it('holds the original columns of each row not done, with the reason and the original row number', () => {
    const table = readCsv(failuresCsv(report, first.results));
    expect(table.headers).toEqual([...report.headers, 'error', 'original_row']);
    expect(table.records.map((r) => r.cells.at(-1))).toEqual(['3', '4', '5', '6', '8']);
    const [sara, kim, omar, eva, lone] = table.records.map((r) => r.cells);
    expect(sara!.slice(0, 7)).toEqual(['Sara', '', 'sara@acme.com', '', 'CFO', 'Acme Corp', 'no']);
    expect(sara![7]).toMatch(/^last_name: .*last name is required/);
    expect(kim![7]).toMatch(/not-an-email/);
    expect(omar![7]).toMatch(/^client_name: .*Nonexistent Holdings/);
    expect(eva![7]).toMatch(/maybe/);
    // The reader rejects a row of the wrong length; the failures file gives its cells back, padded to a whole
    // row to fill in, with the reason.
    expect(lone).toHaveLength(9);
    expect(lone!.slice(0, 7)).toEqual(['Lone', 'Field', '', '', '', '', '']);
    expect(lone![7]).toMatch(/Row 8 has 2 columns but the header has 7/);
  });

  it('fixed by hand and pushed again, every row goes through and nothing is created twice', async () => {
    const table = readCsv(failuresCsv(report, first.results));
    const fixes: Record<string, (cells: string[]) => void> = {
      '3': (c) => (c[1] = 'Jones'),
      '4': (c) => (c[2] = 'kim@acme.com'),
      '5': (c) => (c[5] = 'Acme Corp'),
      '6': (c) => (c[6] = 'no'),
      '8': (c) => c.splice(0, 7, 'Lone', 'Field', 'lone@acme.com', '', '', '', 'no'),
    };
    const fixed = table.records.map((r) => {
      const cells = [...r.cells];
      fixes[cells.at(-1)!]!(cells);
      return cells;
    });
    const before = (await s.client.listAll('contacts')).length;
    const again = await preparePush(s.client, { resource: 'contacts', input: writeCsv(table.headers, fixed) }, { matchBy: 'email' });
    // The added columns are not data: nothing maps to them.
    expect(again.report.mapping.unmapped).toEqual(['error', 'original_row']);
    const result = await executePlan(s.client, again.plan);
    // Row 6 (Eva) was created by row 7 of the first push: matched by email, nothing to change.
    expect(result.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created', 'unchanged', 'created']);
    const contacts = await s.client.listAll('contacts');
    expect(contacts.length).toBe(before + 4);
    expect(new Set(contacts.map((c) => String(c.email).toLowerCase())).size).toBe(contacts.length);
  });
});

describe('results file', () => {
  it('gives every row its outcome and id, and pushed again (matched by id) sends only what changed in Pivor since', async () => {
    const text = resultsCsv(report, first.results);
    const table = readCsv(text);
    expect(table.headers).toEqual([...report.headers, 'id', 'outcome', 'message']);
    expect(table.records.map((r) => r.cells[8])).toEqual(first.results.map((r) => r.outcome));
    expect(table.records[0]!.cells[7]).toBe(String(first.results[0]!.id));
    const again = await preparePush(s.client, { resource: 'contacts', input: text }, { matchBy: 'id' });
    const created = again.plan.actions.filter((a, i) => first.results[i]!.outcome === 'created');
    // Rows 2 and 9 are both primary for Acme Corp: the push kept row 9's (the last), and pushed again the file
    // still means that, so row 2 does not take the flag back.
    expect(created.map((a) => `${a.row}:${a.kind}`)).toEqual(['2:unchanged', '7:unchanged', '9:unchanged']);
    expect(again.plan.warnings).toContainEqual(expect.stringMatching(/^Rows 2, 9 each mark a primary contact of "Acme Corp"; .*so only row 9's is sent as primary/));
    // Row 8 (skipped the first time for its 2 cells) comes back padded to a whole row, with no id: the fixed file
    // pushed above created Lone Field, so it is recognised by name (no email on either side) and not created again.
    expect(again.plan.actions.filter((a) => a.kind === 'create')).toEqual([]);
    expect(again.plan.actions.find((a) => a.row === 8)).toMatchObject({ kind: 'duplicate', reason: expect.stringMatching(/^already in Pivor \(probably contact \d+\)/) });
  });
});

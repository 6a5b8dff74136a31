// What the add-on writes into the sheet, counted by the fakes: formats and dropdowns go to whole column
// ranges (one value sent per column, not one per cell), and a push marks and writes statuses only on the
// rows whose marks or statuses change, whatever the size of the sheet; the snapshot is appended to, and
// rewritten only once most of its rows are superseded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GasEnvironment } from './harness/gas-environment.ts';
import { seededAddOn, type SeededAddOn } from './harness/seeded-add-on.ts';
import { pullAll, pushAll, rpc, sheetIdOf } from './harness/sidebar-driver.ts';
import type { PushSummary } from '../../apps-script/sidebar/types.ts';

let world: SeededAddOn;
let gas: GasEnvironment;

beforeAll(async () => {
  world = await seededAddOn({ clients: 3, contacts: 300 });
  ({ gas } = world);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const sheet = () => gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
const width = () => sheet().getLastColumn();
const col = (h: string) => (sheet().getRange(1, 1, 1, width()).getValues()[0] as string[]).indexOf(h) + 1;

describe('what the add-on writes', () => {
  it('formats and gives dropdowns per column range: what it sends does not grow with the rows', async () => {
    gas.counter.reset();
    await pullAll(gas, 'contacts');
    expect(gas.counter.byName.get('Range.setDataValidations')).toBeUndefined();
    expect(gas.counter.byName.get('Range.setNumberFormats')).toBeUndefined();
    // The rows' values (and the snapshot's) are sent one per cell; formats, rules and greys one per range,
    // over 500 formatted rows (pulled and spare): per-cell arrays would send about as many values as cells.
    expect(gas.counter.valuesSent).toBeLessThan(gas.counter.cellsWritten / 3);
    // Every formatted row still has its dropdown and its plain-text cells.
    const status = sheet().getRange(2, col('status'), 500, 1).getDataValidations();
    expect(status.every(([rule]) => rule?.getCriteriaType() === 'VALUE_IN_LIST')).toBe(true);
    expect(sheet().getRange(2, col('phone'), 500, 1).getNumberFormats().every(([f]) => f === '@')).toBe(true);
  });

  it('marks only the rows whose marks change, and writes only the statuses that change', async () => {
    sheet().getRange(40, col('email')).setValue('not an email');
    await rpc<PushSummary>(gas, 'pushPrepare', sheetIdOf(gas, 'Contacts'), null, false);
    expect(sheet().getRange(40, col('email')).getNote()).toMatch(/^Pivor: /);

    sheet().getRange(250, col('email')).setValue('neither an email');
    gas.counter.reset();
    const summary = await rpc<PushSummary>(gas, 'pushPrepare', sheetIdOf(gas, 'Contacts'), null, false);
    expect(summary.errors).toBe(2);
    expect(sheet().getRange(250, col('email')).getNote()).toMatch(/^Pivor: /);
    expect(sheet().getRange(40, col('email')).getNote()).toMatch(/^Pivor: /);
    // Row 250's notes and backgrounds, and its status: nothing else.
    expect(gas.counter.cellsWritten).toBe(2 * width() + 1);

    // Fixed: the mark goes, on that row only.
    sheet().getRange(250, col('email')).setValue('fixed@example.com');
    gas.counter.reset();
    await rpc<PushSummary>(gas, 'pushPrepare', sheetIdOf(gas, 'Contacts'), null, false);
    expect(sheet().getRange(250, col('email')).getNote()).toBe('');
    expect(sheet().getRange(250, col('email')).getBackground()).toBe('#ffffff');
    expect(sheet().getRange(250, col('Pivor status')).getValue()).toBe('to update: email');
    expect(gas.counter.cellsWritten).toBe(2 * width() + 1);
  });

  it('a push appends what it wrote to the snapshot and rewrites it only once most of its rows are superseded', async () => {
    const snapshot = () => gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName('_pivor_snapshot_Contacts')!;
    const pulled = snapshot().getLastRow();
    sheet().getRange(40, col('email')).setValue('row40@example.com');
    gas.counter.reset();
    const small = await pushAll(gas, 'Contacts');
    expect(small.last.run.counts.updated).toBe(2); // rows 40 and 250, fixed above
    expect(snapshot().getLastRow()).toBe(pulled + 2);
    // The two rows' statuses, ids and snapshot entries: nowhere near a rewrite of the snapshot's 300 rows.
    expect(gas.counter.cellsWritten).toBeLessThan(300);

    const rows = pulled - 1;
    const titles = sheet().getRange(2, col('job_title'), rows, 1);
    titles.setValues(titles.getValues().map((_, i) => [`Title ${i}`]));
    const all = await pushAll(gas, 'Contacts');
    expect(all.last.run.counts.updated).toBe(rows);
    // Superseded rows now outnumber live ones: one row per record again, each holding what was sent.
    expect(snapshot().getLastRow()).toBe(pulled);
    const json = snapshot().getRange(2, 3, rows, 1).getValues().map(([c]) => JSON.parse(String(c)) as { job_title: string });
    expect(new Set(json.map((r) => r.job_title)).size).toBe(rows);
  }, 120_000);
});

// Re-pull of chosen rows (after a conflict): the current records are fetched in one batch and written
// over their rows and into the snapshot, so the user sees Pivor's version and the next push starts
// from it. Rows are found by id; one write per row (conflicts are few).
import type { PivorRecord } from '../shared/api/index.ts';
import type { ResourceName } from '../shared/resources/index.ts';
import { recordToCells } from './cell-values.ts';
import { signedInClient } from './pivor-session.ts';
import { UserError } from './rpc-result.ts';
import { sheetLayout } from './sheet-columns.ts';
import { snapshotName } from './sheet-plan.ts';
import { sheetInfo } from './sheet-registry.ts';
import { readGrid } from './sheet-table.ts';
import { readBack } from './sheet-held-values.ts';
import { appendSnapshot, openSnapshot } from './snapshot-sheet.ts';

export async function repullRows(sheetId: number, ids: number[]): Promise<{ repulled: number; gone: number[] }> {
  const info = sheetInfo(sheetId);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets().find((s) => s.getSheetId() === sheetId);
  if (!info || !sheet) throw new UserError('That sheet is gone: pull again.');
  const resource: ResourceName = info.resource;
  const layout = sheetLayout(resource);
  const client = signedInClient();
  const outcomes = await client.sendBatch(ids.map((id) => ({ method: 'GET' as const, path: `/${resource}/${id}` })));
  const grid = readGrid(sheet, layout);
  const idCol = grid.columnOf.get('id')!;
  const records: PivorRecord[] = [];
  const gone: number[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.ok) records.push(outcome.data as PivorRecord);
    else if (outcome.error.kind === 'not-found') gone.push(ids[i]!);
    else throw outcome.error;
  });
  for (const record of records) {
    const at = grid.rows.findIndex((line) => Number(line[idCol - 1]) === record.id);
    if (at < 0) continue;
    const cells = recordToCells(layout, record);
    // Cells go to the columns their headers are in now.
    const line = [...grid.rows[at]!];
    layout.columns.forEach((column, i) => {
      const col = grid.columnOf.get(column.field.key);
      if (col !== undefined) line[col - 1] = cells[i]!;
    });
    line[grid.statusColumn - 1] = 're-pulled from Pivor';
    sheet.getRange(at + 2, 1, 1, grid.statusColumn).setValues([line.slice(0, grid.statusColumn)]);
    // Read back where the layout's columns still are where the pull put them (the usual case).
    if (layout.columns.every((c, i) => grid.columnOf.get(c.field.key) === i + 1)) readBack(sheet, at + 2, layout, [cells], [record]);
  }
  const snapshot = openSnapshot(sheet.getParent(), snapshotName(sheet.getName()), false);
  appendSnapshot(snapshot, [...records.map((record) => ({ id: record.id, record })), ...gone.map((id) => ({ id, record: null }))]);
  return { repulled: records.length, gone };
}

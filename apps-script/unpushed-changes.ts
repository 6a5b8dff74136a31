// Before a pull replaces a resource's sheet: what in it has not been pushed to Pivor (rows edited, added
// or removed since the last pull), found from the sheet and its snapshot alone, so the sidebar can ask
// before those edits are lost. Nothing is written and nothing is sent.
import type { ResourceName } from '../shared/resources/index.ts';
import { UserError } from './rpc-result.ts';
import { sheetLayout } from './sheet-columns.ts';
import { compareWithPull, snapshotName } from './sheet-plan.ts';
import { gridToTable, readGrid } from './sheet-table.ts';
import { readSnapshot } from './snapshot-sheet.ts';

export interface UnpushedChanges {
  sheetName: string;
  /** Rows of pulled records with a cell changed since the pull. */
  edited: number;
  /** Rows that stand for no pulled record (typed or pasted in). */
  added: number;
  /** Pulled records whose row is gone from the sheet. */
  removed: number;
  /** False when the sheet has lost its id column: its rows cannot be told apart, all of them count as added. */
  comparable: boolean;
}

/** The unpushed changes in the resource's sheet; null when there is no such sheet or nothing in it differs. */
export function unpushedChanges(resource: ResourceName): UnpushedChanges | null {
  const layout = sheetLayout(resource);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(layout.sheetName);
  if (!sheet || sheet.getLastRow() < 2) return null;
  let grid;
  try {
    grid = readGrid(sheet, layout, { lookOnly: true });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // no id column: the rows cannot be matched to records, so any of them may hold edits
    return { sheetName: sheet.getName(), edited: 0, added: sheet.getLastRow() - 1, removed: 0, comparable: false };
  }
  const { table, columns } = gridToTable(grid, layout);
  const snapshot = readSnapshot(ss.getSheetByName(snapshotName(sheet.getName())));
  const pulled = compareWithPull(table, columns, layout, snapshot);
  const present = new Set<number>();
  let edited = 0;
  let added = 0;
  for (const row of table.records) {
    const match = pulled.get(row.row);
    if (!match) {
      added += 1;
      continue;
    }
    present.add(match.record.id);
    if (match.same.some((same, i) => !same && !columns[i]!.readOnly)) edited += 1;
  }
  let removed = 0;
  for (const id of snapshot.keys()) if (!present.has(id)) removed += 1;
  if (edited + added + removed === 0) return null;
  return { sheetName: sheet.getName(), edited, added, removed, comparable: true };
}

// The key a push is journaled and kept under: the file as it was chosen, and the cells fixed in the grid. The file is
// kept unchanged with its fixes beside it (not rewritten as a corrected file), so a resumed push reads its rows
// under the numbers they had: a title line above the header, a blank line, a row the reader could not use keep their
// places, and the journal's entries, the fixes and the answers given per row land on the same rows.
import type { ResourceName } from '../../shared/resources/index.ts';
import { hashFile, journalKey } from '../storage/journal-store.ts';
import type { CellEdit } from './table-edits.ts';

/** The key of a push of this file with these fixes (the worker's, in row and column order). */
export async function pushKey(fileHash: string, edits: readonly CellEdit[], resource: ResourceName): Promise<string> {
  if (edits.length === 0) return journalKey(fileHash, resource);
  return journalKey(await hashFile(new TextEncoder().encode(JSON.stringify([fileHash, edits]))), resource);
}

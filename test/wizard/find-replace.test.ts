// Find and replace in a column, on tables the real CSV reader made: whole cell or part, match case, text taken as
// text (never a pattern), only the chosen column, and the texts before kept for the undo.
import { describe, expect, test } from 'vitest';
import { readCsv, writeCsv } from '../../shared/csv/index.ts';
import { replacedText, replacementsIn, previewOf, type ReplaceQuery } from '../../extension/wizard/find-replace.ts';
import { applyEdit, correctedCsv } from '../../extension/wizard/table-edits.ts';

const table = () => readCsv(writeCsv(['name', 'company', 'country'], [
  ['Ada', 'Acme Inc', 'france'],
  ['Bo', 'ACME INC.', ''],
  ['Cy', ' Acme Inc ', 'France'],
  ['Di', 'Nova (Inc.)', 'Spain'],
  ['Ed', 'Acme Inc', 'Acme Inc'],
]));
const q = (patch: Partial<ReplaceQuery>): ReplaceQuery => ({ column: 1, find: '', replace: '', wholeCell: false, matchCase: false, ...patch });

describe('which cells a replacement changes', () => {
  test('part of a cell, any case, every occurrence; the other columns untouched', () => {
    const found = replacementsIn(table(), q({ find: 'inc', replace: 'Ltd' }));
    expect(found.map((r) => [r.row, r.before, r.value])).toEqual([
      [2, 'Acme Inc', 'Acme Ltd'], [3, 'ACME INC.', 'ACME Ltd.'], [4, ' Acme Inc ', ' Acme Ltd '], [5, 'Nova (Inc.)', 'Nova (Ltd.)'], [6, 'Acme Inc', 'Acme Ltd'],
    ]);
    expect(found.every((r) => r.column === 1)).toBe(true);
  });

  test('match case leaves other spellings alone', () => {
    expect(replacementsIn(table(), q({ find: 'Inc', replace: 'Ltd', matchCase: true })).map((r) => r.row)).toEqual([2, 4, 5, 6]);
  });

  test('whole cell: the cell, outer spaces aside, equals the text; an empty text finds the empty cells', () => {
    expect(replacementsIn(table(), q({ find: 'acme inc', replace: 'Acme Ltd', wholeCell: true })).map((r) => r.row)).toEqual([2, 4, 6]);
    expect(replacementsIn(table(), q({ column: 2, find: 'France', replace: 'FR', wholeCell: true, matchCase: true })).map((r) => r.row)).toEqual([4]);
    expect(replacementsIn(table(), q({ column: 2, find: '', replace: 'ES', wholeCell: true })).map((r) => [r.row, r.value])).toEqual([[3, 'ES']]);
  });

  test('the text to find and the replacement are plain text: no pattern, no "$&"', () => {
    expect(replacedText('Nova (Inc.)', q({ find: '(Inc.)', replace: '$& & Co' }))).toBe('Nova $& & Co');
    expect(replacedText('a.b', q({ find: '.', replace: '-' }))).toBe('a-b');
    expect(replacedText('axb', q({ find: '.', replace: '-' }))).toBeNull();
    expect(replacedText('x', q({ find: '', replace: 'y' }))).toBeNull();
  });

  test('a cell the replacement would leave as it is does not count', () => {
    expect(replacementsIn(table(), q({ find: 'Acme', replace: 'Acme', matchCase: true }))).toEqual([]);
    expect(previewOf(replacementsIn(table(), q({ find: 'Acme', replace: 'ACME', matchCase: true })))).toMatchObject({ cells: 3 });
  });

  test('applied and undone with the texts before, the corrected CSV is the file again', () => {
    const t = table();
    const original = correctedCsv(t);
    const found = replacementsIn(t, q({ find: 'Inc', replace: 'GmbH' }));
    for (const r of found) applyEdit(t, r);
    expect(readCsv(correctedCsv(t)).records.map((r) => r.cells[1])).toEqual(['Acme GmbH', 'ACME GmbH.', ' Acme GmbH ', 'Nova (GmbH.)', 'Acme GmbH']);
    for (const r of found) applyEdit(t, { row: r.row, column: r.column, value: r.before });
    expect(correctedCsv(t)).toBe(original);
  });

  test('a column the file does not have is refused', () => {
    expect(() => replacementsIn(table(), q({ column: 7, find: 'x' }))).toThrow(/no column 8/);
  });
});

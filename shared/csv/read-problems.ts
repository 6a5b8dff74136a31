// The problems reading a CSV can report, with their codes and the messages a
// user sees. Kept in one place so wording and codes stay consistent.

import type { StrayByte } from './stray-bytes.ts';
import type { ReadProblem } from './types.ts';

/** Spreadsheet column letters for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "a, b and c" */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A row's values as a short quote: its non-empty cells, cut at 60 characters. */
function excerpt(cells: readonly string[]): string {
  const text = cells.map((c) => c.trim()).filter((c) => c !== '').join(', ').replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export const problems = {
  emptyFile(): ReadProblem {
    return { row: 1, severity: 'error', code: 'empty-file', message: 'The file is empty: it has no header row and no records.' };
  },

  binary(row: number, hint: string): ReadProblem {
    const where = row > 1 ? ` Reading stopped at row ${row}, where a NUL byte appears.` : '';
    return { row, severity: 'error', code: 'binary', message: `This file looks binary, not CSV.${hint}${where}` };
  },

  noRecords(skippedRows: number): ReadProblem {
    const message =
      skippedRows === 0
        ? 'The file has a header row but no records.'
        : skippedRows === 1
          ? 'The file has no usable records: the only row after the header was skipped.'
          : `The file has no usable records: all ${skippedRows} rows after the header were skipped.`;
    return { row: 1, severity: 'warning', code: 'no-records', message };
  },

  leadingBlankRows(headerRow: number): ReadProblem {
    return {
      row: headerRow,
      severity: 'warning',
      code: 'blank-rows-before-header',
      message: `The header is on row ${headerRow}; the blank ${headerRow === 2 ? 'row' : 'rows'} above it ${headerRow === 2 ? 'was' : 'were'} skipped.`,
    };
  },

  /** The rows above the header (blank lines are not in `skipped`): a preamble or title, listed with their numbers. */
  rowsBeforeHeader(headerRow: number, skipped: readonly { row: number; cells: string[] }[]): ReadProblem {
    const text = new Map(skipped.map((r) => [r.row, excerpt(r.cells)]));
    const shown: string[] = [];
    for (let row = 1; row < headerRow && shown.length < 5; row++) {
      const value = text.get(row);
      shown.push(value ? `row ${row} "${value}"` : `row ${row} (blank)`);
    }
    if (headerRow - 1 > shown.length) shown.push(plural(headerRow - 1 - shown.length, 'more row'));
    const one = headerRow === 2;
    return {
      row: headerRow,
      severity: 'warning',
      code: 'rows-before-header',
      message: `The header is on row ${headerRow}; the ${one ? 'row' : `${headerRow - 1} rows`} above it ${one ? 'is' : 'are'} not data and ${one ? 'was' : 'were'} skipped: ${listed(shown)}.`,
    };
  },

  /** No row looked at names a column or holds more than one value: notes, a title, but no table. */
  noHeader(rows: readonly { row: number; cells: string[] }[]): ReadProblem {
    const first = rows[0]!;
    const quote = excerpt(first.cells);
    const which = rows.length === 1 ? `row ${first.row}, the only row, names no column and holds a single value` : `none of rows ${first.row}–${rows.at(-1)!.row} names a column or holds more than one value`;
    return {
      row: 1,
      severity: 'warning',
      code: 'no-header',
      message: `No header row found: ${which}${quote ? ` (row ${first.row} reads "${quote}")` : ''}. A CSV's header row names its columns, such as First Name, Last Name, Email.`,
    };
  },

  /** The row taken as the header holds a value (an email address, a web address): the file has no header row. */
  headerHoldsValue(headerRow: number, value: string): ReadProblem {
    return {
      row: 1,
      severity: 'warning',
      code: 'no-header',
      message: `No header row found: row ${headerRow}, read as the header, holds "${value.trim()}", a value rather than a column name. Add a header row naming the columns (such as First Name, Last Name, Email) above the data.`,
    };
  },

  emptyHeader(index: number, header: string, row: number): ReadProblem {
    return {
      row,
      severity: 'warning',
      code: 'empty-header',
      column: header,
      message: `Column ${columnLetter(index)} has no header; its values are kept under an empty name.`,
    };
  },

  duplicateHeader(name: string, firstIndex: number, index: number, row: number): ReadProblem {
    return {
      row,
      severity: 'warning',
      code: 'duplicate-header',
      column: name,
      message: `Columns ${columnLetter(firstIndex)} and ${columnLetter(index)} have the same header "${name}"; both are kept.`,
    };
  },

  columnCount(row: number, cells: string[], expected: number): ReadProblem {
    return {
      row,
      severity: 'error',
      code: 'column-count',
      message: `Row ${row} has ${plural(cells.length, 'column')} but the header has ${expected}; the row is skipped.`,
      cells,
    };
  },

  unclosedQuote(row: number, isHeader: boolean): ReadProblem {
    return {
      row,
      severity: 'error',
      code: 'unclosed-quote',
      message: `Row ${row} opens a quoted value (") that is never closed, so everything from there to the end of the file was read as one value; ${isHeader ? 'no records can be read' : 'the row is skipped'}.`,
    };
  },

  /** `linesTaken`: line breaks the broken quote swallowed into this row. */
  malformedQuote(row: number, isHeader: boolean, linesTaken: number): ReadProblem {
    const outcome = isHeader ? 'the header may be read wrongly' : 'the row is skipped';
    const taken = linesTaken > 0 ? `, together with the ${plural(linesTaken, 'line')} after it that the quote took in` : '';
    return {
      row,
      severity: 'error',
      code: 'malformed-quote',
      message: `Row ${row} has a quoted value with text right after its closing quote (a stray "); ${outcome}${taken}.`,
    };
  },

  parseError(row: number, detail: string): ReadProblem {
    return { row, severity: 'error', code: 'parse-error', message: `Row ${row} could not be read: ${detail}; the row is skipped.` };
  },

  /** Bytes of a UTF-8 file on this row that are not UTF-8: each was read as its Windows-1252 character. */
  invalidUtf8(row: number, found: readonly StrayByte[]): ReadProblem {
    const each = found.map((f) => `0x${f.byte.toString(16).toUpperCase().padStart(2, '0')} as "${f.char}" in "${f.cell}"`);
    const what = found.length === 1 ? 'a byte that is' : `${found.length} bytes that are`;
    return {
      row,
      severity: 'warning',
      code: 'invalid-utf8',
      message: `Row ${row} holds ${what} not valid UTF-8, read as Windows-1252: ${listed(each)}. The rest of the file is read as UTF-8; check ${found.length === 1 ? 'this value' : 'these values'}.`,
    };
  },

  /** The file is not UTF-8 and was read in a single-byte encoding; `example`: a word as it was read. */
  singleByteEncoding(encoding: 'windows-1252' | 'macintosh', example: string): ReadProblem {
    const how = encoding === 'macintosh'
      ? 'Mac Roman, as Excel\'s "CSV (Macintosh)" writes (read as Windows-1252, its accented letters would be control characters or unlikely letters)'
      : 'Windows-1252, as Excel\'s "CSV" writes on Windows';
    const shown = example ? ` It reads "${example}", for example.` : '';
    return {
      row: 1,
      severity: 'warning',
      code: 'encoding-fallback',
      message: `The file is not UTF-8; it was read as ${how}.${shown} If accented letters look wrong, save the file as "CSV UTF-8" and check it again.`,
    };
  },
};

/** Hint for the binary-file message when the start of the text says what the file really is. */
export function binaryHint(sample: string): string {
  if (sample.startsWith('PK\u0003\u0004')) {
    return ' It looks like a zip archive, such as an Excel .xlsx workbook: save it as CSV first.';
  }
  if (sample.startsWith('\u00d0\u00cf\u0011\u00e0')) {
    return ' It looks like an old Excel .xls workbook: save it as CSV first.';
  }
  if (looksLikeUtf16(sample)) {
    return ' It may be UTF-16 text without a byte-order mark: save it as "CSV UTF-8" instead.';
  }
  return '';
}

/** ASCII text in UTF-16 without a BOM, read byte by byte, has a NUL in every other place. */
function looksLikeUtf16(sample: string): boolean {
  const pairs = Math.min(100, Math.floor(sample.length / 2));
  if (pairs < 2) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i++) {
    if (sample.charCodeAt(i) === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  const mostly = (n: number): boolean => n >= pairs * 0.8;
  const hardly = (n: number): boolean => n <= pairs * 0.05;
  return (mostly(oddNul) && hardly(evenNul)) || (mostly(evenNul) && hardly(oddNul));
}

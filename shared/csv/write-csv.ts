// Writes a table as CSV that Excel, Google Sheets, Pivor and readCsv all read
// back to the same values: UTF-8 BOM, commas, CRLF, quotes only where needed,
// and every cell made spreadsheet-safe (no cell can run as a formula).

import { escapeCell } from './spreadsheet-safe.ts';

// Quoted: anything that could split or end a field (any delimiter readCsv
// might detect, not only the comma), quotes, and edge spaces some readers trim.
// A leading U+FEFF is quoted so it is not mistaken for the byte-order mark.
const NEEDS_QUOTES = /[",;\t|\r\n]|^[ \uFEFF]| $/;

function writeCell(value: string): string {
  const safe = escapeCell(typeof value === 'string' ? value : String(value ?? ''));
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (no line end), cells quoted where needed and made spreadsheet-safe, as writeCsv writes them. */
export function writeLine(cells: readonly string[]): string {
  // One empty cell alone would be a blank line, which readers skip.
  if (cells.length === 1 && cells[0] === '') return '""';
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += writeCell(cells[i]!);
  }
  return line;
}

export function writeCsv(headers: string[], rows: string[][], options: { bom?: boolean } = {}): string {
  if (headers.length === 0) throw new RangeError('writeCsv needs at least one header.');
  const lines = [writeLine(headers)];
  rows.forEach((cells, index) => {
    if (cells.length !== headers.length) {
      throw new RangeError(
        `writeCsv: row ${index + 2} has ${cells.length} cells but there are ${headers.length} headers.`,
      );
    }
    lines.push(writeLine(cells));
  });
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}

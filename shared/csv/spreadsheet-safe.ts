// Formula-injection guard for cells that end up in spreadsheets: a cell that
// a spreadsheet would run as a formula (starting with = + - @ tab or CR) is
// written with a leading apostrophe, which spreadsheets show as text. The
// reverse removes exactly that apostrophe, so values round-trip unchanged.

const APOSTROPHE = 39;

/** Whether a character code starts a formula: = + - @ tab CR. */
function isFormulaStart(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

/** Index of the first character after the leading apostrophes. */
function afterApostrophes(value: string): number {
  let i = 0;
  while (value.charCodeAt(i) === APOSTROPHE) i++;
  return i;
}

/**
 * Prefixes `'` to a cell that starts with a formula character, or with
 * apostrophes followed by one (so that unescapeCell can tell them apart).
 */
export function escapeCell(value: string): string {
  const first = value.charCodeAt(0);
  if (isFormulaStart(first)) return `'${value}`;
  if (first === APOSTROPHE && isFormulaStart(value.charCodeAt(afterApostrophes(value)))) return `'${value}`;
  return value;
}

/** Removes the one apostrophe escapeCell added: only from cells matching /^'+[=+\-@\t\r]/. */
export function unescapeCell(value: string): string {
  if (value.charCodeAt(0) !== APOSTROPHE) return value;
  return isFormulaStart(value.charCodeAt(afterApostrophes(value))) ? value.slice(1) : value;
}

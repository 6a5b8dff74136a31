// What a cell normalizer returns: a value in Pivor's spelling (with notices for every change), or an error.
// Messages are sentences without row or column; the validator adds "Row N: …(column X)." around them.

export type CellValue = string | number | boolean;

/** A change made to a value, shown to the user as a warning on its row. */
export interface Notice { code: string; message: string }

export type Normalized =
  | { ok: true; value: CellValue; notices?: Notice[] }
  | { ok: false; code: string; message: string };

/** Normalizes one trimmed, non-empty cell. Built once per column, called per row. */
export type CellNormalizer = (text: string) => Normalized;

export interface NormalizeOptions {
  /** How to read 02/04/2025: day first (2 April) or month first (4 February). Unset: such dates are errors. */
  dateOrder?: 'day-first' | 'month-first';
  /** IANA zone the file's wall-clock times are in. Default 'UTC', as Pivor's export writes. */
  timeZone?: string;
  /** The user's value mapping for list fields: field key → file value (lower case) → Pivor value (value-mapping.ts). */
  valueMapping?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export function ok(value: CellValue, notice?: Notice): Normalized {
  return notice ? { ok: true, value, notices: [notice] } : { ok: true, value };
}

export function fail(code: string, message: string): Normalized {
  return { ok: false, code, message };
}

/** Quotes a cell's text for a message, shortened so one long cell does not flood a report. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

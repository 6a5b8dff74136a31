// The three levels of an issue: 'info' is a harmless normalization (France → FR, https:// added), shown on its cell
// and not counted against the row; 'warning' is sent, but worth a look (a guess, a value left out); 'error' is not sent.
import type { Severity } from './types.ts';

/** Notices that only restate a value in Pivor's spelling: nothing is lost or guessed. */
const NORMALIZATIONS: ReadonlySet<string> = new Set([
  'trimmed', 'country-code', 'enum-spelling', 'enum-synonym', 'boolean-spelling', 'url-scheme-added', 'number-format',
  'done-flag', 'date-read', 'address-block', 'value-mapped',
]);

/** The level of a normalizer's (or a column's) notice by its code: info for a plain respelling, else a warning. */
export function noticeLevel(code: string): Severity {
  return NORMALIZATIONS.has(code) ? 'info' : 'warning';
}

/** A row's status from its issues: any error is not sent, any warning is looked at, infos alone leave it valid. */
export function statusOf(issues: readonly { severity: Severity }[]): 'valid' | 'warning' | 'error' {
  let status: 'valid' | 'warning' | 'error' = 'valid';
  for (const issue of issues) {
    if (issue.severity === 'error') return 'error';
    if (issue.severity === 'warning') status = 'warning';
  }
  return status;
}

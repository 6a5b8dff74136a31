// Rules on a normalized value that the API enforces: lengths, minimums, and enum values it cannot write.
import type { CellValue } from '../normalize/index.ts';
import type { ColumnPlan } from './column-plan.ts';
import { fieldWords, orList, rowIssue } from './messages.ts';
import type { Issue } from './types.ts';

/** Returns the issue the value earns, if any. Called only for values that normalized cleanly. */
export function checkValue(plan: ColumnPlan, value: CellValue, row: number): Issue | null {
  const { field, header } = plan;
  if (typeof value === 'string') {
    if (field.max !== undefined && value.length > field.max) {
      return rowIssue(row, 'error', 'too-long', `${fieldWords(field)} is ${value.length} characters long; Pivor allows at most ${field.max}`, header, field.key);
    }
    if (plan.writable && !plan.writable.has(value)) return notWritable(plan, value, row);
  } else if (typeof value === 'number' && field.min !== undefined && value < field.min) {
    return rowIssue(row, 'error', 'below-min', `${fieldWords(field)} must be at least ${field.min}, not ${value}`, header, field.key);
  }
  return null;
}

/**
 * A value Pivor's CSV allows but its API cannot write (the database or the validation refuses it).
 * Values equal to the server's default are left out of a create with a warning instead.
 */
function notWritable(plan: ColumnPlan, value: string, row: number): Issue {
  const { field, header } = plan;
  const name = fieldWords(field);
  const fallback = field.default;
  if (plan.omitOnCreate?.has(value)) {
    return rowIssue(
      row, 'warning', 'omitted-on-create',
      `${name} "${value}" can't be sent through Pivor's API, so it is left out: a new record gets ${String(fallback ?? value)} by default`,
      header, field.key,
    );
  }
  const accepted = orList([...plan.writable!]);
  const empty = fallback === undefined ? '' : `, or leave it empty for ${String(fallback)}`;
  return rowIssue(
    row, 'error', 'not-writable',
    `${name} "${value}" can't be set through Pivor's API (it accepts ${accepted}). Change it${empty}`,
    header, field.key,
  );
}

// Wording shared by the validator's messages: "Row N: … (column X)." and field names in plain words.
import type { FieldSpec } from '../resources/index.ts';
import type { Issue, Severity } from './types.ts';

/** The field's label as a spreadsheet user reads it mid-sentence: "last name", but "LinkedIn URL". */
export function fieldWords(field: FieldSpec): string {
  const label = field.label;
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** "a, b or c" */
export function orList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** An issue about a planned column: its message ending built once per column, not per row. */
export function columnIssue(row: number, severity: Severity, code: string, body: string, plan: { header: string; key: string; where: string }): Issue {
  return { row, column: plan.header, field: plan.key, severity, code, message: 'Row ' + row + ': ' + body + plan.where };
}

export function rowIssue(
  row: number, severity: Severity, code: string, body: string, column: string | null, field: string | null,
): Issue {
  const where = column === null ? '' : ` (column ${column})`;
  return { row, column, field, severity, code, message: `Row ${row}: ${body}${where}.` };
}

/**
 * The issue's sentence without the row and column it names, for a screen that shows them beside it (a grid's row,
 * a cell): "is not a valid email address." rather than "Row 4: … (column email)." said again.
 */
/** A message without the "Row N: " it opens with, for a place that names the row already. */
export function withoutRowPrefix(message: string): string {
  return message.replace(/^Row \d+: /, '');
}

export function issueText(issue: Pick<Issue, 'row' | 'column' | 'message'>): string {
  let text = issue.message.startsWith(`Row ${issue.row}: `) ? issue.message.slice(`Row ${issue.row}: `.length) : issue.message;
  const where = issue.column === null ? '' : ` (column ${issue.column}).`;
  if (where && text.endsWith(where)) text = text.slice(0, -where.length) + '.';
  return text;
}

// What a dry run prints for each row, from the one model the wizard's Review and Plan read (rowOutcomes): what the
// row will do (created, updated with the fields by label and the record by name, unchanged, held, skipped and why),
// its issues by level below it, and the counts as the wizard shows them. Infos are dimmed and count against nothing.
import type { LabelledChange, OutcomeCounts, RowOutcome, RowOutcomes } from '../shared/push/index.ts';
import { withoutRowPrefix, type Issue } from '../shared/validate/index.ts';
import type { Paint } from './io.ts';
import { level } from './report-text.ts';

export function outcomesText(outcomes: RowOutcomes, p: Paint): string[] {
  const lines: string[] = [];
  for (const row of outcomes.rows) {
    const [headline, told] = headlineOf(row, p);
    lines.push(`  row ${row.row}: ${headline}`);
    for (const issue of row.issues) if (issue !== told) lines.push(`      ${level(issue.severity, p)}  ${issueLine(issue)}`);
  }
  return lines;
}

/** The rows by level, worded as the wizard's Review: infos leave a row ready and are counted apart. */
export function reviewCountsText(counts: OutcomeCounts, p: Paint): string {
  return `  ${counts.records} ${counts.records === 1 ? 'row' : 'rows'}: ${p.green(`${counts.valid} ready`)}, ` +
    `${p.yellow(`${counts.warnings} with warnings`)}, ${p.red(`${counts.errors} not sent (errors)`)}` +
    (counts.normalized ? p.dim(`; ${counts.normalized} with values written Pivor's way (infos, not counted against them)`) : '');
}

/** The row's line, and the issue it already tells (a skipped row's reason), so it is not said twice. */
function headlineOf(row: RowOutcome, p: Paint): [string, Issue | undefined] {
  const record = row.record?.name ?? ''; // "Ada Byron (#404)"
  switch (row.action) {
    case 'create':
      return ['create', undefined];
    case 'update':
      return [`update ${record}: ${(row.changes ?? []).map(changeText).join(', ')}`, undefined];
    case 'unchanged':
      return [`unchanged: ${record}`, undefined];
    case 'held':
    case 'skip': {
      const reason = row.issues.find((i) => i.severity === 'error');
      const word = row.action === 'held' ? 'held' : 'skipped';
      return [p.red(`${word}: ${reason ? issueLine(reason) : row.reason ?? ''}`), reason];
    }
  }
}

function changeText(change: LabelledChange): string {
  return `${change.label} ${show(change.from)} → ${show(change.to)}`;
}

function show(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(empty)' : JSON.stringify(value);
}

/** An issue as the row's line below its number says it: without "Row N:", its column named once. */
function issueLine(issue: Issue): string {
  return withoutRowPrefix(issue.message).replace(/\.$/, '');
}

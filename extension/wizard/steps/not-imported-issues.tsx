// Review's file-level notices about columns left out ("Column "Nickname" is not imported: …"), one per column in the
// report, folded into one line that opens; a column of email addresses left out is named on the line itself. Empty
// columns lose nothing by staying out: they are only counted, as the mapping step hides them.
import type { Issue } from '../../../shared/validate/types.ts';
import { countOf, formatCount } from '../../ui/count.ts';
import { Fold, firstNames } from '../../ui/fold.tsx';

const COLUMN_CODES = new Set(['unmapped-column', 'duplicate-column', 'unmapped-emails']);

/** Whether a file-level issue is about a column left out (shown in the fold, not as a notice of its own). */
export function isColumnLeftOut(issue: Issue): boolean {
  return COLUMN_CODES.has(issue.code);
}

/** `emptyColumns`: headers whose columns hold no value in any row. */
export function NotImportedIssues(props: { issues: readonly Issue[]; emptyColumns: ReadonlySet<string> }) {
  const isEmpty = (i: Issue) => i.column !== null && props.emptyColumns.has(i.column);
  const issues = props.issues.filter((i) => !isEmpty(i));
  const empty = new Set(props.issues.filter(isEmpty).map((i) => i.column)).size;
  const left = issues.filter((i) => i.code !== 'unmapped-emails');
  if (issues.length === 0) return null;
  const emails = issues.filter((i) => i.code === 'unmapped-emails').map((i) => i.column ?? '');
  const summary = (
    <>
      <strong>{countOf(left.length, 'column')} not imported:</strong>
      <span class="muted">{firstNames(left.map((i) => i.column ?? ''))}</span>
      {emails.length > 0 && <span class="badge warn">{firstNames(emails)} {emails.length === 1 ? 'holds' : 'hold'} email addresses</span>}
      {empty > 0 && <span class="muted small" data-testid="review-empty-columns">(and {formatCount(empty)} empty)</span>}
    </>
  );
  return (
    <Fold summary={summary} testId="review-not-imported">
      <ul class="issue-list">
        {issues.map((i) => <li key={i.code + i.message} class={i.code === 'unmapped-emails' ? 'warning' : ''}>{i.message}</li>)}
      </ul>
    </Fold>
  );
}

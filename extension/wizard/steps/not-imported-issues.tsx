// Review's file-level notices about columns left out ("Column "Nickname" is not imported: …"), one per column in the
// report, folded into one line that opens; a column of email addresses left out is named on the line itself.
import type { Issue } from '../../../shared/validate/types.ts';
import { Fold, firstNames } from '../../ui/fold.tsx';

const COLUMN_CODES = new Set(['unmapped-column', 'duplicate-column', 'unmapped-emails']);

/** Whether a file-level issue is about a column left out (shown in the fold, not as a notice of its own). */
export function isColumnLeftOut(issue: Issue): boolean {
  return COLUMN_CODES.has(issue.code);
}

export function NotImportedIssues(props: { issues: readonly Issue[] }) {
  const left = props.issues.filter((i) => i.code !== 'unmapped-emails');
  if (props.issues.length === 0) return null;
  const emails = props.issues.filter((i) => i.code === 'unmapped-emails').map((i) => i.column ?? '');
  const summary = (
    <>
      <strong>{left.length} {left.length === 1 ? 'column' : 'columns'} not imported:</strong>
      <span class="muted">{firstNames(left.map((i) => i.column ?? ''))}</span>
      {emails.length > 0 && <span class="badge warn">{firstNames(emails)} {emails.length === 1 ? 'holds' : 'hold'} email addresses</span>}
    </>
  );
  return (
    <Fold summary={summary} testId="review-not-imported">
      <ul class="issue-list">
        {props.issues.map((i) => <li key={i.code + i.message} class={i.code === 'unmapped-emails' ? 'warning' : ''}>{i.message}</li>)}
      </ul>
    </Fold>
  );
}

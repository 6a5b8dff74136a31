// The mapping step's columns that fill no field, folded into one line ("11 columns not imported: …") that opens to
// their rows, where any can still be mapped. A column of email addresses left out is named on the line itself;
// columns read through another (a phone's label) are counted apart, since their values do arrive.
import type { ComponentChildren, VNode } from 'preact';
import type { ColumnMapping } from '../../../shared/map/index.ts';
import { countOf, formatCount } from '../../ui/count.ts';
import { Fold, firstNames } from '../../ui/fold.tsx';

export function NotImportedColumns(props: { columns: ColumnMapping[]; hiddenEmpty: number; head: ComponentChildren; row: (c: ColumnMapping) => VNode }) {
  // a phone's label or a Home address is imported through another column: not "left out"
  const withOther = props.columns.filter((c) => c.field === null && c.reason === 'combined').length;
  const left = props.columns.filter((c) => c.field === null && c.reason !== 'combined');
  const chosen = props.columns.filter((c) => c.field !== null).length;
  if (props.columns.length === 0) return null;
  const emails = left.filter((c) => c.holdsEmails);
  const summary = (
    <>
      <strong>{countOf(left.length, 'column')} not imported{left.length > 0 ? ':' : ''}</strong>
      {left.length > 0 && <span class="muted">{firstNames(left.map((c) => c.header || `${c.index + 1}`))}</span>}
      {withOther > 0 && <span class="muted small">{formatCount(withOther)} read with another column</span>}
      {chosen > 0 && <span class="badge accent">{formatCount(chosen)} now imported by you</span>}
      {emails.length > 0 && <span class="badge warn" data-testid="fold-emails">{firstNames(emails.map((c) => c.header))} {emails.length === 1 ? 'holds' : 'hold'} email addresses</span>}
      {props.hiddenEmpty > 0 && <span class="muted small">(and {formatCount(props.hiddenEmpty)} empty, hidden)</span>}
    </>
  );
  return (
    <Fold summary={summary} testId="not-imported">
      <div class="table-wrap">
        <table class="mapping-table">
          {props.head}
          <tbody>{props.columns.map(props.row)}</tbody>
        </table>
      </div>
    </Fold>
  );
}

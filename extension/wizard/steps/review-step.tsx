// Step 3, Review: counts of valid rows, rows with warnings and rows with errors; the rows themselves with invalid
// cells highlighted and each message beside its row; a filter to rows with issues. Values are shown as text.
import { useMemo, useState } from 'preact/hooks';
import type { Issue, ValidatedRow, ValidationReport } from '../../../shared/validate/types.ts';
import { Notice } from '../../ui/notice.tsx';
import { PAGE_SIZE, Pager } from '../../ui/pager.tsx';
import { StatTiles } from '../../ui/stat-tiles.tsx';
import { NotImportedIssues, isColumnLeftOut } from './not-imported-issues.tsx';

export function ReviewStep(props: { report: ValidationReport; checking: boolean; clientsToCreate: string[] }) {
  const { report } = props;
  const withIssues = report.counts.warnings + report.counts.errors;
  const [onlyIssues, setOnlyIssues] = useState(withIssues > 0);
  const [page, setPage] = useState(0);
  const columns = report.mapping.columns.filter((c) => c.field !== null);
  const rows = useMemo(() => (onlyIssues ? report.rows.filter((r) => r.status !== 'valid') : report.rows), [report, onlyIssues]);
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const anyIssues = shown.some((r) => r.issues.length > 0);
  const fileIssues = report.issues.filter((i) => i.row <= 1 && !isColumnLeftOut(i));
  const columnsLeftOut = report.issues.filter((i) => i.row <= 1 && isColumnLeftOut(i));

  return (
    <div class="stack" aria-busy={props.checking}>
      <StatTiles
        stats={[
          { label: 'rows', value: report.counts.records, testId: 'count-records' },
          { label: 'valid', value: report.counts.valid, tone: 'ok', testId: 'count-valid' },
          { label: 'with warnings', value: report.counts.warnings, tone: 'warn', testId: 'count-warnings' },
          { label: 'with errors', value: report.counts.errors, tone: 'error', testId: 'count-errors' },
        ]}
      />
      {fileIssues.map((i) => (
        <Notice key={i.code + i.message} kind={i.severity === 'error' ? 'error' : 'warning'}>{i.message}</Notice>
      ))}
      <NotImportedIssues issues={columnsLeftOut} />
      {props.clientsToCreate.length > 0 && (
        <Notice kind="info" title={`${props.clientsToCreate.length} ${props.clientsToCreate.length === 1 ? 'client' : 'clients'} not in Pivor will be created first`} testId="clients-to-create">
          {props.clientsToCreate.join(', ')}. Their rows are shown with errors here and go through once the clients exist.
        </Notice>
      )}
      {report.counts.errors > 0 && (
        <p class="muted small">Rows with errors are not sent. Fix them in the file and import it again, or download them after the push.</p>
      )}
      <div class="row">
        <label class="choice">
          <input type="checkbox" checked={onlyIssues} onChange={(e) => { setOnlyIssues(e.currentTarget.checked); setPage(0); }} data-testid="only-issues" />
          Only rows with issues
        </label>
        <div class="spacer" />
        <Pager page={page} total={rows.length} onPage={setPage} />
      </div>
      <div class="table-wrap review-table-wrap">
        <table class="review-table">
          <thead>
            <tr>
              <th scope="col" class="num">Row</th>
              <th scope="col">Status</th>
              {anyIssues && <th scope="col" class="issues-col">Issues</th>}
              {columns.map((c) => <th key={c.index} scope="col">{c.header}</th>)}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => <ReviewRow key={row.row} row={row} columns={columns} issuesColumn={anyIssues} />)}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ReviewRow(props: { row: ValidatedRow; columns: { index: number; header: string }[]; issuesColumn: boolean }) {
  const { row } = props;
  const byColumn = new Map<string, Issue['severity']>();
  for (const issue of row.issues) {
    if (issue.column !== null && byColumn.get(issue.column) !== 'error') byColumn.set(issue.column, issue.severity);
  }
  return (
    <tr class={`status-${row.status}`} data-testid={`review-row-${row.row}`}>
      <td class="num">{row.row}</td>
      <td><StatusBadge status={row.status} /></td>
      {props.issuesColumn && <td class="issues-col">
        {row.issues.length > 0 && (
          <ul class="issue-list">
            {row.issues.map((issue, i) => (
              <li key={i} class={issue.severity}>{issue.message.replace(/^Row \d+: /, '')}</li>
            ))}
          </ul>
        )}
      </td>}
      {row.cells.length === 0 ? (
        <td colSpan={props.columns.length} class="muted">(the row could not be read)</td>
      ) : (
        props.columns.map((c) => {
          const severity = byColumn.get(c.header);
          return (
            <td key={c.index} class={severity ? `cell-${severity}` : ''} data-column={c.header}>
              {row.cells[c.index] || (severity ? <span class="empty">empty</span> : '')}
            </td>
          );
        })
      )}
    </tr>
  );
}

export function StatusBadge(props: { status: ValidatedRow['status'] }) {
  switch (props.status) {
    case 'valid':
      return <span class="badge ok">Valid</span>;
    case 'warning':
      return <span class="badge warn">Warning</span>;
    default:
      return <span class="badge error">Error</span>;
  }
}

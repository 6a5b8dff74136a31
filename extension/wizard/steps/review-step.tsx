// Step 3, Review: the one model of what will happen (rowOutcomes), as a grid: counts of rows sent as they are, sent
// with warnings and not sent; each row's cells with their issues marked (infos, the normalizations, only on the cell);
// each message beside its row, saying its column once; the first error in view. Values are shown as text.
import type { ComponentChildren, Ref } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { ERROR_COLUMN, ORIGINAL_ROW_COLUMN } from '../../../shared/push/results-csv.ts';
import type { RowOutcome, RowOutcomes } from '../../../shared/push/row-outcomes.ts';
import type { Question, RowChoice } from '../../../shared/push/types.ts';
import { issueText, rowByNumber, withoutRowPrefix, type Issue, type ValidatedRow, type ValidationReport } from '../../../shared/validate/index.ts';
import { countOf, formatCount } from '../../ui/count.ts';
import { Notice } from '../../ui/notice.tsx';
import { PAGE_SIZE, Pager } from '../../ui/pager.tsx';
import { StatTiles } from '../../ui/stat-tiles.tsx';
import { NotImportedIssues, isColumnLeftOut } from './not-imported-issues.tsx';
import { useFirstInView } from './first-in-view.ts';
import { useGridFocus } from './grid-focus.ts';
import { ReviewCell, type CellMark } from './review-cell.tsx';
import { RowQuestion } from './row-question.tsx';

export function ReviewStep(props: {
  report: ValidationReport; outcomes: RowOutcomes; checking: boolean; clientsToCreate: string[];
  /** Headers of the file's columns that hold no value (left out without a word, as on the mapping step). */
  emptyColumns: ReadonlySet<string>;
  /** Cells fixed in the grid, as "row:column index". */
  edited: ReadonlySet<string>;
  onEdit: (row: number, column: number, value: string) => void;
  choices: Readonly<Record<number, RowChoice>>;
  onChoose: (row: number, choice: RowChoice | null) => void;
  /** Tools over the whole grid (find and replace), above its filter. */
  children?: ComponentChildren;
}) {
  const { report, outcomes } = props;
  const { counts } = outcomes;
  const [onlyIssues, setOnlyIssues] = useState(counts.warnings + counts.errors > 0);
  const [page, setPage] = useState(0);
  const columns = gridColumns(report);
  // found by number for the rows shown, not indexed: a report may hold 100,000 rows
  const cellsOf = (row: number) => rowByNumber(report.rows, row)?.cells;
  const rows = useMemo(() => (onlyIssues ? outcomes.rows.filter((r) => r.status !== 'valid') : outcomes.rows), [outcomes, onlyIssues]);
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  // A failures file brought back ("Fix and re-import"): each row's error from the push shows beside it.
  const lastErrorAt = report.headers.indexOf(ERROR_COLUMN);
  const lastError = (row: number) => (lastErrorAt >= 0 ? cellsOf(row)?.[lastErrorAt]?.trim() ?? '' : '');
  // the failures file's own columns (its error, the original row) are no data left out
  const ownColumn = (i: Issue) => lastErrorAt >= 0 && (i.column === ERROR_COLUMN || i.column === ORIGINAL_ROW_COLUMN);
  const columnsLeftOut = outcomes.fileIssues.filter((i) => isColumnLeftOut(i) && !ownColumn(i));
  const anyIssues = shown.some((r) => r.issues.length > 0 || lastError(r.row) !== '' || props.choices[r.row] !== undefined);
  const firstError = useFirstInView(shown, (r) => r.status === 'error');
  const focus = useGridFocus(shown);
  // Questions asked stay answerable once answered (the answered row has none left): kept by row.
  const asked = useRef(new Map<number, Question>()).current;
  for (const row of shown) if (row.question) asked.set(row.row, row.question);

  return (
    <div class="stack" aria-busy={props.checking}>
      <StatTiles
        stats={[
          { label: 'rows', value: counts.records, testId: 'count-records' },
          { label: 'ready', value: counts.valid, tone: 'ok', testId: 'count-valid' },
          { label: 'with warnings', value: counts.warnings, tone: 'warn', testId: 'count-warnings' },
          { label: 'not sent (errors)', value: counts.errors, tone: 'error', testId: 'count-errors' },
        ]}
      />
      <p class="muted small" data-testid="review-summary">
        {summaryLine(outcomes)}
      </p>
      {outcomes.fileIssues.filter((i) => !isColumnLeftOut(i) && !ownColumn(i)).map((i) => (
        <Notice key={i.code + i.message} kind={i.severity === 'error' ? 'error' : i.severity === 'warning' ? 'warning' : 'info'}>{i.message}</Notice>
      ))}
      <NotImportedIssues issues={columnsLeftOut} emptyColumns={props.emptyColumns} />
      {props.clientsToCreate.length > 0 && (
        <Notice kind="info" title={`${countOf(props.clientsToCreate.length, 'client')} not in Pivor will be created first`} testId="clients-to-create">
          {props.clientsToCreate.join(', ')}. Their rows are checked as linked to them.
        </Notice>
      )}
      <p class="muted small">
        Fix any cell here: select it (the arrow keys move between cells) and press Enter or F2 (or double-click), type, and press Enter. The rows are checked again at once,
        and what is sent is the corrected data.{counts.errors > 0 ? ' Rows with errors are not sent.' : ''}
      </p>
      {props.children}
      <div class="row">
        <label class="choice">
          <input type="checkbox" checked={onlyIssues} onChange={(e) => { setOnlyIssues(e.currentTarget.checked); setPage(0); }} data-testid="only-issues" />
          Only rows with warnings or errors
        </label>
        <div class="spacer" />
        <Pager page={page} total={rows.length} onPage={setPage} />
      </div>
      <div class="table-wrap review-table-wrap">
        <table class="review-table" ref={focus.table} onKeyDown={focus.onKeyDown}>
          <thead>
            <tr>
              <th scope="col" class="num">Row</th>
              <th scope="col">Status</th>
              {anyIssues && <th scope="col" class="issues-col">Issues</th>}
              {columns.map((c) => <th key={c.index} scope="col">{c.header}</th>)}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <ReviewRow key={row.row} row={row} cells={cellsOf(row.row) ?? []} columns={columns} issuesColumn={anyIssues}
                rowRef={row === firstError.row ? firstError.ref : undefined} edited={props.edited} lastError={lastError(row.row)}
                onEdit={(column, value) => props.onEdit(row.row, column, value)} focus={focus}
                question={row.question ?? (props.choices[row.row] ? asked.get(row.row) : undefined)}
                choice={props.choices[row.row]} onChoose={(choice) => props.onChoose(row.row, choice)} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The grid's columns: those the mapping imports. */
export function gridColumns(report: ValidationReport) {
  return report.mapping.columns.filter((c) => c.field !== null);
}

/** "12 to create, 3 to update, 40 unchanged, 2 not sent; 310 values normalized." */
function summaryLine(outcomes: RowOutcomes): string {
  const c = outcomes.counts;
  const parts = [`${formatCount(c.create)} to create`, `${formatCount(c.update)} to update`, `${formatCount(c.unchanged)} unchanged`];
  if (c.held) parts.push(`${formatCount(c.held)} already in Pivor`);
  if (c.skip) parts.push(`${formatCount(c.skip)} skipped`);
  const normalized = c.normalized ? `; ${countOf(c.normalized, 'row has', 'rows have')} values written Pivor’s way (marked on their cells)` : '';
  return `${parts.join(', ')}${normalized}.`;
}

function ReviewRow(props: {
  row: RowOutcome; cells: string[]; columns: { index: number; header: string }[]; issuesColumn: boolean;
  rowRef: Ref<HTMLTableRowElement> | undefined; edited: ReadonlySet<string>; onEdit: (column: number, value: string) => void;
  /** What Pivor answered this row when it was last pushed (a failures file), if anything. */
  lastError: string;
  question: Question | undefined;
  choice: RowChoice | undefined;
  onChoose: (choice: RowChoice | null) => void;
  focus: Pick<ReturnType<typeof useGridFocus>, 'onCellFocus' | 'tabbable'>;
}) {
  const { row, focus } = props;
  const byColumn = cellLevels(row.issues);
  return (
    <tr class={`status-${row.status}`} data-testid={`review-row-${row.row}`} data-action={row.action} ref={props.rowRef}>
      <td class="num">{row.row}</td>
      <td><StatusBadge status={row.status} /></td>
      {props.issuesColumn && <td class="issues-col">
        {props.lastError && <div class="last-error" data-testid="last-error">Last push: {issueText({ row: 0, column: null, message: withoutRowPrefix(props.lastError) })}</div>}
        {row.issues.length > 0 && (
          <ul class="issue-list">
            {row.issues.map((issue, i) => (
              <li key={i} class={issue.severity}>{issue.column ? <span class="issue-column">{issue.column}: </span> : null}{issueText(issue)}</li>
            ))}
          </ul>
        )}
        {props.question && <RowQuestion row={row.row} question={props.question} choice={props.choice} onChoose={props.onChoose} />}
      </td>}
      {props.cells.length === 0 ? (
        <td colSpan={props.columns.length} class="muted">(the row could not be read)</td>
      ) : (
        props.columns.map((c, i) => (
          <ReviewCell key={c.index} row={row.row} column={c} text={props.cells[c.index] ?? ''} mark={byColumn.get(c.header)}
            edited={props.edited.has(`${row.row}:${c.index}`)} onEdit={(value) => props.onEdit(c.index, value)}
            tabbable={focus.tabbable(row.row, c.index, i === 0)} onFocus={() => focus.onCellFocus(row.row, c.index)} />
        ))
      )}
    </tr>
  );
}

/** Per column, the most serious issue on its cell (error over warning over info) and all its messages, for a tooltip. */
function cellLevels(issues: readonly Issue[]): Map<string, CellMark> {
  const rank = { info: 0, warning: 1, error: 2 };
  const byColumn = new Map<string, CellMark>();
  for (const issue of issues) {
    if (issue.column === null) continue;
    const seen = byColumn.get(issue.column);
    const text = seen ? `${seen.text}\n${issueText(issue)}` : issueText(issue);
    const severity = seen && rank[seen.severity] >= rank[issue.severity] ? seen.severity : issue.severity;
    byColumn.set(issue.column, { severity, text });
  }
  return byColumn;
}

export function StatusBadge(props: { status: ValidatedRow['status'] }) {
  switch (props.status) {
    case 'valid':
      return <span class="badge ok">Ready</span>;
    case 'warning':
      return <span class="badge warn">Warning</span>;
    default:
      return <span class="badge error">Not sent</span>;
  }
}

// Step 6, Results: one outcome per row, the failures CSV (original columns plus the error) and the results CSV
// (with the new ids) to download.
import { useState } from 'preact/hooks';
import type { Outcome, PushResult, RowResult } from '../../../shared/push/types.ts';
import { issueText } from '../../../shared/validate/index.ts';
import { Notice } from '../../ui/notice.tsx';
import { PAGE_SIZE, Pager } from '../../ui/pager.tsx';
import { StatTiles } from '../../ui/stat-tiles.tsx';

export function ResultsStep(props: {
  result: PushResult;
  onDownloadFailures: () => void;
  onDownloadResults: () => void;
  /** Opens the rows that failed or were skipped in the review grid, with their errors, to fix and send again. */
  onFixFailures: () => void;
  onAnother: () => void;
}) {
  const { counts, stopped } = props.result;
  const problems = counts.failed + counts.skipped;
  const [onlyProblems, setOnlyProblems] = useState(problems > 0);
  const [page, setPage] = useState(0);
  const rows = onlyProblems ? props.result.results.filter((r) => r.outcome === 'failed' || r.outcome === 'skipped') : props.result.results;
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <div class="stack">
      {stopped ? (
        <Notice kind="warning" title="The push stopped before the end" testId="push-stopped">
          {stopped === 'cancelled' ? 'You cancelled it.' : stopped} Rows not sent are listed as skipped; import the file again to send them.
        </Notice>
      ) : problems === 0 ? (
        <Notice kind="success" title="Import complete" testId="push-complete">Every row is in Pivor.</Notice>
      ) : (
        <Notice kind="warning" title="Import complete, with rows that did not go through" testId="push-complete">
          Fix them here (“Fix and re-import” opens them in the review grid with their errors), or download them as a CSV file.
        </Notice>
      )}
      <StatTiles
        stats={[
          { label: 'created', value: counts.created, tone: 'accent', testId: 'result-created' },
          { label: 'updated', value: counts.updated, tone: 'accent', testId: 'result-updated' },
          { label: 'unchanged', value: counts.unchanged, tone: 'ok', testId: 'result-unchanged' },
          { label: 'failed or skipped', value: problems, tone: problems ? 'error' : 'plain', testId: 'result-problems' },
        ]}
      />
      <div class="row">
        <button type="button" class={problems > 0 ? '' : 'primary'} onClick={props.onDownloadResults}>Download results CSV</button>
        {problems > 0 && <button type="button" class="primary" onClick={props.onFixFailures} data-testid="fix-failures">Fix and re-import</button>}
        <button type="button" onClick={props.onDownloadFailures} disabled={problems === 0}>Download failures CSV</button>
        <div class="spacer" />
        <button type="button" class="ghost" onClick={props.onAnother}>Import another file</button>
      </div>
      <div class="row">
        <label class="choice">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => { setOnlyProblems(e.currentTarget.checked); setPage(0); }} />
          Only rows that failed or were skipped
        </label>
        <div class="spacer" />
        <Pager page={page} total={rows.length} onPage={setPage} />
      </div>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">Row</th>
              <th scope="col">Outcome</th>
              <th scope="col" class="num">Id</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => <ResultRow key={`${r.row ?? 'd'}-${i}`} result={r} />)}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ResultRow(props: { result: RowResult }) {
  const r = props.result;
  return (
    <tr data-testid={r.row !== null ? `result-row-${r.row}` : undefined}>
      <td class="num">{r.row ?? '—'}</td>
      <td><OutcomeBadge outcome={r.outcome} /></td>
      <td class="num">{r.id ?? ''}</td>
      <td>{message(r)}</td>
    </tr>
  );
}

/** The row's message saying its column once, first, and not its row (the table's first cell says it). */
function message(r: RowResult): string {
  const raw = r.message ?? '';
  const column = r.column ?? /\(column (.+)\)\.?$/.exec(raw)?.[1] ?? null;
  const text = issueText({ row: r.row ?? 0, column, message: raw });
  return column ? `${column}: ${text}` : text;
}

function OutcomeBadge(props: { outcome: Outcome }) {
  const tone: Record<Outcome, string> = { created: 'accent', updated: 'accent', unchanged: 'ok', deleted: 'warn', skipped: 'warn', failed: 'error' };
  const label = props.outcome[0]!.toUpperCase() + props.outcome.slice(1);
  return <span class={`badge ${tone[props.outcome]}`}>{label}</span>;
}

// Step 4, Plan: what will happen before anything is sent, from the one model Review counted (rowOutcomes): N creates,
// M updates named by their record with the changed fields by label, K unchanged, and the rows not sent with why.
import type { Ref } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { LabelledChange, RowOutcome, RowOutcomes } from '../../../shared/push/row-outcomes.ts';
import type { Plan, PlannedAction } from '../../../shared/push/types.ts';
import { issueText, rowByNumber } from '../../../shared/validate/index.ts';
import { getResource } from '../../../shared/resources/index.ts';
import { countOf, formatCount } from '../../ui/count.ts';
import { Notice } from '../../ui/notice.tsx';
import { PAGE_SIZE, Pager } from '../../ui/pager.tsx';
import { StatTiles } from '../../ui/stat-tiles.tsx';
import { useFirstInView } from './first-in-view.ts';

type Filter = 'update' | 'create' | 'duplicate' | 'skip' | 'unchanged';
const FILTERS: Filter[] = ['update', 'create', 'duplicate', 'skip', 'unchanged'];

export function PlanStep(props: { plan: Plan; outcomes: RowOutcomes; done: ReadonlyMap<number, number>; resumed: boolean; missingClients: string[] }) {
  const { plan, outcomes } = props;
  const spec = getResource(plan.resource);
  // rows that will not be sent come first, as Review's errors do: the first of them in view
  const firstWithRows = plan.counts.skip > 0 ? 'skip' : FILTERS.find((f) => plan.counts[f] > 0) ?? 'create';
  const [filter, setFilter] = useState<Filter>(firstWithRows);
  const [page, setPage] = useState(0);
  const actions = useMemo(() => plan.actions.filter((a) => a.kind === filter), [plan, filter]);
  const shown = actions.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const firstSkipped = useFirstInView(shown, (a) => a.kind === 'skip');
  const sending = plan.counts.create - props.done.size + plan.counts.update + plan.counts.delete;

  return (
    <div class="stack">
      <StatTiles
        stats={[
          { label: `to create`, value: outcomes.counts.create - props.done.size, tone: 'accent', testId: 'plan-create' },
          { label: `to update`, value: outcomes.counts.update, tone: 'accent', testId: 'plan-update' },
          { label: 'unchanged', value: outcomes.counts.unchanged, tone: 'ok', testId: 'plan-unchanged' },
          ...(outcomes.counts.held > 0 ? [{ label: 'already in Pivor', value: outcomes.counts.held, tone: 'warn' as const, testId: 'plan-duplicate' }] : []),
          { label: 'skipped', value: outcomes.counts.skip, tone: outcomes.counts.skip ? 'error' : 'plain', testId: 'plan-skip' },
          ...(props.done.size > 0 ? [{ label: 'created before', value: props.done.size, tone: 'ok' as const, testId: 'plan-done' }] : []),
        ]}
      />
      {props.resumed && (
        <Notice kind="info" title="Resuming an interrupted import">
          Rows already created by the interrupted push are not sent again.
        </Notice>
      )}
      {props.missingClients.length > 0 && (
        <Notice kind="info" title={`${countOf(props.missingClients.length, 'new client')} will be created first`} testId="plan-missing-clients">
          {props.missingClients.join(', ')}
        </Notice>
      )}
      {plan.warnings.map((w) => <Notice key={w} kind="warning">{w}</Notice>)}
      {sending === 0 && <Notice kind="success" title="Nothing to send" testId="nothing-to-send">Pivor already holds every valid row of this file.</Notice>}
      <div class="segmented plan-filter" role="radiogroup" aria-label="Show">
        {FILTERS.map((f) => (
          <label key={f}>
            <input type="radio" name="plan-filter" checked={filter === f} onChange={() => { setFilter(f); setPage(0); }} />
            {filterLabel(f)} ({formatCount(plan.counts[f])})
          </label>
        ))}
      </div>
      <Pager page={page} total={actions.length} onPage={setPage} noun={spec.name} />
      <div class="table-wrap">
        <table class="plan-table">
          <thead>
            <tr>
              <th scope="col" class="num">Row</th>
              <th scope="col">Action</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a, i) => (
              <PlanRow key={`${a.row ?? 'd'}-${i}`} action={a} outcome={a.row !== null ? rowByNumber(outcomes.rows, a.row) : undefined}
                rowRef={a === firstSkipped.row ? firstSkipped.ref : undefined}
                doneId={a.row !== null ? props.done.get(a.row) : undefined} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function filterLabel(f: Filter): string {
  return { update: 'Updates', create: 'Creates', duplicate: 'Already in Pivor', skip: 'Skipped', unchanged: 'Unchanged' }[f];
}

function PlanRow(props: { action: PlannedAction; outcome: RowOutcome | undefined; doneId: number | undefined; rowRef: Ref<HTMLTableRowElement> | undefined }) {
  const a = props.action;
  return (
    <tr data-testid={a.row !== null ? `plan-row-${a.row}` : undefined} ref={props.rowRef}>
      <td class="num">{a.row ?? '—'}</td>
      <td>{props.doneId !== undefined ? <span class="badge ok">Created before #{props.doneId}</span> : actionBadge(a)}</td>
      <td>{props.doneId !== undefined ? <span class="muted">An earlier import of this file created it: not sent again.</span> : details(a, props.outcome)}</td>
    </tr>
  );
}

function actionBadge(a: PlannedAction) {
  switch (a.kind) {
    case 'create':
      return <span class="badge accent">Create</span>;
    case 'update':
      return <span class="badge accent">Update</span>;
    case 'unchanged':
      return <span class="badge ok">Unchanged</span>;
    case 'delete':
      return <span class="badge error">Delete #{a.id}</span>;
    case 'skip':
      return <span class="badge error">Skip</span>;
    case 'duplicate':
      return <span class="badge warn">Not created</span>;
  }
}

function details(a: PlannedAction, outcome: RowOutcome | undefined) {
  switch (a.kind) {
    case 'create':
      return (
        <span>
          {summary(a.body)}
          {a.notices.map((n) => <div key={n} class="muted small">{n}</div>)}
        </span>
      );
    case 'update':
      return (
        <span>
          <span class="record-name">{a.name}</span>
          <ul class="changes">{(outcome?.changes ?? a.changes.map((c) => ({ ...c, label: c.field }))).map((c) => <Change key={c.field} change={c} />)}</ul>
        </span>
      );
    case 'unchanged':
      return <span><span class="record-name">{a.name}</span> <span class="muted">same as in Pivor</span></span>;
    case 'delete':
      return <span>{a.label}</span>;
    case 'skip':
      return <NotSent outcome={outcome} fallback={a.reason} />;
    case 'duplicate':
      return <span>{summary(a.body)}<div class="muted small">{a.reason}</div></span>;
  }
}

/** Why a row is not sent: its errors, each naming its column once (the row is in its own cell). */
function NotSent(props: { outcome: RowOutcome | undefined; fallback: string }) {
  const errors = props.outcome?.issues.filter((i) => i.severity === 'error') ?? [];
  if (errors.length === 0) return <span class="skip-reason">{props.fallback}</span>;
  return (
    <ul class="issue-list skip-reason">
      {errors.map((i, n) => <li key={n} class="error">{i.column ? <span class="issue-column">{i.column}: </span> : null}{issueText(i)}</li>)}
    </ul>
  );
}

function Change(props: { change: LabelledChange }) {
  const { label, from, to } = props.change;
  return (
    <li>
      <span class="field-name">{label}</span> <del>{shown(from)}</del> <span aria-hidden="true">→</span>
      <span class="visually-hidden">becomes</span> <ins>{shown(to)}</ins>
    </li>
  );
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function summary(body: Record<string, unknown>): string {
  const name = [body.name, body.first_name, body.last_name, body.subject].filter((v) => typeof v === 'string' && v).join(' ');
  const email = typeof body.email === 'string' ? body.email : '';
  return [name, email].filter(Boolean).join(' · ') || countOf(Object.keys(body).length, 'field');
}

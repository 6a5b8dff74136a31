// Step 4, Plan: what will happen before anything is sent: N creates, M updates with the changed fields,
// K unchanged, and the rows that will be skipped with the reason.
import { useState } from 'preact/hooks';
import type { FieldChange, Plan, PlannedAction } from '../../../shared/push/types.ts';
import { getResource } from '../../../shared/resources/index.ts';
import { Notice } from '../../ui/notice.tsx';
import { PAGE_SIZE, Pager } from '../../ui/pager.tsx';
import { StatTiles } from '../../ui/stat-tiles.tsx';

type Filter = 'update' | 'create' | 'duplicate' | 'skip' | 'unchanged';
const FILTERS: Filter[] = ['update', 'create', 'duplicate', 'skip', 'unchanged'];

export function PlanStep(props: { plan: Plan; done: ReadonlyMap<number, number>; resumed: boolean; missingClients: string[] }) {
  const { plan } = props;
  const spec = getResource(plan.resource);
  const firstWithRows = FILTERS.find((f) => plan.counts[f] > 0) ?? 'create';
  const [filter, setFilter] = useState<Filter>(firstWithRows);
  const [page, setPage] = useState(0);
  const actions = plan.actions.filter((a) => a.kind === filter);
  const shown = actions.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const sending = plan.counts.create - props.done.size + plan.counts.update + plan.counts.delete;

  return (
    <div class="stack">
      <StatTiles
        stats={[
          { label: `to create`, value: plan.counts.create - props.done.size, tone: 'accent', testId: 'plan-create' },
          { label: `to update`, value: plan.counts.update, tone: 'accent', testId: 'plan-update' },
          { label: 'unchanged', value: plan.counts.unchanged, tone: 'ok', testId: 'plan-unchanged' },
          ...(plan.counts.duplicate > 0 ? [{ label: 'already in Pivor', value: plan.counts.duplicate, tone: 'warn' as const, testId: 'plan-duplicate' }] : []),
          { label: 'skipped', value: plan.counts.skip, tone: plan.counts.skip ? 'error' : 'plain', testId: 'plan-skip' },
          ...(props.done.size > 0 ? [{ label: 'created before', value: props.done.size, tone: 'ok' as const, testId: 'plan-done' }] : []),
        ]}
      />
      {props.resumed && (
        <Notice kind="info" title="Resuming an interrupted import">
          Rows already created by the interrupted push are not sent again.
        </Notice>
      )}
      {props.missingClients.length > 0 && (
        <Notice kind="info" title={`${props.missingClients.length} new ${props.missingClients.length === 1 ? 'client' : 'clients'} will be created first`} testId="plan-missing-clients">
          {props.missingClients.join(', ')}
        </Notice>
      )}
      {plan.warnings.map((w) => <Notice key={w} kind="warning">{w}</Notice>)}
      {sending === 0 && <Notice kind="success" title="Nothing to send" testId="nothing-to-send">Pivor already holds every valid row of this file.</Notice>}
      <div class="segmented plan-filter" role="radiogroup" aria-label="Show">
        {FILTERS.map((f) => (
          <label key={f}>
            <input type="radio" name="plan-filter" checked={filter === f} onChange={() => { setFilter(f); setPage(0); }} />
            {filterLabel(f)} ({plan.counts[f]})
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
            {shown.map((a, i) => <PlanRow key={`${a.row ?? 'd'}-${i}`} action={a} doneId={a.row !== null ? props.done.get(a.row) : undefined} />)}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function filterLabel(f: Filter): string {
  return { update: 'Updates', create: 'Creates', duplicate: 'Already in Pivor', skip: 'Skipped', unchanged: 'Unchanged' }[f];
}

function PlanRow(props: { action: PlannedAction; doneId: number | undefined }) {
  const a = props.action;
  return (
    <tr data-testid={a.row !== null ? `plan-row-${a.row}` : undefined}>
      <td class="num">{a.row ?? '—'}</td>
      <td>{props.doneId !== undefined ? <span class="badge ok">Created before #{props.doneId}</span> : actionBadge(a)}</td>
      <td>{props.doneId !== undefined ? <span class="muted">An earlier import of this file created it: not sent again.</span> : details(a)}</td>
    </tr>
  );
}

function actionBadge(a: PlannedAction) {
  switch (a.kind) {
    case 'create':
      return <span class="badge accent">Create</span>;
    case 'update':
      return <span class="badge accent">Update #{a.id}</span>;
    case 'unchanged':
      return <span class="badge ok">Unchanged #{a.id}</span>;
    case 'delete':
      return <span class="badge error">Delete #{a.id}</span>;
    case 'skip':
      return <span class="badge error">Skip</span>;
    case 'duplicate':
      return <span class="badge warn">Not created</span>;
  }
}

function details(a: PlannedAction) {
  switch (a.kind) {
    case 'create':
      return (
        <span>
          {summary(a.body)}
          {a.notices.map((n) => <div key={n} class="muted small">{n}</div>)}
        </span>
      );
    case 'update':
      return <ul class="changes">{a.changes.map((c) => <Change key={c.field} change={c} />)}</ul>;
    case 'unchanged':
      return <span class="muted">Same as in Pivor</span>;
    case 'delete':
      return <span>{a.label}</span>;
    case 'skip':
      return <span class="skip-reason">{a.column ? `${a.column}: ` : ''}{a.reason}</span>;
    case 'duplicate':
      return <span>{summary(a.body)}<div class="muted small">{a.reason}</div></span>;
  }
}

function Change(props: { change: FieldChange }) {
  const { field, from, to } = props.change;
  return (
    <li>
      <span class="field-name">{field}</span> <del>{shown(from)}</del> <span aria-hidden="true">→</span>
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
  return [name, email].filter(Boolean).join(' · ') || `${Object.keys(body).length} fields`;
}

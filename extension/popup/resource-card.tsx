// One Pivor resource in the popup: export it as CSV (optionally filtered), download its template, or import a file.
import { useRef, useState } from 'preact/hooks';
import { getResource, type ResourceName } from '../../shared/resources/index.ts';
import { Notice } from '../ui/notice.tsx';
import { formatCount } from '../ui/count.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { exportResource, downloadTemplate, type ExportFilters } from '../lib/export-resource.ts';
import { errorMessage } from '../lib/pivor-session.ts';
import { openWizard } from '../lib/open-wizard.ts';
import type { Session } from '../storage/session-store.ts';

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number | null; retrying?: string }
  | { kind: 'done'; fileName: string; rows: number; nameConfirmed: boolean; complete: boolean; notices: string[] }
  | { kind: 'failed'; message: string };

export function ResourceCard(props: { resource: ResourceName; session: Session; onUnauthenticated: () => void }) {
  const spec = getResource(props.resource);
  const statuses = spec.fields.find((f) => f.key === 'status')?.enum?.db ?? [];
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const [filters, setFilters] = useState<ExportFilters>({ status: '', search: '' });
  const abort = useRef<AbortController | null>(null);
  const id = `res-${props.resource}`;

  const runExport = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', done: 0, total: null });
    try {
      const result = await exportResource(props.session, props.resource, filters, {
        signal: controller.signal,
        onProgress: (done, total) => setState({ kind: 'running', done, total }),
        onRetry: (message) => setState((s) => (s.kind === 'running' ? { ...s, retrying: message } : s)),
      });
      setState({ kind: 'done', ...result });
    } catch (e) {
      if (controller.signal.aborted) return setState({ kind: 'idle' });
      if ((e as { kind?: string }).kind === 'unauthenticated') props.onUnauthenticated();
      setState({ kind: 'failed', message: errorMessage(e) });
    } finally {
      abort.current = null;
    }
  };

  const template = async () => {
    try {
      await downloadTemplate(props.resource);
    } catch (e) {
      setState({ kind: 'failed', message: errorMessage(e) });
    }
  };

  const running = state.kind === 'running';
  return (
    <section class="card resource" aria-labelledby={`${id}-title`} data-testid={`resource-${props.resource}`}>
      <div class="row">
        <h2 id={`${id}-title`}>{spec.title}</h2>
        <div class="spacer" />
        <button type="button" class="ghost small" onClick={template} title={`Download an empty ${spec.singular} template`}>
          Template
        </button>
      </div>
      <details class="filters">
        <summary>Export filters</summary>
        <div class="filter-grid">
          <div class="field">
            <label for={`${id}-status`}>Status</label>
            <select id={`${id}-status`} value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.currentTarget.value })}>
              <option value="">Any status</option>
              {statuses.map((s) => <option key={s} value={s}>{s.replace(/_/g, ' ')}</option>)}
            </select>
          </div>
          <div class="field">
            <label for={`${id}-search`}>Search</label>
            <input id={`${id}-search`} type="search" placeholder="Name, email…" value={filters.search}
              onInput={(e) => setFilters({ ...filters, search: e.currentTarget.value })} />
          </div>
        </div>
      </details>
      <div class="row actions">
        {running ? (
          <button type="button" onClick={() => abort.current?.abort()}>Cancel export</button>
        ) : (
          <button type="button" class="primary" onClick={runExport}>Export CSV</button>
        )}
        <button type="button" onClick={() => openWizard(props.resource)}>Import CSV</button>
      </div>
      {state.kind === 'running' && (
        <ProgressBar label={`Exporting ${spec.title.toLowerCase()}`} done={state.done} total={state.total} {...(state.retrying ? { detail: state.retrying } : {})} />
      )}
      {state.kind === 'done' && (
        <Notice kind={state.complete ? 'success' : 'warning'} testId={`export-done-${props.resource}`}
          {...(state.complete ? {} : { title: 'Export incomplete: ' })}>
          {state.nameConfirmed ? 'Saved' : 'Saving'} <span data-testid={`export-file-${props.resource}`}>{state.fileName}</span>{' '}
          ({formatCount(state.rows)} {state.rows === 1 ? spec.singular : spec.name}){state.nameConfirmed ? '' : '; Chrome has not confirmed its name yet'}.
          {state.notices.length > 0 && <ul>{state.notices.map((notice) => <li key={notice}>{notice}</li>)}</ul>}
        </Notice>
      )}
      {state.kind === 'failed' && <Notice kind="error" testId={`export-error-${props.resource}`}>{state.message}</Notice>}
    </section>
  );
}

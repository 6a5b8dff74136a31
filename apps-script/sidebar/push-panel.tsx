// Push: review what the sheet would change (nothing is sent), confirm deletes one by one in a list, then
// send in slices with a progress bar and Cancel. Ends with what happened, and the conflicts: records
// someone changed in Pivor since the pull, left alone, which can be re-pulled.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ProgressBar, count } from './progress-bar.tsx';
import { call, messageOf, ServerError } from './server.ts';
import type { PushProgress, PushRun, PushSummary, SheetEntry } from './types.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reviewing' }
  | { kind: 'reviewed'; summary: PushSummary }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'finished'; run: PushRun; stopped: string | null };

export function PushPanel(props: {
  sheets: SheetEntry[];
  selected: number | null;
  autoReview: boolean;
  onSignedOut: (error: ServerError) => void;
}) {
  const [sheetId, setSheetId] = useState<number | null>(props.selected ?? props.sheets[0]?.sheetId ?? null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState('');
  const [deleteChosen, setDeleteChosen] = useState<Set<number>>(new Set());
  // Rows held back as look-alikes that the user ticked to create anyway (sheet row numbers).
  const [createChosen, setCreateChosen] = useState<Set<number>>(new Set());
  const cancelled = useRef(false);
  // The last push this sidebar ran: a review after it stopped goes on with it, not beside it.
  const lastToken = useRef<string | null>(null);

  useEffect(() => {
    if (props.selected !== null) setSheetId(props.selected);
  }, [props.selected]);
  useEffect(() => {
    if (props.autoReview && props.selected !== null) void review(props.selected);
  }, [props.autoReview, props.selected]);

  const fail = (err: unknown) => {
    if (err instanceof ServerError && err.kind === 'unauthenticated') props.onSignedOut(err);
    setError(messageOf(err));
  };

  const review = async (id = sheetId, sendNonAsciiNames = false) => {
    if (id === null) return;
    setError('');
    setPhase({ kind: 'reviewing' });
    try {
      const summary = await call<PushSummary>('pushPrepare', id, lastToken.current, sendNonAsciiNames);
      setDeleteChosen(new Set());
      setCreateChosen(new Set());
      setPhase({ kind: 'reviewed', summary });
    } catch (err) {
      fail(err);
      setPhase({ kind: 'idle' });
    }
  };

  const push = async (summary: PushSummary) => {
    cancelled.current = false;
    setError('');
    let run = summary.run;
    lastToken.current = run.token;
    const ids = [...deleteChosen];
    const creates = summary.lookAlikes.filter((l) => createChosen.has(l.row)).map(({ row, key }) => ({ row, key }));
    setPhase({ kind: 'running', done: 0, total: run.total + ids.length + creates.length });
    try {
      let progress = await call<PushProgress>('pushStart', run, ids, creates);
      for (;;) {
        run = progress.run;
        setPhase({ kind: 'running', done: progress.done, total: progress.total });
        if (progress.finished) break;
        if (progress.stopped) {
          setError(`The push stopped: ${progress.stopped}. Nothing was lost: push again to go on.`);
          break;
        }
        if (cancelled.current) {
          progress = await call<PushProgress>('pushCancel', run);
          run = progress.run;
          break;
        }
        progress = await call<PushProgress>('pushSlice', run);
      }
      setPhase({ kind: 'finished', run, stopped: progress.stopped });
    } catch (err) {
      fail(err);
      setPhase({ kind: 'finished', run, stopped: messageOf(err) });
    }
  };

  const repull = async (run: PushRun) => {
    setError('');
    try {
      const ids = run.conflicts.map((c) => c.id);
      const result = await call<{ repulled: number; gone: number[] }>('repullRows', run.sheetId, ids);
      setPhase({ kind: 'finished', run: { ...run, conflicts: [] }, stopped: null });
      setError(result.gone.length ? `${result.gone.length} of them were deleted in Pivor.` : '');
    } catch (err) {
      fail(err);
    }
  };

  if (props.sheets.length === 0) {
    return (
      <section class="card" aria-label="Push">
        <h2>Push changes</h2>
        <p class="hint">Pull a resource or import a CSV file first: Push sends the changes made in those sheets.</p>
      </section>
    );
  }

  return (
    <section class="card" aria-label="Push">
      <h2>Push changes</h2>
      <label>
        Sheet
        <select value={sheetId ?? ''} disabled={phase.kind === 'running'} onChange={(e) => { setSheetId(Number(e.currentTarget.value)); setPhase({ kind: 'idle' }); }}>
          {props.sheets.map((s) => <option value={s.sheetId}>{s.name} ({s.resource})</option>)}
        </select>
      </label>
      {(phase.kind === 'idle' || phase.kind === 'reviewing') && (
        <button class="primary" type="button" disabled={phase.kind === 'reviewing'} onClick={() => review()}>
          {phase.kind === 'reviewing' ? 'Checking the sheet…' : 'Review changes'}
        </button>
      )}
      {phase.kind === 'reviewed' && (
        <Review
          summary={phase.summary} chosen={deleteChosen} setChosen={setDeleteChosen} createChosen={createChosen} setCreateChosen={setCreateChosen}
          onPush={() => push(phase.summary)} onBack={() => setPhase({ kind: 'idle' })} onSendNonAsciiNames={(send) => review(sheetId, send)}
        />
      )}
      {phase.kind === 'running' && (
        <>
          <ProgressBar label="Pushing" done={phase.done} total={phase.total} />
          <button type="button" onClick={() => { cancelled.current = true; }}>Cancel</button>
        </>
      )}
      {phase.kind === 'finished' && <Finished run={phase.run} stopped={phase.stopped} onRepull={() => repull(phase.run)} onAgain={() => review()} />}
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}

function toggled(set: Set<number>, value: number): Set<number> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

function Review(props: {
  summary: PushSummary; chosen: Set<number>; setChosen: (s: Set<number>) => void; createChosen: Set<number>; setCreateChosen: (s: Set<number>) => void;
  onPush: () => void; onBack: () => void; onSendNonAsciiNames: (send: boolean) => void;
}) {
  const s = props.summary;
  const sending = s.create + s.update + props.chosen.size + props.createChosen.size;
  const toggle = (id: number) => props.setChosen(toggled(props.chosen, id));
  return (
    <div class="review">
      <ul class="counts" aria-label="What the push will do">
        <li><b>{count(s.create)}</b> to create</li>
        <li><b>{count(s.update)}</b> to update</li>
        <li><b>{count(s.unchanged)}</b> unchanged</li>
        <li class={s.errors ? 'error' : ''}><b>{count(s.errors)}</b> with errors{s.errors ? ' (marked in red, not sent)' : ''}</li>
        {s.deletes.length > 0 && <li><b>{count(s.deletes.length)}</b> removed from the sheet (deleted only if ticked below)</li>}
        {s.lookAlikes.length + s.moreLookAlikes > 0 && <li class="warn"><b>{count(s.lookAlikes.length + s.moreLookAlikes)}</b> new, like records already in Pivor (created only if ticked below)</li>}
      </ul>
      {s.warnings.map((w) => <p class="warn">{w}</p>)}
      {s.changes.length > 0 && <Changes summary={s} />}
      {(s.nonAsciiNames > 0 || s.run.sendNonAsciiNames) && <NonAsciiNames count={s.nonAsciiNames} send={!!s.run.sendNonAsciiNames} onChange={props.onSendNonAsciiNames} />}
      {s.lookAlikes.length > 0 && <LookAlikes summary={s} chosen={props.createChosen} setChosen={props.setCreateChosen} />}
      {s.deletes.length > 0 && (
        <fieldset class="deletes">
          <legend>{count(s.deletes.length)} removed from the sheet: delete in Pivor?</legend>
          <ul>
            {s.deletes.map((d) => (
              <li>
                <label><input type="checkbox" checked={props.chosen.has(d.id)} onChange={() => toggle(d.id)} /> {d.label}</label>
              </li>
            ))}
          </ul>
          <button type="button" class="link" onClick={() => props.setChosen(new Set(s.deletes.map((d) => d.id)))}>Tick all</button>
          <p class="hint">Unticked ones are kept in Pivor (pull again to get their rows back).</p>
        </fieldset>
      )}
      <div class="buttons">
        <button class="primary" type="button" disabled={sending === 0} onClick={props.onPush}>
          {sending === 0 ? 'Nothing to send' : `Send ${count(sending)} ${sending === 1 ? 'change' : 'changes'} to Pivor`}
        </button>
        <button type="button" onClick={props.onBack}>Back</button>
      </div>
    </div>
  );
}

/**
 * New rows that look like records already in Pivor (or like an earlier row): held back, as the CLI does
 * without --allow-duplicates. Each can be ticked to create it anyway; "Go to row" shows it.
 */
function LookAlikes(props: { summary: PushSummary; chosen: Set<number>; setChosen: (s: Set<number>) => void }) {
  const s = props.summary;
  const goTo = (row: number) => void call('goToRow', s.run.sheetId, row).catch(() => {});
  return (
    <fieldset class="look-alikes">
      <legend>{count(s.lookAlikes.length + s.moreLookAlikes)} new {s.lookAlikes.length + s.moreLookAlikes === 1 ? 'row looks' : 'rows look'} like records already in Pivor: create anyway?</legend>
      <ul>
        {s.lookAlikes.map((l) => (
          <li>
            <label><input type="checkbox" checked={props.chosen.has(l.row)} onChange={() => props.setChosen(toggled(props.chosen, l.row))} /> Row {l.row}{l.name ? ` · ${l.name}` : ''}: {l.reason}</label>
            <button type="button" class="link" onClick={() => goTo(l.row)}>Go to row {l.row}</button>
          </li>
        ))}
      </ul>
      <button type="button" class="link" onClick={() => props.setChosen(new Set(s.lookAlikes.map((l) => l.row)))}>Tick all</button>
      <p class="hint">
        Unticked ones are not sent; their "Pivor status" says which record they look like. Ticked ones are created as new
        records{s.moreLookAlikes > 0 ? `; the ${count(s.moreLookAlikes)} not listed here stay unticked` : ''}.
      </p>
    </fieldset>
  );
}

/** Each row that will change: its name, and per field what Pivor has now → what it will have; "Go to row". */
function Changes(props: { summary: PushSummary }) {
  const s = props.summary;
  const goTo = (row: number) => void call('goToRow', s.run.sheetId, row).catch(() => {});
  return (
    <details class="changes" open={s.changes.length <= 20}>
      <summary>Rows that will change in Pivor</summary>
      <ul aria-label="Rows that will change in Pivor">
        {s.changes.map((c) => (
          <li>
            <div class="change-head">
              <span>Row {c.row}{c.name ? ` · ${c.name}` : ''}{c.kind === 'create' ? ': new, will be created' : ''}</span>
              <button type="button" class="link" onClick={() => goTo(c.row)}>Go to row {c.row}</button>
            </div>
            {c.fields.length > 0 && (
              <ul class="fields">
                {c.fields.map((f) => <li><span class="field">{f.column}</span>: <del>{f.from}</del> → <ins>{f.to}</ins></li>)}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {s.moreChanges > 0 && <p class="hint">…and {count(s.moreChanges)} more rows: their "Pivor status" cells say what each will do.</p>}
    </details>
  );
}

function Finished(props: { run: PushRun; stopped: string | null; onRepull: () => void; onAgain: () => void }) {
  const c = props.run.counts;
  const heldBack = (props.run.lookAlikes ?? 0) - (props.run.createAnyway?.length ?? 0);
  return (
    <div class="finished" role="status">
      <p class={props.stopped ? 'warn' : 'ok'}>
        {props.stopped === 'cancelled' ? 'Push cancelled. ' : props.stopped ? 'Push stopped. ' : 'Push finished. '}
        {count(c.created)} created, {count(c.updated)} updated, {count(c.deleted)} deleted, {count(c.failed)} failed.
      </p>
      {props.run.invalid > 0 && <p class="warn">{count(props.run.invalid)} {props.run.invalid === 1 ? 'row has' : 'rows have'} errors and {props.run.invalid === 1 ? 'was' : 'were'} not sent: fix the cells marked in red, then push again.</p>}
      {c.failed > 0 && <p class="warn">Pivor refused {count(c.failed)}: the "Pivor status" column says why.</p>}
      {heldBack > 0 && (
        <p class="warn">
          {count(heldBack)} new {heldBack === 1 ? 'row looks' : 'rows look'} like records already in Pivor and {heldBack === 1 ? 'was' : 'were'} not
          created: the "Pivor status" column says which; review again and tick them to create them anyway.
        </p>
      )}
      {props.run.conflicts.length > 0 && (
        <div class="conflicts">
          <p class="warn">{count(props.run.conflicts.length)} changed in Pivor since your pull were left alone:</p>
          <ul>{props.run.conflicts.map((k) => <li>{k.row === null ? `record ${k.id}` : `row ${k.row}`}: {k.message.replace(/^conflict: /, '')}</li>)}</ul>
          <button type="button" onClick={props.onRepull}>Re-pull these rows</button>
        </div>
      )}
      <button type="button" onClick={props.onAgain}>Review again</button>
    </div>
  );
}

/** The explained choice to send contact names Pivor cannot handle; changing it reviews the sheet again. */
function NonAsciiNames(props: { count: number; send: boolean; onChange: (send: boolean) => void }) {
  return (
    <fieldset class="non-ascii-names">
      <legend>{count(props.count)} {props.count === 1 ? 'name' : 'names'} Pivor cannot handle</legend>
      <p class="hint">
        These first or last names start with a character outside plain ASCII (É, Ø, 李…). Pivor saves such a contact but then
        shows a server error on every page holding it, the contacts list included, for everyone, until the name is changed in
        Pivor’s web screens. Unticked, those rows are held back: change their first letter instead.
      </p>
      <label><input type="checkbox" name="send-non-ascii-names" checked={props.send} onChange={(e) => props.onChange(e.currentTarget.checked)} /> Send them anyway</label>
    </fieldset>
  );
}

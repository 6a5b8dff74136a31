// Pull: a resource into its sheet, in slices (each a server call of a few seconds) with a progress bar.
// Cancel stops between slices; the sheet then holds a partial pull and says so. A pull replaces the sheet,
// so when it holds changes never pushed, the panel says which and asks first.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResourceName } from '../../shared/resources/index.ts';
import { ProgressBar, count } from './progress-bar.tsx';
import { PulledSheets } from './pulled-sheets.tsx';
import { call, messageOf, ServerError } from './server.ts';
import type { PullProgress, SheetEntry, UnpushedChanges } from './types.ts';

const RESOURCES: { name: ResourceName; title: string }[] = [
  { name: 'clients', title: 'Clients' },
  { name: 'contacts', title: 'Contacts' },
  { name: 'communications', title: 'Communications' },
];

export function PullPanel(props: { sheets: SheetEntry[]; timeZone: string; onDone: () => void; onSignedOut: (error: ServerError) => void }) {
  const [running, setRunning] = useState<{ title: string; done: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error' | 'warn'; text: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const [confirm, setConfirm] = useState<{ name: ResourceName; title: string; changes: UnpushedChanges } | null>(null);
  const cancelled = useRef(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  // the question takes the focus, on its safe answer, so the keyboard and screen readers meet it first
  useEffect(() => {
    if (confirm) keepButton.current?.focus();
  }, [confirm]);

  const failed = (err: unknown) => {
    if (err instanceof ServerError && err.kind === 'unauthenticated') props.onSignedOut(err);
    setMessage({ kind: 'error', text: messageOf(err) });
  };

  /** Pulls at once when the sheet holds nothing unpushed; otherwise asks first. */
  const askThenPull = async (name: ResourceName, title: string) => {
    setMessage(null);
    setConfirm(null);
    setChecking(true);
    try {
      const changes = await call<UnpushedChanges | null>('pullCheck', name);
      if (changes) setConfirm({ name, title, changes });
      else await pull(name, title);
    } catch (err) {
      failed(err);
    } finally {
      setChecking(false);
    }
  };

  const pull = async (name: ResourceName, title: string) => {
    cancelled.current = false;
    setMessage(null);
    setConfirm(null);
    setRunning({ title, done: 0, total: 0 });
    try {
      let progress = await call<PullProgress>('pullStart', name);
      setRunning({ title, done: progress.done, total: progress.total });
      while (!progress.finished) {
        if (cancelled.current) {
          setMessage({ kind: 'warn', text: `Pull stopped after ${count(progress.done)} ${name}: the ${title} sheet is incomplete. Pull again before pushing.` });
          return;
        }
        progress = await call<PullProgress>('pullSlice', progress.job);
        setRunning({ title, done: progress.done, total: progress.total });
      }
      const warning = progress.warnings.join(' ');
      setMessage({ kind: warning ? 'warn' : 'ok', text: `Pulled ${count(progress.done)} ${name} into the ${title} sheet.${warning ? ` ${warning}` : ''}` });
      props.onDone();
    } catch (err) {
      failed(err);
    } finally {
      setRunning(null);
    }
  };

  return (
    <section class="card" aria-label="Pull">
      <h2>Pull from Pivor</h2>
      <p class="hint">Each resource goes into its own sheet. Pulling replaces the sheet's content; when it holds changes not pushed yet, you are asked first.</p>
      <div class="buttons">
        {RESOURCES.map((r) => (
          <button type="button" disabled={running !== null || checking} onClick={() => askThenPull(r.name, r.title)}>Pull {r.title}</button>
        ))}
      </div>
      {confirm && (
        <div class="notice" role="alertdialog" aria-label="Changes not pushed">
          <p class="warn">{describeUnpushed(confirm.changes)}</p>
          <div class="buttons">
            <button type="button" ref={keepButton} onClick={() => setConfirm(null)}>Keep my changes</button>
            <button type="button" onClick={() => pull(confirm.name, confirm.title)}>Pull anyway</button>
          </div>
        </div>
      )}
      {running && (
        <>
          <ProgressBar label={`Pulling ${running.title}`} done={running.done} total={running.total} />
          <button type="button" onClick={() => { cancelled.current = true; }}>Cancel</button>
        </>
      )}
      {message && <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <PulledSheets sheets={props.sheets} timeZone={props.timeZone} onChanged={props.onDone} />
    </section>
  );
}

function rows(n: number): string {
  return `${count(n)} ${n === 1 ? 'row' : 'rows'}`;
}

/** What a pull would throw away, in a sentence or two. */
function describeUnpushed(c: UnpushedChanges): string {
  if (!c.comparable) {
    return `The ${c.sheetName} sheet has no id column, so its ${rows(c.added)} cannot be compared with Pivor. Pulling replaces ${c.added === 1 ? 'it' : 'them'} with Pivor's data.`;
  }
  const parts = [c.edited ? `${rows(c.edited)} edited` : '', c.added ? `${rows(c.added)} added` : '', c.removed ? `${rows(c.removed)} removed` : ''].filter(Boolean);
  return `The ${c.sheetName} sheet has changes not pushed to Pivor (${parts.join(', ')}). Pulling replaces the sheet with Pivor's data and these changes are lost: push them first to keep them.`;
}

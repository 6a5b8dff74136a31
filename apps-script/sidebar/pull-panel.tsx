// Pull: a resource into its sheet, in slices (each a server call of a few seconds) with a progress bar.
// Cancel stops between slices; the sheet then holds a partial pull and says so.
import { useRef, useState } from 'preact/hooks';
import type { ResourceName } from '../../shared/resources/index.ts';
import { ProgressBar, count } from './progress-bar.tsx';
import { call, messageOf, ServerError } from './server.ts';
import type { PullProgress } from './types.ts';

const RESOURCES: { name: ResourceName; title: string }[] = [
  { name: 'clients', title: 'Clients' },
  { name: 'contacts', title: 'Contacts' },
  { name: 'communications', title: 'Communications' },
];

export function PullPanel(props: { onDone: () => void; onSignedOut: (error: ServerError) => void }) {
  const [running, setRunning] = useState<{ title: string; done: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error' | 'warn'; text: string } | null>(null);
  const cancelled = useRef(false);

  const pull = async (name: ResourceName, title: string) => {
    cancelled.current = false;
    setMessage(null);
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
      if (err instanceof ServerError && err.kind === 'unauthenticated') props.onSignedOut(err);
      setMessage({ kind: 'error', text: messageOf(err) });
    } finally {
      setRunning(null);
    }
  };

  return (
    <section class="card" aria-label="Pull">
      <h2>Pull from Pivor</h2>
      <p class="hint">Each resource goes into its own sheet. Pulling replaces the sheet's content.</p>
      <div class="buttons">
        {RESOURCES.map((r) => (
          <button type="button" disabled={running !== null} onClick={() => pull(r.name, r.title)}>Pull {r.title}</button>
        ))}
      </div>
      {running && (
        <>
          <ProgressBar label={`Pulling ${running.title}`} done={running.done} total={running.total} />
          <button type="button" onClick={() => { cancelled.current = true; }}>Cancel</button>
        </>
      )}
      {message && <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}

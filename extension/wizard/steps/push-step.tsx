// Step 5, Push: progress with rate and time left, and cancel. Closing the tab is safe: the journal lets the
// wizard resume without creating anything twice.
import type { PushProgress } from '../../../shared/push/types.ts';
import { formatCount } from '../../ui/count.ts';
import { ProgressBar } from '../../ui/progress-bar.tsx';

export function PushStep(props: { progress: PushProgress | null; stage: string | null; cancelling: boolean; onCancel: () => void }) {
  const p = props.progress;
  return (
    <div class="stack push-step">
      {props.stage && <p role="status">{props.stage}…</p>}
      <ProgressBar label="Sending rows to Pivor" done={p?.done ?? 0} total={p?.total ?? null} detail={detail(p)} />
      <p class="muted small">
        You can close this tab: opening the import wizard again offers to finish the push, without creating anything twice.
      </p>
      <div class="row">
        <button type="button" class="danger" onClick={props.onCancel} disabled={props.cancelling} data-testid="cancel-push">
          {props.cancelling ? 'Stopping after the rows in flight…' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}

function detail(p: PushProgress | null): string {
  if (!p || p.done === 0) return 'Starting…';
  const rate = p.ratePerSec >= 10 ? Math.round(p.ratePerSec) : Math.round(p.ratePerSec * 10) / 10;
  return `${formatCount(rate)} rows/s · ${timeLeft(p.etaSec)}`;
}

export function timeLeft(seconds: number | null): string {
  if (seconds === null) return 'estimating time left';
  if (seconds < 1) return 'almost done';
  if (seconds < 60) return `about ${Math.ceil(seconds)} s left`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `about ${minutes} min left` : `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

// A labelled progress bar; without a total it runs indeterminate (the first page of a listing is still on its way).
import { formatCount } from './count.ts';

export function ProgressBar(props: { label: string; done: number; total?: number | null; detail?: string }) {
  const known = props.total != null && props.total > 0;
  const percent = known ? Math.min(100, Math.round((props.done / props.total!) * 100)) : 0;
  return (
    <div class="progress">
      <div
        class={`track${known ? '' : ' indeterminate'}`}
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={known ? props.total! : undefined}
        aria-valuenow={known ? props.done : undefined}
      >
        <div class="fill" style={{ width: `${percent}%` }} />
      </div>
      <div class="caption">
        <span>{known ? `${formatCount(props.done)} of ${formatCount(props.total!)}` : props.done ? formatCount(props.done) : 'Starting…'}</span>
        <span>{props.detail ?? (known ? `${percent}%` : '')}</span>
      </div>
    </div>
  );
}

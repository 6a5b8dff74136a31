// A labelled progress bar with "done of total".
export function ProgressBar(props: { label: string; done: number; total: number }) {
  const percent = props.total > 0 ? Math.min(100, Math.round((props.done / props.total) * 100)) : 0;
  return (
    <div class="progress">
      <div class="track" role="progressbar" aria-label={props.label} aria-valuemin={0} aria-valuemax={props.total} aria-valuenow={props.done}>
        <div class="fill" style={{ width: `${percent}%` }} />
      </div>
      <div class="caption">
        <span>{props.label}</span>
        <span>{count(props.done)} of {count(props.total)}</span>
      </div>
    </div>
  );
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

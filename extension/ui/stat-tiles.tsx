// A row of big numbers with labels (rows valid, with warnings, with errors; creates, updates…).
import { formatCount } from './count.ts';

export interface Stat {
  label: string;
  value: number;
  tone?: 'ok' | 'warn' | 'error' | 'accent' | 'plain';
  testId?: string;
}

export function StatTiles(props: { stats: Stat[] }) {
  return (
    <div class="stat-tiles">
      {props.stats.map((s) => (
        <div key={s.label} class={`stat ${s.tone ?? 'plain'}`} data-testid={s.testId}>
          <div class="value">{formatCount(s.value)}</div>
          <div class="label">{s.label}</div>
        </div>
      ))}
    </div>
  );
}

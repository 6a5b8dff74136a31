// How many requests the push keeps in flight. More is faster on a server far away, until Pivor (or its rate
// limit) becomes the bottleneck; the default matches the CLI's.
import { CONCURRENCY_CHOICES } from './import-options.ts';

export function ConcurrencyChoice(props: { value: number; onChange: (value: number) => void }) {
  return (
    <label class="inline-choice">
      <span>Requests at once</span>
      <select value={String(props.value)} onChange={(e) => props.onChange(Number(e.currentTarget.value))}
        title="How many rows are sent to Pivor at the same time">
        {CONCURRENCY_CHOICES.map((n) => <option key={n} value={String(n)}>{n}</option>)}
      </select>
    </label>
  );
}

// A one-line summary that opens to what it summarises (a native <details>: keyboard and screen readers know it).
import type { ComponentChildren } from 'preact';

export function Fold(props: { summary: ComponentChildren; children: ComponentChildren; testId?: string }) {
  return (
    <details class="fold" data-testid={props.testId}>
      <summary>{props.summary}</summary>
      <div class="fold-body">{props.children}</div>
    </details>
  );
}

/** "A, B, C and 4 more": the first names of a long list, for a summary line. */
export function firstNames(names: readonly string[], shown = 3): string {
  const quoted = names.slice(0, shown).map((n) => `“${n}”`);
  const rest = names.length - quoted.length;
  if (rest <= 0) return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : quoted.join('');
  return `${quoted.join(', ')} and ${rest} more`;
}

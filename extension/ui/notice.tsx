// A coloured message box; errors are announced to screen readers as they appear.
import type { ComponentChildren } from 'preact';

export function Notice(props: { kind: 'error' | 'warning' | 'success' | 'info'; title?: string; children?: ComponentChildren; testId?: string }) {
  return (
    <div class={`notice ${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'} data-testid={props.testId}>
      {props.title && <strong>{props.title}</strong>}
      {props.children}
    </div>
  );
}

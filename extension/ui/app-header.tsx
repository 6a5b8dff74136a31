// The header every extension page starts with: the mark, the product name, what this page is, and a slot on the right.
import type { ComponentChildren } from 'preact';
import markUrl from '../icons/icon-48.png';

export function AppHeader(props: { context?: string; children?: ComponentChildren }) {
  return (
    <header class="app-header">
      <img src={markUrl} alt="" />
      <div>
        <div class="brand">Pivor Bridge</div>
        {props.context && <div class="context">{props.context}</div>}
      </div>
      <div class="spacer" />
      {props.children}
    </header>
  );
}

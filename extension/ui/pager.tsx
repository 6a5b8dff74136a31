// Previous/next over a long list, so a 100,000-row table renders one page at a time.
import { formatCount } from './count.ts';

export const PAGE_SIZE = 50;

export function Pager(props: { page: number; total: number; onPage: (page: number) => void; noun?: string }) {
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  const from = props.total === 0 ? 0 : props.page * PAGE_SIZE + 1;
  const to = Math.min(props.total, (props.page + 1) * PAGE_SIZE);
  return (
    <div class="pager row">
      <span class="muted small" aria-live="polite">
        {props.total === 0 ? `No ${props.noun ?? 'rows'}` : `${formatCount(from)}–${formatCount(to)} of ${formatCount(props.total)} ${props.noun ?? 'rows'}`}
      </span>
      <div class="spacer" />
      <button type="button" class="small" disabled={props.page === 0} onClick={() => props.onPage(props.page - 1)}>Previous</button>
      <button type="button" class="small" disabled={props.page >= pages - 1} onClick={() => props.onPage(props.page + 1)}>Next</button>
    </div>
  );
}

// Offers to finish a push that was cut short (tab or browser closed): nothing already created is sent again.
import { getResource } from '../../shared/resources/index.ts';
import { countOf } from '../ui/count.ts';
import type { InterruptedImport } from '../storage/interrupted-imports.ts';

export function ResumeBanner(props: { record: InterruptedImport; disabled: boolean; onResume: () => void; onDiscard: () => void }) {
  const { record } = props;
  const when = new Date(record.startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div class="notice info resume" role="status" data-testid="resume-banner">
      <strong>An import was interrupted</strong>
      <div class="banner">
        <span>
          {record.name} into {getResource(record.resource).title.toLowerCase()}, started {when}: {countOf(record.sending, 'row')} to send.
          Finishing it sends only what is missing.
        </span>
        <div class="spacer" />
        <button type="button" class="primary small" onClick={props.onResume} disabled={props.disabled}>Resume</button>
        <button type="button" class="small" onClick={props.onDiscard}>Discard</button>
      </div>
    </div>
  );
}

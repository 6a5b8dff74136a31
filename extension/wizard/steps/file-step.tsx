// Step 1, File: choose, drop or paste a CSV (or see the one handed over by the right-click menu), see what was read,
// and pick the resource, suggested from the headers.
import { useRef, useState } from 'preact/hooks';
import { getResource, resourceNames, type ResourceName } from '../../../shared/resources/index.ts';
import { Notice } from '../../ui/notice.tsx';
import { countOf, formatCount } from '../../ui/count.ts';
import { chosenFile, describeOrigin, formatBytes, type ChosenFile } from '../chosen-file.ts';
import { PasteRows } from '../paste-rows.tsx';
import type { HandoffState } from '../use-handoff.ts';
import type { ParseSummary } from '../worker-protocol.ts';

const delimiterNames: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export interface FileStepProps {
  file: ChosenFile | null;
  parsed: ParseSummary | null;
  reading: boolean;
  error: string | null;
  handoff: HandoffState;
  onAllowHandoff: () => void;
  onFile: (file: ChosenFile) => void;
  resource: ResourceName | null;
  onResource: (resource: ResourceName) => void;
}

export function FileStep(props: FileStepProps) {
  return (
    <div class="stack">
      <HandoffNotice state={props.handoff} onAllow={props.onAllowHandoff} />
      {props.file ? <FileSummary {...props} file={props.file} /> : <><DropZone onFile={props.onFile} /><PasteRows onFile={props.onFile} /></>}
      {props.reading && <p class="muted" role="status">Reading the file…</p>}
      {props.error && <Notice kind="error" title="This file cannot be imported" testId="file-error">{props.error}</Notice>}
      {props.parsed && <ResourcePicker {...props} parsed={props.parsed} />}
    </div>
  );
}

function DropZone(props: { onFile: (file: ChosenFile) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = async (file: File | undefined, origin: 'chosen' | 'dropped') => {
    if (file) props.onFile(await chosenFile(file.name, new Uint8Array(await file.arrayBuffer()), origin));
  };
  return (
    <div
      class={`drop-zone${over ? ' over' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => { e.preventDefault(); setOver(false); void take(e.dataTransfer?.files[0], 'dropped'); }}
    >
      <div class="drop-icon" aria-hidden="true">⇪</div>
      <h2>Drop a CSV file here</h2>
      <p class="muted">Exports from Pivor, HubSpot, Excel or any spreadsheet: commas or semicolons, any common encoding.</p>
      {/* the button below opens it: kept out of the Tab order and from screen readers, which would meet it twice */}
      <input ref={input} id="file-input" class="visually-hidden" type="file" tabIndex={-1} aria-hidden="true" accept=".csv,text/csv,text/plain"
        onChange={(e) => void take(e.currentTarget.files?.[0], 'chosen')} />
      <button type="button" class="primary" onClick={() => input.current?.click()}>Choose a file…</button>
    </div>
  );
}

function FileSummary(props: FileStepProps & { file: ChosenFile }) {
  const { file, parsed } = props;
  const skipped = parsed?.problems.filter((p) => p.severity === 'error') ?? [];
  return (
    <section class="card file-card" aria-label="The file">
      <div class="row">
        <div class="file-icon" aria-hidden="true">CSV</div>
        <div class="file-meta">
          <div class="file-name" data-testid="file-name">{file.name}</div>
          <div class="muted small" data-testid="file-origin">
            {describeOrigin(file)} · {formatBytes(file.bytes.length)}
            {parsed && <> · {countOf(parsed.rows, 'row')} · {parsed.encoding.toUpperCase()}, {delimiterNames[parsed.delimiter] ?? parsed.delimiter}-separated</>}
          </div>
          {file.source && <div class="muted small source" data-testid="file-source" title={file.source}>{file.source}</div>}
        </div>
        <div class="spacer" />
        {file.origin !== 'resumed' && <ReplaceButton onFile={props.onFile} />}
      </div>
      {skipped.length > 0 && (
        <Notice kind="warning" title={`${countOf(skipped.length, 'row')} could not be read and will be reported as failed`}>
          <ul class="problems">
            {skipped.slice(0, 5).map((p) => <li key={`${p.row}-${p.code}`}>Row {p.row}: {p.message}</li>)}
            {skipped.length > 5 && <li>…and {formatCount(skipped.length - 5)} more</li>}
          </ul>
        </Notice>
      )}
    </section>
  );
}

function ReplaceButton(props: { onFile: (file: ChosenFile) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input ref={input} class="visually-hidden" type="file" tabIndex={-1} aria-hidden="true" accept=".csv,text/csv,text/plain"
        onChange={async (e) => {
          const f = e.currentTarget.files?.[0];
          if (f) props.onFile(await chosenFile(f.name, new Uint8Array(await f.arrayBuffer()), 'chosen'));
        }} />
      <button type="button" class="small" onClick={() => input.current?.click()}>Choose another file</button>
    </>
  );
}

function ResourcePicker(props: FileStepProps & { parsed: ParseSummary }) {
  const { detection } = props.parsed;
  return (
    <fieldset class="card">
      <legend class="card-legend">What does this file hold?</legend>
      <div class="resource-options">
        {resourceNames.map((name) => {
          const spec = getResource(name);
          const guess = detection.candidates.find((c) => c.resource === name);
          const suggested = detection.resource === name;
          return (
            <label key={name} class={`resource-option${props.resource === name ? ' selected' : ''}`}>
              <input type="radio" name="resource" value={name} checked={props.resource === name} onChange={() => props.onResource(name)} />
              <span class="title">{spec.title}</span>
              {suggested && <span class="badge accent">Suggested</span>}
              <span class="muted small">{guess ? `${formatCount(guess.mapped)} of ${countOf(props.parsed.headers.length, 'column')} match` : ''}</span>
            </label>
          );
        })}
      </div>
      <p class="muted small" data-testid="detection">
        {detection.resource === null
          ? 'The headers do not say clearly which kind of record this is: choose one.'
          : detection.ambiguous
            ? `Suggested from the headers, but ${detection.candidates[1] ? getResource(detection.candidates[1].resource).title.toLowerCase() : 'another kind'} fits almost as well: check.`
            : `Suggested from the headers (${Math.round(detection.confidence * 100)}% match).`}
      </p>
    </fieldset>
  );
}

function HandoffNotice(props: { state: HandoffState; onAllow: () => void }) {
  const s = props.state;
  switch (s.kind) {
    case 'loading':
    case 'reading':
      return <p class="muted" role="status">Getting the file…</p>;
    case 'missing':
      return <Notice kind="warning" title="The file is no longer here">It was imported or is more than a week old. Choose it again, or right-click its link again.</Notice>;
    case 'needs-access':
      return (
        <Notice kind="info" title={`Read ${s.handoff.name} from ${s.origin}?`} testId="handoff-access">
          <p>The file is on another site. Pivor Bridge needs your permission to read files from {s.origin}.</p>
          <p class="small muted source">{s.handoff.source}</p>
          <div class="row" style={{ marginTop: '8px' }}>
            <button type="button" class="primary" onClick={props.onAllow}>Allow and read the file</button>
          </div>
        </Notice>
      );
    case 'failed':
      return (
        <Notice kind="error" title={`${s.handoff.name} could not be read`} testId="handoff-error">
          <p>{s.message}</p>
          <p class="small source">{s.handoff.source}</p>
          <div class="row" style={{ marginTop: '8px' }}>
            <button type="button" onClick={props.onAllow}>Try again</button>
          </div>
        </Notice>
      );
    default:
      return null;
  }
}

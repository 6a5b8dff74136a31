// Review's find and replace in a column, folded into one line until opened: a column, the text to find and its
// replacement, whole cell or part, match case. It says how many cells will change (and shows the first) before
// anything changes; the replacement is checked and planned again at once like a cell edit, and undone in one step.
import { useEffect, useRef, useState } from 'preact/hooks';
import { countOf } from '../../ui/count.ts';
import { Fold } from '../../ui/fold.tsx';
import type { ReplacePreview, ReplaceQuery } from '../find-replace.ts';

/** The last replacement applied, while it can still be undone. */
export interface DoneReplacement { header: string; cells: number }

export function FindReplacePanel(props: {
  columns: readonly { index: number; header: string }[];
  preview: (query: ReplaceQuery) => Promise<ReplacePreview>;
  onReplace: (query: ReplaceQuery) => Promise<void>;
  done: DoneReplacement | null;
  onUndo: () => void;
  busy: boolean;
  /** Changes whenever the rows were checked again (after any cell changed): the count is asked again. */
  revision: unknown;
}) {
  const [query, setQuery] = useState<ReplaceQuery>(() => ({ column: props.columns[0]?.index ?? 0, find: '', replace: '', wholeCell: false, matchCase: false }));
  const preview = usePreview(query, props.preview, props.revision);
  const set = (patch: Partial<ReplaceQuery>) => setQuery({ ...query, ...patch });
  const header = props.columns.find((c) => c.index === query.column)?.header ?? '';
  const cells = preview?.cells ?? 0;
  const submit = (e: Event) => {
    e.preventDefault();
    if (cells > 0 && !props.busy) void props.onReplace(query);
  };
  const summary = (
    <>
      <strong>Find and replace in a column</strong>
      {props.done && <span class="muted small">(last: {countOf(props.done.cells, 'cell')} of “{props.done.header}”)</span>}
    </>
  );
  return (
    <Fold summary={summary} testId="find-replace">
      <form class="find-replace" onSubmit={submit}>
        <div class="field">
          <label for="fr-column">Column</label>
          <select id="fr-column" value={query.column} onChange={(e) => set({ column: Number(e.currentTarget.value) })}>
            {props.columns.map((c) => <option key={c.index} value={c.index}>{c.header}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="fr-find">Find</label>
          <input id="fr-find" type="text" value={query.find} onInput={(e) => set({ find: e.currentTarget.value })} spellcheck={false} autocomplete="off" />
        </div>
        <div class="field">
          <label for="fr-replace">Replace with</label>
          <input id="fr-replace" type="text" value={query.replace} onInput={(e) => set({ replace: e.currentTarget.value })} spellcheck={false} autocomplete="off" />
        </div>
        <div class="fr-options">
          <label class="choice"><input type="checkbox" checked={query.wholeCell} onChange={(e) => set({ wholeCell: e.currentTarget.checked })} />Whole cell only</label>
          <label class="choice"><input type="checkbox" checked={query.matchCase} onChange={(e) => set({ matchCase: e.currentTarget.checked })} />Match case</label>
        </div>
        <p class="fr-preview small" aria-live="polite" data-testid="replace-preview">{previewText(query, preview, header)}</p>
        {preview && preview.first.length > 0 && (
          <ul class="fr-examples small">
            {preview.first.map((r) => (
              <li key={r.row}>Row {r.row}: <del>{shownText(r.before)}</del> <span aria-hidden="true">→</span><span class="visually-hidden">becomes</span> <ins>{shownText(r.value)}</ins></li>
            ))}
          </ul>
        )}
        <div class="row">
          <button type="submit" class="primary small" disabled={cells === 0 || props.busy} data-testid="replace-apply">
            {cells > 0 ? `Replace in ${countOf(cells, 'cell')}` : 'Replace'}
          </button>
          {props.done && <button type="button" class="small" onClick={props.onUndo} disabled={props.busy} data-testid="replace-undo">
            Undo the last replacement ({countOf(props.done.cells, 'cell')})
          </button>}
        </div>
      </form>
    </Fold>
  );
}

/** The worker's count for the query, asked again as it or the rows change; a late answer to an older query is dropped. */
function usePreview(query: ReplaceQuery, ask: (query: ReplaceQuery) => Promise<ReplacePreview>, revision: unknown): ReplacePreview | null {
  const [preview, setPreview] = useState<ReplacePreview | null>(null);
  const asked = useRef(0);
  useEffect(() => {
    const n = ++asked.current;
    if (!query.wholeCell && query.find === '') {
      setPreview(null);
      return;
    }
    // a pause in typing, not every key, goes to the worker
    const timer = setTimeout(() => void ask(query).then((p) => n === asked.current && setPreview(p), () => n === asked.current && setPreview(null)), 150);
    return () => clearTimeout(timer);
  }, [query, revision]);
  return preview;
}

function previewText(query: ReplaceQuery, preview: ReplacePreview | null, header: string): string {
  if (!query.wholeCell && query.find === '') return 'Type the text to find (or tick “Whole cell only” to fill the empty cells).';
  if (!preview) return 'Counting…';
  if (preview.cells === 0) {
    const what = query.wholeCell ? (query.find.trim() === '' ? 'is empty' : `is “${query.find.trim()}”`) : `holds “${query.find}”`;
    return `No cell of “${header}” that ${what} would change.`;
  }
  return `Will change ${countOf(preview.cells, 'cell')} of “${header}”, in every row of the file (not only this page):`;
}

function shownText(text: string): string {
  return text === '' ? '(empty)' : text;
}

// Paste as a source beside choose and drop: rows copied from a spreadsheet (Google Sheets, Excel, Numbers put them on
// the clipboard tab-separated, first row the header, cells with line breaks or quotes quoted) become a file that goes
// through the same reading and checks as any other. A paste anywhere on the page while no file is chosen works too.
import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../ui/notice.tsx';
import { chosenFile, type ChosenFile } from './chosen-file.ts';

export const PASTED_NAME = 'pasted-rows.tsv';

export async function pastedFile(text: string): Promise<ChosenFile> {
  return chosenFile(PASTED_NAME, new TextEncoder().encode(text), 'pasted');
}

/** What is wrong with a paste before it is read: nothing, or only a header (rows copied without it read as one). */
function pasteProblem(text: string): string | null {
  if (text.trim() === '') return 'Nothing was pasted: copy the rows in the spreadsheet first.';
  if (!/[\r\n]/.test(text.trim())) return 'Only one line was pasted. Copy the header row together with the rows under it.';
  return null;
}

export function PasteRows(props: { onFile: (file: ChosenFile) => void }) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const take = (text: string) => {
    setProblem(pasteProblem(text));
    if (pasteProblem(text) === null) void pastedFile(text).then(props.onFile);
  };
  // Ctrl+V on the page itself (not into another field): the clipboard's rows, without finding the box first.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.closest('input, textarea, select, [contenteditable]'))) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      e.preventDefault();
      take(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [props.onFile]);
  return (
    <div class="paste-rows">
      <label for="paste-input" class="label-like">Or paste rows copied from a spreadsheet</label>
      <p class="muted small" id="paste-help">Select the rows in Google Sheets or Excel with their header row, copy, and paste here.</p>
      <textarea id="paste-input" rows={3} aria-describedby="paste-help" placeholder="First name	Last name	Email…" value={typed}
        onPaste={(e) => {
          // the pasted rows are read at once, not held in the box: a paste of 100,000 rows would freeze a textarea
          const text = e.clipboardData?.getData('text/plain') ?? '';
          if (text.trim() === '') return;
          e.preventDefault();
          take(text);
        }}
        onInput={(e) => setTyped(e.currentTarget.value)} />
      {problem && <Notice kind="error" title="These rows cannot be imported" testId="paste-error">{problem}</Notice>}
      {typed.trim() !== '' && (
        <div class="row"><button type="button" class="small" onClick={() => take(typed)}>Use these rows</button></div>
      )}
    </div>
  );
}

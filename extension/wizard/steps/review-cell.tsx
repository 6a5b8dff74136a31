// One cell of the review grid, fixable in place: Enter, F2 or a double click opens it, Enter (or leaving it) keeps the
// new text, Escape puts the old one back, and the focus is back on the cell. The cell shows its most serious issue;
// its messages are its tooltip. Moving between cells is the grid's (grid-focus.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Severity } from '../../../shared/validate/index.ts';

export interface CellMark { severity: Severity; text: string }

export function ReviewCell(props: {
  row: number; column: { index: number; header: string }; text: string; mark: CellMark | undefined; edited: boolean;
  onEdit: (value: string) => void;
  /** The grid's one cell in the Tab order. */
  tabbable: boolean;
  onFocus: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const cell = useRef<HTMLTableCellElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // the editor takes the focus, the caret after the text (a page honours autofocus once only)
    if (editing && input.current) {
      input.current.focus();
      input.current.setSelectionRange(input.current.value.length, input.current.value.length);
    }
    // the editor closed by a key: the focus goes back to its cell, not to the page
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (wasEditing.current && !editing && lost) cell.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  // Enter closes the field, and its removal then blurs it: keep the edit once.
  const open = useRef(false);
  const start = () => {
    open.current = true;
    setEditing(true);
  };
  const { mark, column } = props;
  const classes = [mark ? `cell-${mark.severity}` : '', props.edited ? 'cell-edited' : ''].filter(Boolean).join(' ');
  const label = `Row ${props.row}, ${column.header}${mark && mark.severity !== 'info' ? `: ${mark.text}` : ''}`;
  if (editing) {
    const done = (input: HTMLInputElement, keep: boolean) => {
      if (!open.current) return;
      open.current = false;
      setEditing(false);
      if (keep && input.value !== props.text) props.onEdit(input.value);
    };
    return (
      <td class={`${classes} editing`} data-column={column.header} data-cell data-index={column.index} ref={cell}>
        <input type="text" class="cell-input" defaultValue={props.text} aria-label={`Row ${props.row}, ${column.header}`} ref={input}
          data-testid={`edit-${props.row}-${column.index}`}
          onKeyDown={(e) => {
            if (e.key === 'Enter') done(e.currentTarget, true);
            else if (e.key === 'Escape') done(e.currentTarget, false);
          }}
          onBlur={(e) => done(e.currentTarget, true)} />
      </td>
    );
  }
  return (
    <td class={classes} data-column={column.header} data-cell data-index={column.index} title={mark?.text} tabIndex={props.tabbable ? 0 : -1}
      aria-label={label} ref={cell} onFocus={props.onFocus} onDblClick={start}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'F2') {
          e.preventDefault();
          start();
        }
      }}>
      {props.text || (mark && mark.severity !== 'info' ? <span class="empty">empty</span> : '')}
    </td>
  );
}

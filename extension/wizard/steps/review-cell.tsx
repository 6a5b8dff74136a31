// One cell of the review grid, fixable in place: Enter, F2 or a double click opens it, Enter (or leaving it) keeps the
// new text, Escape puts the old one back. The cell shows its most serious issue; its messages are its tooltip.
import { useRef, useState } from 'preact/hooks';
import type { Severity } from '../../../shared/validate/index.ts';

export interface CellMark { severity: Severity; text: string }

export function ReviewCell(props: {
  row: number; column: { index: number; header: string }; text: string; mark: CellMark | undefined; edited: boolean;
  onEdit: (value: string) => void;
}) {
  const [editing, setEditing] = useState(false);
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
      <td class={`${classes} editing`} data-column={column.header}>
        <input type="text" class="cell-input" defaultValue={props.text} aria-label={`Row ${props.row}, ${column.header}`} autoFocus
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
    <td class={classes} data-column={column.header} title={mark?.text} tabIndex={0} aria-label={label}
      onDblClick={start}
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

// One column of the file on the mapping step: its header, sample values, the field it fills (a dropdown of field
// labels, the fields suggested for this column first, most likely first) and why, with how sure the suggestion is.
// A table row on wide screens, a card at phone widths (wizard.css).
import { mappingConfidence, type ColumnMapping, type FieldSuggestion } from '../../../shared/map/index.ts';
import type { FieldSpec } from '../../../shared/resources/index.ts';

export interface MappingRowProps {
  column: ColumnMapping;
  samples: readonly string[];
  /** How many records hold a value in this column (0: empty). */
  filled: number;
  choices: readonly FieldSpec[];
  /** The fields the core suggests for this column, most likely first. */
  suggested: readonly FieldSuggestion[];
  onChange: (header: string, field: string | null) => void;
}

export function MappingRow(props: MappingRowProps) {
  const { column } = props;
  const name = column.header || `${column.index + 1}`;
  return (
    <tr key={column.index} class={`${column.field ? '' : 'unmapped'}${props.filled === 0 ? ' empty-column' : ''}`} data-testid={`map-row-${column.index}`}>
      <th scope="row" class="header-cell">{column.header || <span class="muted">(no header)</span>}</th>
      <td class="samples" data-label="Sample values">
        {props.filled === 0 || props.samples.length === 0 ? (
          <span class="muted">empty</span>
        ) : (
          props.samples.map((s, i) => <span key={i} class="sample" title={s}>{s}</span>)
        )}
      </td>
      <td class="field-cell">
        <select aria-label={`Field for column ${name}`} value={column.field ?? ''}
          onChange={(e) => props.onChange(column.header, e.currentTarget.value || null)}>
          <option value="">— Don’t import —</option>
          <FieldOptions choices={props.choices} suggested={props.suggested} />
        </select>
      </td>
      <td class="why">{why(column)}</td>
    </tr>
  );
}

/** The suggested fields in a group of their own, first; then every other field. Labels only, so typed letters find them. */
function FieldOptions(props: { choices: readonly FieldSpec[]; suggested: readonly FieldSuggestion[] }) {
  const byKey = new Map(props.choices.map((f) => [f.key, f]));
  const suggested = props.suggested.filter((s) => byKey.has(s.field));
  const option = (f: FieldSpec, title?: string) => <option key={f.key} value={f.key} title={title}>{f.label}</option>;
  if (suggested.length === 0) return <>{props.choices.map((f) => option(f))}</>;
  const first = new Set(suggested.map((s) => s.field));
  return (
    <>
      <optgroup label="Suggested for this column">
        {suggested.map((s) => option(byKey.get(s.field)!, `${s.percent}% sure: ${s.basis}`))}
      </optgroup>
      <optgroup label="Other fields">{props.choices.filter((f) => !first.has(f.key)).map((f) => option(f))}</optgroup>
    </>
  );
}

function why(column: ColumnMapping) {
  switch (column.reason) {
    case 'key':
      return <Sure column={column} badge="Exact name" />;
    case 'label':
      return <Sure column={column} badge="Field label" />;
    case 'alias':
      return <Sure column={column} badge="Known header" />;
    case 'fuzzy':
      return <Sure column={column} badge="Close spelling" />;
    case 'content':
      return <Sure column={column} badge="Its values" />;
    case 'user':
      return column.field ? <span class="badge accent">Your choice</span> : <><span class="badge">Ignored by you</span>{emailsLeft(column)}</>;
    case 'combined':
      return <><span class="badge ok">Read with another column</span> <span class="muted small">{column.detail}</span></>;
    default:
      return <><span class="badge">Not imported</span> <span class="muted small">{column.detail ?? 'no matching field'}</span>{emailsLeft(column)}</>;
  }
}

/** A suggestion with the core's confidence: its percentage, coloured by level, and what it rests on. */
function Sure(props: { column: ColumnMapping; badge: string }) {
  const sure = mappingConfidence(props.column);
  const tone = !sure || sure.level === 'high' ? 'ok' : sure.level === 'medium' ? 'accent' : 'warn';
  return (
    <>
      <span class={`badge ${tone}`}>{props.badge}</span>
      {sure && <span class={`confidence ${sure.level}`} data-testid={`confidence-${props.column.index}`} title={sure.basis}>{sure.percent}% sure</span>}
      {/* a match by values says how many values decided it; others keep the mapping's own sentence */}
      <span class="muted small detail">{props.column.reason === 'content' && sure ? sure.basis : props.column.detail ?? sure?.basis}</span>
    </>
  );
}

/** An unmapped column of email addresses: said at the mapping step, not only in the report. */
function emailsLeft(column: ColumnMapping) {
  return column.holdsEmails ? <span class="badge warn" data-testid={`emails-left-${column.index}`}>Holds email addresses</span> : null;
}

// Step 2, Mapping: every column of the file with sample values, the field it fills and why; a dropdown changes it.
// Columns that fill nothing stay listed ("Not imported"). Changes are remembered per header set by the wizard.
import { fullNameField, type ColumnMapping, type HeaderMapping } from '../../../shared/map/index.ts';
import { columnName, getResource, type FieldSpec, type ResourceName } from '../../../shared/resources/index.ts';
import { Notice } from '../../ui/notice.tsx';

export interface MappingStepProps {
  resource: ResourceName;
  headers: string[];
  samples: string[][];
  mapping: HeaderMapping;
  remembered: boolean;
  onChange: (header: string, field: string | null) => void;
  onReset: () => void;
}

export function MappingStep(props: MappingStepProps) {
  const spec = getResource(props.resource);
  const choices = spec.fields.filter((f) => f.type !== 'timestamp' || f.key === 'updated_at');
  const missing = missingRequired(props.resource, props.mapping);
  const mappedCount = props.mapping.columns.filter((c) => c.field !== null).length;
  return (
    <div class="stack">
      <div class="row">
        <p>
          <strong>{mappedCount}</strong> of {props.headers.length} columns will be imported into {spec.title.toLowerCase()}.
          {props.remembered && <span class="muted"> Your earlier choices for these headers were applied.</span>}
        </p>
        <div class="spacer" />
        <button type="button" class="small ghost" onClick={props.onReset}>Reset to suggestions</button>
      </div>
      {missing.length > 0 && (
        <Notice kind="warning" title="Required fields without a column" testId="missing-required">
          {missing.map((f) => f.label).join(', ')}: rows without them cannot be created (updates by id still work).
        </Notice>
      )}
      <div class="table-wrap">
        <table class="mapping-table">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Sample values</th>
              <th scope="col">Imports into</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {props.mapping.columns.map((column) => (
              <tr key={column.index} class={column.field ? '' : 'unmapped'} data-testid={`map-row-${column.index}`}>
                <th scope="row" class="header-cell">{column.header || <span class="muted">(no header)</span>}</th>
                <td class="samples">
                  {(props.samples[column.index] ?? []).length === 0 ? (
                    <span class="muted">empty</span>
                  ) : (
                    (props.samples[column.index] ?? []).map((s, i) => <span key={i} class="sample">{s}</span>)
                  )}
                </td>
                <td>
                  <select aria-label={`Field for column ${column.header || column.index + 1}`} value={column.field ?? ''}
                    onChange={(e) => props.onChange(column.header, e.currentTarget.value || null)}>
                    <option value="">— Don’t import —</option>
                    {choices.map((f) => <option key={f.key} value={f.key}>{optionLabel(f)}</option>)}
                  </select>
                </td>
                <td class="why">{why(column)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function optionLabel(field: FieldSpec): string {
  const name = columnName(field);
  return name === field.label.toLowerCase().replace(/ /g, '_') ? field.label : `${field.label} (${name})`;
}

function why(column: ColumnMapping) {
  switch (column.reason) {
    case 'key':
      return <span class="badge ok">Exact name</span>;
    case 'label':
      return <span class="badge ok">Field label</span>;
    case 'alias':
      return <span class="badge ok">Known alias</span>;
    case 'fuzzy':
      return <><span class="badge warn">Close spelling</span> <span class="muted small">{column.detail}</span></>;
    case 'user':
      return column.field ? <span class="badge accent">Your choice</span> : <><span class="badge">Ignored by you</span>{emailsLeft(column)}</>;
    case 'content':
      return <><span class="badge ok">Its values</span> <span class="muted small">{column.detail}</span></>;
    case 'combined':
      return <><span class="badge ok">Read with another column</span> <span class="muted small">{column.detail}</span></>;
    default:
      return <><span class="badge">Not imported</span> <span class="muted small">{column.detail ?? 'no matching field'}</span>{emailsLeft(column)}</>;
  }
}

/** An unmapped column of email addresses: said at the mapping step, not only in the report. */
function emailsLeft(column: ColumnMapping) {
  return column.holdsEmails ? <span class="badge warn" data-testid={`emails-left-${column.index}`}>Holds email addresses</span> : null;
}

function missingRequired(resource: ResourceName, mapping: HeaderMapping): FieldSpec[] {
  const spec = getResource(resource);
  const fullName = fullNameField(spec);
  const hasFullName = fullName !== undefined && mapping.byField[fullName] !== undefined;
  return spec.fields.filter(
    (f) => f.required && mapping.byField[f.key] === undefined && !(hasFullName && (f.key === 'first_name' || f.key === 'last_name')),
  );
}

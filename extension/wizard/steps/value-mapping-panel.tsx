// Values Pivor does not know in list fields (status, type, priority, yes/no), each distinct one mapped by the user to
// a value Pivor takes: one table per field, remembered with the column mapping. Shown only when there are some.
import { useMemo } from 'preact/hooks';
import { valueKey, type ValueMapping } from '../../../shared/normalize/index.ts';
import { findField, getResource, writableValues, type FieldSpec } from '../../../shared/resources/index.ts';
import type { ValidationReport } from '../../../shared/validate/index.ts';
import { formatCount } from '../../ui/count.ts';

const UNKNOWN_VALUE = new Set(['invalid-enum', 'invalid-boolean']);

interface FieldValues { field: FieldSpec; header: string; values: Map<string, { shown: string; rows: number }> }

/** Per list field, the distinct values rows give that Pivor does not know, and those already mapped. */
function unknownValues(report: ValidationReport, mapped: ValueMapping): FieldValues[] {
  const spec = getResource(report.resource);
  const byField = new Map<string, FieldValues>();
  const entry = (field: FieldSpec, header: string) => {
    let found = byField.get(field.key);
    if (!found) byField.set(field.key, (found = { field, header, values: new Map() }));
    return found;
  };
  for (const row of report.rows) {
    for (const issue of row.issues) {
      if (!UNKNOWN_VALUE.has(issue.code) || issue.field === null || issue.column === null) continue;
      const field = findField(spec, issue.field);
      const column = report.mapping.columns.find((c) => c.header === issue.column);
      const raw = column ? row.cells[column.index]?.trim() : undefined;
      if (!field || !raw) continue;
      const values = entry(field, issue.column).values;
      const key = valueKey(raw);
      const seen = values.get(key);
      values.set(key, { shown: seen?.shown ?? raw, rows: (seen?.rows ?? 0) + 1 });
    }
  }
  for (const [key, values] of Object.entries(mapped)) {
    const field = findField(spec, key);
    const column = report.mapping.columns.find((c) => c.field === key);
    if (!field || !column) continue;
    const known = entry(field, column.header).values;
    for (const value of Object.keys(values)) if (!known.has(value)) known.set(value, { shown: value, rows: 0 });
  }
  return [...byField.values()];
}

function choicesOf(field: FieldSpec): string[] {
  return field.type === 'boolean' ? ['yes', 'no'] : [...writableValues(field)];
}

export function ValueMappingPanel(props: { report: ValidationReport; values: ValueMapping; onChange: (values: ValueMapping) => void }) {
  const fields = useMemo(() => unknownValues(props.report, props.values), [props.report, props.values]);
  if (fields.length === 0) return null;
  const set = (field: string, value: string, to: string) => {
    const forField = { ...(props.values[field] ?? {}) };
    if (to === '') delete forField[value];
    else forField[value] = to;
    const next: Record<string, Record<string, string>> = { ...props.values, [field]: forField };
    if (Object.keys(forField).length === 0) delete next[field];
    props.onChange(next);
  };
  return (
    <section class="value-mapping" aria-labelledby="value-mapping-title" data-testid="value-mapping">
      <h3 id="value-mapping-title">Values Pivor does not know</h3>
      <p class="muted small">Map each to a value Pivor takes; the rows are checked again at once, and the choice is remembered for files like this one.</p>
      {fields.map(({ field, header, values }) => (
        <table key={field.key} class="value-map-table">
          <caption>{header} <span class="muted">({field.label})</span></caption>
          <thead><tr><th scope="col">In the file</th><th scope="col" class="num">Rows</th><th scope="col">Send as</th></tr></thead>
          <tbody>
            {[...values].map(([key, { shown, rows }]) => (
              <tr key={key}>
                <td>{shown}</td>
                <td class="num">{rows ? formatCount(rows) : '—'}</td>
                <td>
                  <select aria-label={`${header} “${shown}” is sent as`} value={props.values[field.key]?.[key] ?? ''} data-testid={`value-map-${field.key}-${key}`}
                    onChange={(e) => set(field.key, key, e.currentTarget.value)}>
                    <option value="">Leave it: an error</option>
                    {choicesOf(field).map((v) => <option key={v} value={v}>{v}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

// Step 2, Mapping: the columns that will be imported, with sample values, the field each fills and how sure the
// suggestion is; a dropdown changes it. Columns that fill nothing fold into one line that opens, and empty columns
// are hidden unless asked for, so a 47-column export shows what matters first. Changes are remembered by the wizard.
import { useMemo, useState } from 'preact/hooks';
import { fieldSuggestions, fullNameField, mapHeaders, type ColumnMapping, type FieldSuggestion, type HeaderMapping, type RecalledMapping } from '../../../shared/map/index.ts';
import { getResource, type FieldSpec, type ResourceName } from '../../../shared/resources/index.ts';
import { countOf, formatCount } from '../../ui/count.ts';
import { Notice } from '../../ui/notice.tsx';
import { MappingRow } from './mapping-row.tsx';
import { NotImportedColumns } from './not-imported-columns.tsx';

export interface MappingStepProps {
  resource: ResourceName;
  headers: string[];
  samples: string[][];
  /** The first rows' values per column, as the mapping reads them: what the field suggestions rest on. */
  mappingSamples: string[][];
  /** Per column, how many records hold a value. */
  filled: number[];
  mapping: HeaderMapping;
  remembered: RecalledMapping | null;
  onChange: (header: string, field: string | null) => void;
  onReset: () => void;
}

export function MappingStep(props: MappingStepProps) {
  const spec = getResource(props.resource);
  const choices = spec.fields.filter((f) => f.type !== 'timestamp' || f.key === 'updated_at');
  const missing = missingRequired(props.resource, props.mapping);
  const [showEmpty, setShowEmpty] = useState(false);
  const suggestions = useSuggestions(props);
  // Which columns sit in the fold is decided when the step opens: a column the user maps or leaves out stays
  // where it is (and keeps focus), rather than jumping between the two lists.
  const [folded] = useState(() => new Set(props.mapping.columns.filter((c) => c.field === null).map((c) => c.index)));
  const isEmpty = (c: ColumnMapping) => (props.filled[c.index] ?? 0) === 0;
  const emptyCount = props.mapping.columns.filter(isEmpty).length;
  // an empty column imports nothing, whatever it maps to
  const importing = props.mapping.columns.filter((c) => c.field !== null && !isEmpty(c)).length;
  const shown = props.mapping.columns.filter((c) => showEmpty || !isEmpty(c));
  const row = (column: ColumnMapping) => (
    <MappingRow key={column.index} column={column} samples={props.samples[column.index] ?? []} filled={props.filled[column.index] ?? 0}
      choices={choices} suggested={suggestions[column.index] ?? []} onChange={props.onChange} />
  );
  return (
    <div class="stack">
      <div class="row">
        <p data-testid="mapping-summary">
          <strong>{formatCount(importing)}</strong> of {countOf(props.headers.length, 'column')} will be imported into {spec.title.toLowerCase()}.
        </p>
        <div class="spacer" />
        {emptyCount > 0 && (
          <label class="choice small">
            <input type="checkbox" checked={showEmpty} onChange={(e) => setShowEmpty(e.currentTarget.checked)} data-testid="show-empty" />
            Show {countOf(emptyCount, 'empty column')}
          </label>
        )}
        <button type="button" class="small ghost" onClick={props.onReset}>Reset to suggestions</button>
      </div>
      {props.remembered && <p class="muted small" data-testid="mapping-remembered">{rememberedText(props.remembered)}</p>}
      {missing.length > 0 && (
        <Notice kind="warning" title="Required fields without a column" testId="missing-required">
          {missing.map((f) => f.label).join(', ')}: rows without them cannot be created (updates by id still work).
        </Notice>
      )}
      <div class="table-wrap">
        <table class="mapping-table" data-testid="mapping-imported">
          <MappingHead />
          <tbody>{shown.filter((c) => !folded.has(c.index)).map(row)}</tbody>
        </table>
      </div>
      <NotImportedColumns columns={shown.filter((c) => folded.has(c.index))} hiddenEmpty={showEmpty ? 0 : emptyCount} head={<MappingHead />} row={row} />
    </div>
  );
}

/** Per column, the fields the core suggests for it, most likely first: from the automatic mapping, whatever the user chose. */
function useSuggestions(props: MappingStepProps): FieldSuggestion[][] {
  return useMemo(() => {
    const spec = getResource(props.resource);
    const auto = mapHeaders(spec, props.headers, {}, props.mappingSamples);
    return auto.columns.map((c) => fieldSuggestions(spec, c, props.mappingSamples[c.index] ?? []));
  }, [props.resource, props.headers, props.mappingSamples]);
}

export function MappingHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Column in the file</th>
        <th scope="col">Sample values</th>
        <th scope="col">Imports into</th>
        <th scope="col">Why</th>
      </tr>
    </thead>
  );
}

function rememberedText(r: RecalledMapping): string {
  const list = (headers: string[]) => headers.map((h) => `“${h}”`).join(', ');
  if (r.fit === 'superset') return `Your earlier choices for these columns were applied (this file also has ${list(r.added)}).`;
  if (r.fit === 'subset') return `Your earlier choices for these columns were applied (from a file that also had ${list(r.missing)}).`;
  return 'Your earlier choices for these headers were applied.';
}

function missingRequired(resource: ResourceName, mapping: HeaderMapping): FieldSpec[] {
  const spec = getResource(resource);
  const fullName = fullNameField(spec);
  const hasFullName = fullName !== undefined && mapping.byField[fullName] !== undefined;
  return spec.fields.filter(
    (f) => f.required && mapping.byField[f.key] === undefined && !(hasFullName && (f.key === 'first_name' || f.key === 'last_name')),
  );
}

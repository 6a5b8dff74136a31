// The columns of a resource's sheet, derived from the resource table: id, Pivor's export columns, the
// other writable fields, updated_at (exportFields), then our "Pivor status" column. Says how each column
// is shown: plain text, number, date cell, checkbox, dropdown; and which are read-only.
import { columnName, exportFields, getResource, writableValues, type FieldSpec, type ResourceName, type ResourceSpec } from '../shared/resources/index.ts';

export const STATUS_HEADER = 'Pivor status';
/** Rows kept empty below the data, already formatted, so new rows typed there get dropdowns and plain text. */
export const SPARE_ROWS = 200;
export const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
export const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const TEXT_FORMAT = '@';

export type CellKind = 'id' | 'timestamp' | 'date' | 'checkbox' | 'dropdown' | 'number' | 'text';

export interface SheetColumn {
  /** 1-based column number in the sheet. */
  index: number;
  header: string;
  field: FieldSpec;
  kind: CellKind;
  readOnly: boolean;
  /** Dropdown values: what the API can write. */
  choices: readonly string[];
}

export interface SheetLayout {
  resource: ResourceName;
  spec: ResourceSpec;
  sheetName: string;
  snapshotName: string;
  columns: SheetColumn[];
  /** 1-based column of the status column (after the data columns). */
  statusIndex: number;
  headers: string[];
}

function kindOf(field: FieldSpec): CellKind {
  switch (field.type) {
    case 'id': return 'id';
    case 'timestamp': return 'timestamp';
    case 'datetime': return 'date';
    case 'boolean': return 'checkbox';
    case 'enum': return 'dropdown';
    case 'integer':
    case 'decimal': return 'number';
    default: return 'text';
  }
}

const layouts = new Map<ResourceName, SheetLayout>();

export function sheetLayout(resource: ResourceName): SheetLayout {
  const cached = layouts.get(resource);
  if (cached) return cached;
  const spec = getResource(resource);
  const columns = exportFields(spec).map((field, i): SheetColumn => {
    const kind = kindOf(field);
    return { index: i + 1, header: columnName(field), field, kind, readOnly: kind === 'id' || kind === 'timestamp', choices: kind === 'dropdown' ? writableValues(field) : [] };
  });
  const layout: SheetLayout = {
    resource,
    spec,
    sheetName: spec.title,
    snapshotName: `_pivor_snapshot_${spec.title}`,
    columns,
    statusIndex: columns.length + 1,
    headers: [...columns.map((c) => c.header), STATUS_HEADER],
  };
  layouts.set(resource, layout);
  return layout;
}

export function columnOf(layout: SheetLayout, key: string): SheetColumn {
  const column = layout.columns.find((c) => c.field.key === key);
  if (!column) throw new Error(`${layout.resource} has no column ${key}`);
  return column;
}

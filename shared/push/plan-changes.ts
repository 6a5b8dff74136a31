// planChanges: a validated file (or sheet) against the server's records → what each row will do. Pure: the
// CLI and the extension pass a fresh listing, the Sheets add-on its pulled snapshot.
// Rows match records by id when they have one, else by the chosen key; a matched row sends only the fields
// that differ; error rows and second matches of one record are skipped with the reason; deletes only when asked.
import { findField, getResource, type FieldSpec, type ResourceSpec } from '../resources/index.ts';
import { toApiBody } from '../validate/api-body.ts';
import type { References, ValidatedRow, ValidationReport } from '../validate/types.ts';
import { readPath } from '../export/read-path.ts';
import { comparable, sameValue } from './compare-values.ts';
import type { ApiRecord, FieldChange, MatchBy, Plan, PlanCounts, PlannedAction } from './types.ts';

export interface PlanOptions {
  matchBy: MatchBy;
  /** Delete server records that no row stands for (a sheet's deleted rows). Never with matchBy 'none'. */
  deleteMissing?: boolean;
  /**
   * An empty cell in a matched row: 'keep' leaves the server's value (a CSV import: Pivor's own export leaves
   * columns empty), 'clear' empties the field (a sheet whose cell was cleared). Default 'keep'.
   */
  emptyCells?: 'keep' | 'clear';
  /**
   * A row that changes a record edited in Pivor since the file was exported (its updated_at differs):
   * 'skip' it with the reason (default), or 'overwrite' the other edit.
   */
  onConflict?: 'skip' | 'overwrite';
  /** The records the report's names were resolved against: tells whether an ambiguous name is the one already linked. */
  references?: References;
}

type Values = ValidatedRow['values'];

export function planChanges(report: ValidationReport, baseline: readonly ApiRecord[], options: PlanOptions): Plan {
  const spec = getResource(report.resource);
  const warnings: string[] = [];
  const columns: Record<string, string> = {};
  for (const column of report.mapping.columns) if (column.field !== null) columns[column.field] = column.header;

  let matchBy = options.matchBy;
  if ((matchBy === 'email' || matchBy === 'name') && !keyFields(spec, matchBy)) {
    warnings.push(`${spec.title} have no ${matchBy} to match on: rows match by id only.`);
    matchBy = 'id';
  }
  const byId = new Map(baseline.map((r) => [r.id, r]));
  const byKey = matchBy === 'email' || matchBy === 'name' ? indexBy(spec, baseline, matchBy) : new Map<string, ApiRecord[]>();
  const looksLike = matchBy === 'none' ? lookAlikeIndexes(spec, baseline) : [];

  const actions: PlannedAction[] = [];
  const claimedBy = new Map<number, number>(); // record id → row that matched it
  const createdKeys = new Map<string, number>(); // match key → row that creates it
  const lookAlikes: number[] = [];
  const idColumn = report.mapping.columns.find((c) => c.field === 'id');

  for (const row of report.rows) {
    const id = idOf(row, idColumn?.index);
    let record: ApiRecord | undefined;
    let matchError: string | undefined;
    let key: string | undefined;
    if (matchBy !== 'none' && id !== undefined) {
      record = byId.get(id);
      if (!record) matchError = `no ${spec.singular} with id ${id} on the server (deleted, or not visible to you)`;
    } else if (matchBy === 'email' || matchBy === 'name') {
      key = keyOf(spec, row.values, matchBy) ?? undefined;
      const found = key === undefined ? [] : byKey.get(key) ?? [];
      if (found.length === 1) record = found[0];
      if (found.length > 1) {
        matchError = `${found.length} ${spec.name} on the server have this ${matchBy} (ids ${found.map((r) => r.id).join(', ')}): add an id column to say which`;
      }
    }
    // A record an error row stands for is still claimed: it must not be deleted because its row has a typo.
    const earlier = record ? claimedBy.get(record.id) : undefined;
    if (record && earlier === undefined) claimedBy.set(record.id, row.row);

    const settled = row.status === 'error' && record && earlier === undefined ? settleErrors(spec, row, record, options.references) : row;
    if (settled.status === 'error') {
      actions.push(skipForErrors(settled));
      continue;
    }
    if (matchError) {
      actions.push({ kind: 'skip', row: row.row, reason: matchError, ...columnPart(columns, matchBy === 'id' || id !== undefined ? 'id' : keyColumn(matchBy)) });
      continue;
    }
    if (record && earlier !== undefined) {
      actions.push({ kind: 'skip', row: row.row, reason: `row ${earlier} already stands for the ${spec.singular} with id ${record.id}: merge the two rows` });
      continue;
    }
    if (record) {
      const action = updateOrUnchanged(spec, settled, record, options.emptyCells === 'clear' ? mappedKeys(spec, report) : []);
      const conflict = action.kind === 'update' && options.onConflict !== 'overwrite' ? conflictOf(spec, row, record) : undefined;
      actions.push(conflict ? { kind: 'skip', row: row.row, reason: conflict, ...columnPart(columns, 'updated_at') } : action);
      continue;
    }
    if (key !== undefined) {
      const first = createdKeys.get(key);
      if (first !== undefined) {
        actions.push({ kind: 'skip', row: row.row, reason: `row ${first} has the same ${matchBy} and creates that ${spec.singular}: merge the two rows`, ...columnPart(columns, keyColumn(matchBy)) });
        continue;
      }
      createdKeys.set(key, row.row);
    }
    const notices: string[] = [];
    if (matchBy === 'none') {
      const like = looksLike.map((index) => index(row.values)).find((hit) => hit !== undefined);
      if (like) {
        notices.push(`looks like the existing ${spec.singular} ${like}`);
        lookAlikes.push(row.row);
      }
    }
    const afterCreate = updateOnlyBody(spec, row.values);
    actions.push({ kind: 'create', row: row.row, body: toApiBody(spec.name, row.values, 'create'), notices, ...(afterCreate ? { afterCreate } : {}) });
  }

  if (lookAlikes.length > 0) {
    warnings.push(`Matching is off: ${lookAlikes.length} row(s) look like existing ${spec.name} and will be created again (rows ${summarize(lookAlikes)}).`);
  }
  if (options.deleteMissing) {
    if (matchBy === 'none') warnings.push('Deleting records no row stands for needs matching: nothing will be deleted.');
    else for (const record of baseline) if (!claimedBy.has(record.id)) actions.push({ kind: 'delete', row: null, id: record.id, label: labelOf(spec, record) });
  }
  const watermark = baseline.reduce((max, r) => Math.max(max, r.id), 0);
  return { resource: spec.name, matchBy, actions, warnings, counts: countActions(actions), watermark, columns };
}

/**
 * Compares the row's values with the record, field by field; `cleared` lists the fields a mapped column fills,
 * whose empty cells (absent from the values) clear the server's value.
 */
function updateOrUnchanged(spec: ResourceSpec, row: ValidatedRow, record: ApiRecord, cleared: readonly string[]): PlannedAction {
  const changed: Values = {};
  const changes: FieldChange[] = [];
  const keys = new Set([...Object.keys(row.values), ...cleared]);
  for (const key of keys) {
    const field = findField(spec, key);
    // Reference names compare through the id they resolved to (client_id), which the row's values also hold.
    if (!field || field.apiName === null || field.type === 'reference') continue;
    const value = row.values[key] ?? null;
    const current = readPath(record, field.readPath ?? field.apiName);
    if (sameValue(field, value, current)) continue;
    changed[key] = value;
    changes.push({ field: key, from: current ?? null, to: value });
  }
  if (changes.length === 0) return { kind: 'unchanged', row: row.row, id: record.id };
  return { kind: 'update', row: row.row, id: record.id, body: toApiBody(spec.name, changed, 'update'), changes };
}

// The row was exported at one updated_at and the record has another: someone changed it in between.
function conflictOf(spec: ResourceSpec, row: ValidatedRow, record: ApiRecord): string | undefined {
  const field = findField(spec, 'updated_at');
  const exported = row.values.updated_at;
  if (!field || typeof exported !== 'string' || typeof record.updated_at !== 'string') return undefined;
  if (sameValue(field, exported, record.updated_at)) return undefined;
  return `the ${spec.singular} was changed in Pivor since this row was exported (updated_at ${record.updated_at}, the row says ${exported}): export again, or push with conflicts overwritten`;
}

// Fields some column of the file fills; a reference name column stands for its id field.
function mappedKeys(spec: ResourceSpec, report: ValidationReport): string[] {
  const keys: string[] = [];
  for (const column of report.mapping.columns) {
    const field = column.field === null ? undefined : findField(spec, column.field);
    if (!field) continue;
    keys.push(field.reference ? field.reference.idField : field.key);
  }
  return keys;
}

/**
 * A matched row's errors that only restate what the record already holds are no reason to skip it: a value the API
 * cannot write (status archived) that the record has, or an ambiguous name that is the record's current link.
 * Such a row is planned like any other; the field compares equal and is not sent.
 */
function settleErrors(spec: ResourceSpec, row: ValidatedRow, record: ApiRecord, references: References | undefined): ValidatedRow {
  const values = { ...row.values };
  const remaining = row.issues.filter((issue) => {
    if (issue.severity !== 'error' || issue.field === null) return issue.severity === 'error';
    const field = findField(spec, issue.field);
    if (!field) return true;
    if (issue.code === 'not-writable') return !sameValue(field, values[field.key], readPath(record, field.readPath ?? field.apiName ?? field.key));
    if (issue.code === 'ambiguous-reference' && field.reference) {
      const current = record[field.reference.idField];
      const name = values[field.key];
      if (typeof current !== 'number' || typeof name !== 'string' || !linkedNames(field, record, current, references).includes(nameKey(name))) return true;
      values[field.reference.idField] = current;
      return false;
    }
    return true;
  });
  if (remaining.length > 0) return row;
  return { ...row, status: 'warning', values };
}

// The names the record's current link answers to: its embedded record, or the references by id.
function linkedNames(field: FieldSpec, record: ApiRecord, id: number, references: References | undefined): string[] {
  const target = field.reference!.resource;
  const embedded = record[target === 'clients' ? 'client' : 'contact'] as Record<string, unknown> | null | undefined;
  const names: unknown[] = [];
  if (target === 'clients') {
    const ref = references?.clients?.find((c) => c.id === id);
    names.push(embedded?.name, embedded?.trading_name, ref?.name, ref?.trading_name);
  } else {
    const ref = references?.contacts?.find((c) => c.id === id);
    if (embedded) names.push(`${String(embedded.first_name ?? '')} ${String(embedded.last_name ?? '')}`);
    if (ref) names.push(`${ref.first_name} ${ref.last_name}`);
  }
  return names.filter((n): n is string => typeof n === 'string' && n.trim() !== '').map(nameKey);
}

// As the validator compares names: trimmed, inner spaces collapsed, case ignored.
function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

// What a create cannot carry (completed_at): the API takes it on update only, so it follows the create.
function updateOnlyBody(spec: ResourceSpec, values: Values): Record<string, unknown> | undefined {
  const later: Values = {};
  for (const field of spec.fields) if (field.updateOnly && values[field.key] !== undefined) later[field.key] = values[field.key]!;
  return Object.keys(later).length > 0 ? toApiBody(spec.name, later, 'update') : undefined;
}

function skipForErrors(row: ValidatedRow): PlannedAction {
  const errors = row.issues.filter((i) => i.severity === 'error');
  const reason = errors.map((i) => i.message).join(' ') || 'the row has errors';
  const column = errors.find((i) => i.column)?.column;
  return { kind: 'skip', row: row.row, reason, ...(column ? { column } : {}) };
}

// The row's id: the validated value, else the raw cell (an error row may still name its record).
function idOf(row: ValidatedRow, idIndex: number | undefined): number | undefined {
  const value = row.values.id;
  if (typeof value === 'number') return value;
  const raw = typeof value === 'string' ? value : idIndex !== undefined ? row.cells[idIndex] : undefined;
  return raw !== undefined && /^\s*\d+\s*$/.test(raw) ? Number(raw) : undefined;
}

function keyFields(spec: ResourceSpec, matchBy: 'email' | 'name'): FieldSpec[] | undefined {
  if (matchBy === 'email') {
    const email = findField(spec, 'email');
    return email ? [email] : undefined;
  }
  if (spec.name === 'clients') return [findField(spec, 'name')!];
  if (spec.name === 'contacts') return [findField(spec, 'first_name')!, findField(spec, 'last_name')!];
  return undefined;
}

function keyColumn(matchBy: MatchBy): string {
  return matchBy === 'email' ? 'email' : matchBy === 'name' ? 'name' : 'id';
}

/** The normalized match key of a row's values or a record, or null when it has none. */
function keyFrom(fields: FieldSpec[], get: (field: FieldSpec) => unknown): string | null {
  const parts = fields.map((f) => comparable({ ...f, type: 'email' }, get(f)));
  if (parts.some((p) => p === null)) return null;
  return parts.join('\u0000');
}

function keyOf(spec: ResourceSpec, values: Values, matchBy: 'email' | 'name'): string | null {
  const fields = keyFields(spec, matchBy);
  return fields ? keyFrom(fields, (f) => values[f.key]) : null;
}

function recordKey(spec: ResourceSpec, record: ApiRecord, matchBy: 'email' | 'name'): string | null {
  const fields = keyFields(spec, matchBy);
  return fields ? keyFrom(fields, (f) => readPath(record, f.readPath ?? f.apiName ?? f.key)) : null;
}

function indexBy(spec: ResourceSpec, records: readonly ApiRecord[], matchBy: 'email' | 'name'): Map<string, ApiRecord[]> {
  const index = new Map<string, ApiRecord[]>();
  for (const record of records) {
    const key = recordKey(spec, record, matchBy);
    if (key !== null) (index.get(key) ?? index.set(key, []).get(key)!).push(record);
  }
  return index;
}

// With matching off, rows are still compared with existing records by email and name, to warn before duplicating.
function lookAlikeIndexes(spec: ResourceSpec, baseline: readonly ApiRecord[]): ((values: Values) => string | undefined)[] {
  return (['email', 'name'] as const)
    .filter((m) => keyFields(spec, m))
    .map((m) => {
      const index = indexBy(spec, baseline, m);
      return (values: Values) => {
        const key = keyOf(spec, values, m);
        const hit = key === null ? undefined : index.get(key)?.[0];
        return hit ? `with id ${hit.id} (same ${m})` : undefined;
      };
    });
}

function columnPart(columns: Record<string, string>, field: string): { column?: string } {
  const column = columns[field];
  return column !== undefined ? { column } : {};
}

function labelOf(spec: ResourceSpec, record: ApiRecord): string {
  const name = spec.name === 'contacts' ? [record.first_name, record.last_name].filter(Boolean).join(' ')
    : spec.name === 'clients' ? record.name : record.subject;
  return `${spec.singular} ${record.id}${typeof name === 'string' && name !== '' ? ` (${name})` : ''}`;
}

function summarize(rows: number[]): string {
  return rows.length > 10 ? `${rows.slice(0, 10).join(', ')}…` : rows.join(', ');
}

export function countActions(actions: readonly PlannedAction[]): PlanCounts {
  const counts: PlanCounts = { create: 0, update: 0, unchanged: 0, delete: 0, skip: 0 };
  for (const action of actions) counts[action.kind] += 1;
  return counts;
}

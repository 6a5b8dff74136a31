// planChanges: a validated file (or sheet) against the server's records → what each row will do. Pure: the
// CLI and the extension pass a fresh listing, the Sheets add-on its pulled snapshot.
// Rows match records by id when they have one, else by the chosen key; a matched row sends only the fields
// that differ; error rows and second matches of one record are skipped with the reason; deletes only when asked.
// A row that would create a record Pivor seems to have already (look-alikes.ts), or whose name is near or shared
// (reference-choices.ts), is held with the candidates named until the user chooses (PlanOptions.choices).
// The server is the truth: an unfinished earlier run's journal only keeps rows it created from being sent again.
import { findField, getResource, type FieldSpec, type ResourceSpec } from '../resources/index.ts';
import { toApiBody } from '../validate/api-body.ts';
import { NON_ASCII_INITIAL } from '../validate/ascii-initial.ts';
import type { References, ValidatedRow, ValidationReport } from '../validate/types.ts';
import { readPath } from '../export/read-path.ts';
import { sameValue } from './compare-values.ts';
import { earlierRun, journaledIds, type PushJournal } from './journal.ts';
import { LookAlikes, recordLabel, recordName } from './look-alikes.ts';
import { indexBy, keyColumn, keyFields, keyOf } from './match-keys.ts';
import { nameKey } from './name-match.ts';
import { settlePrimaryContacts } from './primary-contacts.ts';
import { referenceReason, settleReferences } from './reference-choices.ts';
import type { ApiRecord, Candidate, FieldChange, MatchBy, Plan, PlanCounts, PlannedAction, Question, RowChoice } from './types.ts';

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
  /** Create the rows that look like records already in Pivor (or like earlier rows) anyway. Default: hold them. */
  createLookAlikes?: boolean;
  /**
   * Create the clients that rows name but Pivor lacks (just the name) before planning (preparePush does); here it
   * makes 'create' an answer to a client name near an existing one.
   */
  createMissingClients?: boolean;
  /** The user's answers to the plan's questions, by row number. */
  choices?: Readonly<Record<number, RowChoice>>;
  /** The journal of an unfinished earlier run of this push (same file, server and resource), if any. */
  resume?: PushJournal | null;
}

type Values = ValidatedRow['values'];

/** What planning one row needs that is shared by all rows. */
interface Context {
  spec: ResourceSpec;
  options: PlanOptions;
  matchBy: MatchBy;
  columns: Record<string, string>;
  byId: Map<number, ApiRecord>;
  byKey: Map<string, ApiRecord[]>;
  lookAlikes: LookAlikes;
  claimedBy: Map<number, number>; // record id → row that matched it
  createdKeys: Map<string, number>; // match key → row that creates it
  idIndex: number | undefined;
  resume: PushJournal | null;
  cleared: readonly string[];
  matched: Map<number, { row: ValidatedRow; record: ApiRecord }>; // row → what an update or unchanged was planned from
}

export function planChanges(report: ValidationReport, baseline: readonly ApiRecord[], options: PlanOptions): Plan {
  const spec = getResource(report.resource);
  const warnings: string[] = [];
  const columns: Record<string, string> = {};
  for (const column of report.mapping.columns) if (column.field !== null) columns[column.field] = column.header;

  const matchBy = effectiveMatch(spec, report, options.matchBy, warnings);
  const resume = options.resume && options.resume.resource === spec.name ? options.resume : null;
  const ctx: Context = {
    spec, options, matchBy, columns, resume,
    byId: new Map(baseline.map((r) => [r.id, r])),
    byKey: matchBy === 'email' || matchBy === 'name' ? indexBy(spec, baseline, matchBy) : new Map(),
    lookAlikes: new LookAlikes(spec.name, baseline, journaledIds(resume), matchBy === 'email'),
    claimedBy: new Map(),
    createdKeys: new Map(),
    idIndex: report.mapping.columns.find((c) => c.field === 'id')?.index,
    cleared: options.emptyCells === 'clear' ? mappedKeys(spec, report) : [],
    matched: new Map(),
  };
  const actions = report.rows.map((row) => planRow(ctx, row));
  if (spec.name === 'contacts') {
    warnings.push(...settlePrimaryContacts(actions, { matched: ctx.matched, baseline, rows: report.rows, replan: (row, record) => planMatched(ctx, row, record) }));
  }

  const held = heldRowsWarning(spec, actions);
  if (held !== undefined) warnings.push(held);
  const recreated = actions.filter((a) => a.kind === 'create' && a.replaces !== undefined).map((a) => a.row!);
  if (recreated.length > 0) {
    warnings.push(`${recreated.length} row(s) an earlier run of this push created are no longer in Pivor and will be created again (rows ${summarize(recreated)}).`);
  }
  if (options.deleteMissing) {
    if (matchBy === 'none') warnings.push('Deleting records no row stands for needs matching: nothing will be deleted.');
    else for (const record of baseline) if (!ctx.claimedBy.has(record.id)) actions.push({ kind: 'delete', row: null, id: record.id, label: recordLabel(spec.name, record) });
  }
  const watermark = baseline.reduce((max, r) => Math.max(max, r.id), 0);
  return { resource: spec.name, matchBy, actions, warnings, counts: countActions(actions), watermark, columns };
}

// The match key asked for, unless the resource or the file cannot give it: clients without an email column
// match by name (every client has one), and a key a resource lacks falls back to ids.
/**
 * The warning naming the new rows held back as look-alikes, if any. Exported so a review that lists those rows
 * itself (the Sheets add-on's) can leave the summary line out rather than say it twice.
 */
export function heldRowsWarning(spec: ResourceSpec, actions: readonly PlannedAction[]): string | undefined {
  const held = actions.filter((a) => a.kind === 'duplicate').map((a) => a.row!);
  if (held.length === 0) return undefined;
  return `${held.length} row(s) look like ${spec.name} already in Pivor or earlier rows and will not be created unless you ask for them (rows ${summarize(held)}).`;
}

function effectiveMatch(spec: ResourceSpec, report: ValidationReport, asked: MatchBy, warnings: string[]): MatchBy {
  if ((asked === 'email' || asked === 'name') && !keyFields(spec, asked)) {
    warnings.push(`${spec.title} have no ${asked} to match on: rows match by id only.`);
    return 'id';
  }
  if (asked === 'email' && spec.name === 'clients' && !report.mapping.columns.some((c) => c.field === 'email')) {
    warnings.push('The file has no email column: clients match by name.');
    return 'name';
  }
  return asked;
}

function planRow(ctx: Context, input: ValidatedRow): PlannedAction {
  const { spec, columns, options } = ctx;
  const choice = options.choices?.[input.row];
  const references = settleReferences(spec, input, options.references, choice, options.createMissingClients === true);
  const row = references?.row ?? input;
  const found = findRecord(ctx, row, choice);
  const { record, key } = found;
  // A record an error row stands for is still claimed: it must not be deleted because its row has a typo.
  const earlier = record ? ctx.claimedBy.get(record.id) : undefined;
  if (record && earlier === undefined) ctx.claimedBy.set(record.id, row.row);

  const settled = row.status === 'error' && record && earlier === undefined ? settleErrors(spec, row, record, options.references) : row;
  if (settled.status === 'error') return skipForErrors(settled, references?.question);
  if (found.error) return { kind: 'skip', row: row.row, reason: found.error, ...columnPart(columns, found.column ?? 'id'), ...(found.question ? { question: found.question } : {}) };
  if (record && earlier !== undefined) {
    return { kind: 'skip', row: row.row, reason: `row ${earlier} already stands for the ${spec.singular} with id ${record.id}: merge the two rows` };
  }
  if (record) {
    ctx.matched.set(row.row, { row: settled, record });
    return planMatched(ctx, settled, record);
  }
  if (key !== undefined) {
    const first = ctx.createdKeys.get(key);
    if (first !== undefined) {
      return { kind: 'skip', row: row.row, reason: `row ${first} has the same ${ctx.matchBy} and creates that ${spec.singular}: merge the two rows`, ...columnPart(columns, keyColumn(ctx.matchBy)) };
    }
    ctx.createdKeys.set(key, row.row);
  }
  return planCreate(ctx, settled, choice);
}

// A row standing for a record: the fields that differ are sent, unless the record changed since the row was exported.
function planMatched(ctx: Context, row: ValidatedRow, record: ApiRecord): PlannedAction {
  const action = updateOrUnchanged(ctx.spec, row, record, ctx.cleared);
  const conflict = action.kind === 'update' && ctx.options.onConflict !== 'overwrite' ? conflictOf(ctx.spec, row, record) : undefined;
  return conflict ? { kind: 'skip', row: row.row, reason: conflict, ...columnPart(ctx.columns, 'updated_at') } : action;
}

interface Found {
  record?: ApiRecord;
  key?: string;
  error?: string;
  column?: string;
  question?: Question;
}

// The record a row stands for: the one the user chose, its id, or its match key (several found: ask which).
function findRecord(ctx: Context, row: ValidatedRow, choice: RowChoice | undefined): Found {
  const { spec, matchBy } = ctx;
  const chosen = typeof choice?.record === 'object' ? choice.record.use : undefined;
  const id = chosen ?? (matchBy !== 'none' ? idOf(row, ctx.idIndex) : undefined);
  if (id !== undefined) {
    const record = ctx.byId.get(id);
    return record ? { record } : { error: `no ${spec.singular} with id ${id} on the server (deleted, or not visible to you)`, column: 'id' };
  }
  if (matchBy !== 'email' && matchBy !== 'name') return {};
  const key = keyOf(spec, row.values, matchBy) ?? undefined;
  const found = key === undefined ? [] : ctx.byKey.get(key) ?? [];
  if (found.length === 1) return { record: found[0]!, key: key! };
  if (found.length === 0) return key === undefined ? {} : { key };
  const candidates: Candidate[] = found.map((r) => ({ id: r.id, label: recordLabel(spec.name, r), match: 'same' }));
  return {
    key: key!, column: keyColumn(matchBy),
    error: `${found.length} ${spec.name} on the server have this ${matchBy} (ids ${found.map((r) => r.id).join(', ')}): add an id column to say which, or choose one`,
    question: { about: 'record', candidates, canCreate: true },
  };
}

// A row no record stands for: created, unless an earlier run of this push made it already, or it looks like a
// record Pivor has (or an earlier row) and the user has not asked for it.
function planCreate(ctx: Context, row: ValidatedRow, choice: RowChoice | undefined): PlannedAction {
  const { spec, options } = ctx;
  const body = toApiBody(spec.name, row.values, 'create');
  const afterCreate = updateOnlyBody(spec, row.values);
  const earlier = ctx.resume ? earlierRun(ctx.resume, row.row, body, (id) => ctx.byId.has(id)) : undefined;
  if (earlier?.kind === 'created') {
    ctx.lookAlikes.addRow(row.row, body);
    return { kind: 'create', row: row.row, body, notices: [], ...(afterCreate ? { afterCreate } : {}), earlier: { id: earlier.id, followUpPending: earlier.followUpPending } };
  }
  // Sent before with its answer unknown: the push engine looks it up first.
  if (earlier?.kind === 'pending') return { kind: 'create', row: row.row, body, notices: [], ...(afterCreate ? { afterCreate } : {}) };
  let candidates: Candidate[] = [];
  if (options.createLookAlikes || choice?.record === 'create') ctx.lookAlikes.addRow(row.row, body);
  else candidates = ctx.lookAlikes.find(body, { row: row.row });
  if (candidates.length > 0) {
    return {
      kind: 'duplicate', row: row.row, body, ...(afterCreate ? { afterCreate } : {}), reason: duplicateReason(spec, candidates),
      question: { about: 'record', candidates, canCreate: true },
    };
  }
  if (earlier?.kind !== 'gone') return { kind: 'create', row: row.row, body, notices: [], ...(afterCreate ? { afterCreate } : {}) };
  return {
    kind: 'create', row: row.row, body, ...(afterCreate ? { afterCreate } : {}), replaces: earlier.id,
    notices: [`an earlier run of this push created it as ${spec.singular} ${earlier.id}, which is no longer in Pivor: created again`],
  };
}

function duplicateReason(spec: ResourceSpec, candidates: readonly Candidate[]): string {
  const [first] = candidates;
  if (first!.id === undefined) return `like row ${first!.row} of this file, which creates it`;
  const also = candidates.length > 1 ? ` or ${candidates.slice(1).map((c) => c.label).join(', ')}` : '';
  if (first!.match === 'near') return `looks like ${first!.label}${also} in Pivor (a near name)`;
  return `already in Pivor (probably ${spec.singular} ${first!.id}${also})`;
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
  const name = recordName(spec.name, record);
  if (changes.length === 0) return { kind: 'unchanged', row: row.row, id: record.id, name };
  return { kind: 'update', row: row.row, id: record.id, name, body: toApiBody(spec.name, changed, 'update'), changes };
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
 * cannot write (status archived) or a name Pivor fails on that the record has, or an ambiguous name that is the record's current link.
 * Such a row is planned like any other; the field compares equal and is not sent.
 */
function settleErrors(spec: ResourceSpec, row: ValidatedRow, record: ApiRecord, references: References | undefined): ValidatedRow {
  const values = { ...row.values };
  const remaining = row.issues.filter((issue) => {
    if (issue.severity !== 'error' || issue.field === null) return issue.severity === 'error';
    const field = findField(spec, issue.field);
    if (!field) return true;
    // a value the API cannot write, or a name Pivor fails on (non-ASCII initial), that the record holds already
    if (issue.code === 'not-writable' || issue.code === NON_ASCII_INITIAL) return !sameValue(field, values[field.key], readPath(record, field.readPath ?? field.apiName ?? field.key));
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

// What a create cannot carry (completed_at): the API takes it on update only, so it follows the create.
function updateOnlyBody(spec: ResourceSpec, values: Values): Record<string, unknown> | undefined {
  const later: Values = {};
  for (const field of spec.fields) if (field.updateOnly && values[field.key] !== undefined) later[field.key] = values[field.key]!;
  return Object.keys(later).length > 0 ? toApiBody(spec.name, later, 'update') : undefined;
}

function skipForErrors(row: ValidatedRow, question?: Question): PlannedAction {
  const errors = row.issues.filter((i) => i.severity === 'error');
  const reason = errors.map((i) => (question && i.field === question.field ? `Row ${row.row}: ${referenceReason(question)}.` : i.message)).join(' ') || 'the row has errors';
  const column = errors.find((i) => i.column)?.column;
  return { kind: 'skip', row: row.row, reason, ...(column ? { column } : {}), ...(question ? { question } : {}) };
}

// The row's id: the validated value, else the raw cell (an error row may still name its record).
function idOf(row: ValidatedRow, idIndex: number | undefined): number | undefined {
  const value = row.values.id;
  if (typeof value === 'number') return value;
  const raw = typeof value === 'string' ? value : idIndex !== undefined ? row.cells[idIndex] : undefined;
  return raw !== undefined && /^\s*\d+\s*$/.test(raw) ? Number(raw) : undefined;
}

function columnPart(columns: Record<string, string>, field: string): { column?: string } {
  const column = columns[field];
  return column !== undefined ? { column } : {};
}

function summarize(rows: number[]): string {
  return rows.length > 10 ? `${rows.slice(0, 10).join(', ')}…` : rows.join(', ');
}

export function countActions(actions: readonly PlannedAction[]): PlanCounts {
  const counts: PlanCounts = { create: 0, update: 0, unchanged: 0, delete: 0, duplicate: 0, skip: 0 };
  for (const action of actions) counts[action.kind] += 1;
  return counts;
}

// Validates a read CSV table against a resource: maps headers, normalizes every cell, applies the API's rules,
// resolves names when Pivor's records are given, and reports per row with the user's row numbers and headers.
import type { CsvTable, ReadProblem } from '../csv/index.ts';
import { mapHeaders, partsFromFullName, fullNameField, NAME_PARTS, tableSamples, type ColumnSamples, type HeaderMapping } from '../map/index.ts';
import { needsTrim, trimNotice, type CellValue } from '../normalize/index.ts';
import type { FieldSpec, ResourceSpec } from '../resources/index.ts';
import { planColumns, type ColumnPlan } from './column-plan.ts';
import type { RowNote } from './cell-sources.ts';
import { CheckedRow, NO_ISSUES } from './checked-row.ts';
import { crossRowChecks, type CrossRowCheck } from './cross-row.ts';
import { columnIssue, fieldWords, rowIssue } from './messages.ts';
import { referenceIndex, type ReferenceIndex } from './references.ts';
import { namesFrom, RowValueStore, type NameFill } from './row-values.ts';
import type { Issue, RowValue, ValidatedRow, ValidateOptions, ValidationReport } from './types.ts';
import { checkValue } from './value-rules.ts';
import { noticeLevel, statusOf } from './levels.ts';
import { rowByNumber } from './row-by-number.ts';
import { asciiInitialFields, nonAsciiInitial, nonAsciiInitialIssue } from './ascii-initial.ts';

/** A cell that failed to normalize: it holds no value, but is no missing value either (it has its own error). */
const FAILED: unique symbol = Symbol('failed cell');

export function validateTable(resource: ResourceSpec, table: CsvTable, options: ValidateOptions = {}): ValidationReport {
  const check = new TableCheck(resource, table.headers, options, table.delimiter, tableSamples(table));
  const records = table.records;
  for (let r = 0; r < records.length; r++) {
    const { row, cells } = records[r]!;
    check.add(row, cells);
  }
  return check.finish(table);
}

/**
 * validateTable one record at a time, for callers that read and check in one pass (checkCsv): set up from the
 * headers, fed every record in file order, then finished with what the reader reported.
 */
export class TableCheck {
  private readonly mapping: HeaderMapping;
  private readonly plans: ColumnPlan[];
  private readonly refs: ReferenceIndex;
  private readonly names: NameFill | null;
  /** Required fields, with the index in `plans` of the column filling each (-1: none). */
  private readonly required: { field: FieldSpec; plan: number }[];
  /** Reference columns whose resource has records to resolve names against (the others change nothing). */
  private readonly references: ColumnPlan[];
  private readonly clientIdField: string | undefined;
  private readonly crossRow: CrossRowCheck[];
  /** Per check across rows, the value the current row gave its column (undefined: none). */
  private readonly crossValues: (RowValue | undefined)[];
  private readonly store: RowValueStore;
  /** The index in `plans` of the column filling each field. */
  private readonly planOf: Map<string, number>;
  /** Per-row notices of fields spanning columns (usually none). */
  private readonly notes: RowNote[];
  /** Fields whose first character must be ASCII (Pivor's initials bug), with the header of the column filling each. */
  private readonly initials: { field: FieldSpec; header: string | null }[];
  private readonly sendNonAsciiInitials: boolean;

  // The row being checked: its value per column (by plan index; FAILED for a cell that failed), and the values
  // that no column holds, filled from other columns (name parts, resolved ids), or null when there are none.
  private readonly current: (CellValue | typeof FAILED | undefined)[];
  private filled: Record<string, RowValue> | null = null;
  /** The current row's value of a field, as its values object will have it. */
  private readonly valueOf = (key: string): RowValue | undefined => {
    const filled = this.filled?.[key];
    if (filled !== undefined) return filled;
    const p = this.planOf.get(key);
    const value = p === undefined ? undefined : this.current[p];
    return value === FAILED ? undefined : value;
  };

  /** Every record's row, in file order, blank ones left out. */
  private readonly rows: ValidatedRow[] = [];
  /** Indexes in `rows` of the rows with issues, ascending. */
  private readonly flagged: number[] = [];
  /** Numbers read before their column showed its decimal mark (see number-column.ts). */
  private readonly undecided: { index: number; plan: ColumnPlan; issues: Issue[] }[] = [];
  // Rows with no value in any cell (Excel leaves ";;;;" lines below the data): skipped, and said so once.
  private readonly blankRows: number[] = [];

  /**
   * `delimiter`: the file's, for rows that keep their line rather than their cells (see add), and a hint at its
   * decimal mark; `samples`: values of the first rows, per column, for the mapping to look at (see columnSamples).
   */
  constructor(
    private readonly resource: ResourceSpec, headers: readonly string[], options: ValidateOptions = {}, delimiter = ',', samples?: ColumnSamples,
  ) {
    const mapping = mapHeaders(resource, headers, options.userMapping, samples);
    this.mapping = mapping;
    const plans = planColumns(resource, mapping, options, delimiter);
    this.plans = plans;
    this.planOf = new Map(plans.map((plan, p) => [plan.key, p]));
    this.notes = plans.flatMap((plan) => (plan.note ? [plan.note] : []));
    this.current = plans.map(() => undefined);
    this.refs = referenceIndex(options.references);
    this.names = nameFill(resource, mapping);
    this.required = resource.fields.filter((f) => f.required).map((field) => ({ field, plan: this.planOf.get(field.key) ?? -1 }));
    const given = options.references;
    const references = plans.filter((p) => {
      const target = p.field.type === 'reference' ? p.field.reference : undefined;
      return target !== undefined && ((target.resource === 'clients' && !!given?.clients) || (target.resource === 'contacts' && !!given?.contacts));
    });
    this.clientIdField = resource.fields.find((f) => f.reference?.resource === 'clients')?.reference?.idField;
    // clients before contacts, so a communication's client can tell two same-named contacts apart
    references.sort((a, b) => (a.field.reference!.resource === 'clients' ? -1 : 0) - (b.field.reference!.resource === 'clients' ? -1 : 0));
    this.references = references;
    this.crossRow = crossRowChecks(resource, plans);
    this.crossRow.forEach((c, i) => (c.plan.crossRow = i));
    this.crossValues = this.crossRow.map(() => undefined);
    this.store = new RowValueStore(plans, this.names, references, delimiter);
    this.initials = asciiInitialFields(resource.name).map((field) => {
      const p = this.planOf.get(field.key);
      return { field, header: p !== undefined ? plans[p]!.header : this.names?.header ?? null };
    });
    this.sendNonAsciiInitials = options.sendNonAsciiInitials === true;
  }

  /**
   * The hot loop: one call per record, allocating only the row and the issues that exist (its values are built
   * from its cells when read, see row-values.ts). `row` is the record's spreadsheet row; records come in file order.
   * Given the quote-free line the cells were read from (`text`, `lineStart`, `lineEnd`), the row keeps that line
   * instead of the cells (see checked-row.ts).
   */
  add(row: number, cells: string[], text?: string, lineStart = 0, lineEnd = 0): void {
    const { plans, current, crossValues, store } = this;
    for (let c = 0; c < crossValues.length; c++) crossValues[c] = undefined;
    // made at the first issue, at its size: most rows have none, most others one
    let issues: Issue[] | null = null;
    let invalid = false;
    for (let p = 0; p < plans.length; p++) {
      const plan = plans[p]!;
      const raw = plan.pick === null ? cells[plan.index] : plan.pick(cells);
      let value: CellValue | undefined;
      let failed = false;
      if (raw !== undefined && raw !== '') {
        // messages name the column the value came from
        const at = plan.origin === null ? plan : plan.origin(cells);
        let text = raw;
        if (needsTrim(raw)) {
          text = raw.trim();
          if (text !== '') issues = append(issues, columnIssue(row, 'info', 'trimmed', trimNotice(raw).message, at));
        }
        if (text === '') {
          // spaces only: no value
        } else if (plan.asIs || (plan.keep !== null && plan.keep(text))) {
          value = text;
        } else {
          const result = plan.normalize(text);
          const before = issues === null ? 0 : issues.length;
          if (result.ok) {
            if (result.notices) for (const n of result.notices) issues = append(issues, columnIssue(row, noticeLevel(n.code), n.code, n.message, at));
            value = result.value;
          } else {
            issues = append(issues, columnIssue(row, 'error', result.code, result.message, at));
            invalid = failed = true;
          }
          // a number read with what its column had shown so far: read again once every value is in
          if (plan.numbers !== null && plan.numbers.lastAmbiguous) this.undecided.push({ index: this.rows.length, plan, issues: issues!.slice(before) });
        }
        // checkValue finds nothing within the column's length and minimum, unless some enum values are not writable
        if (value !== undefined && plan.limited &&
          (typeof value === 'string' ? value.length > plan.max || plan.writable !== null : typeof value === 'number' && value < plan.min)) {
          const problem = checkValue(at, value, row);
          if (problem) issues = append(issues, problem);
        }
      }
      current[p] = failed ? FAILED : value;
      if (value !== undefined && plan.crossRow >= 0) crossValues[plan.crossRow] = value;
    }
    if (issues === null && !invalid && isBlank(cells)) {
      this.blankRows.push(row);
      return;
    }
    const notes = this.notes;
    for (let n = 0; n < notes.length; n++) {
      const found = notes[n]!(cells, row);
      if (found) for (const issue of found) issues = append(issues, issue);
    }
    this.filled = null;
    if (this.names) {
      const split = this.fillNames(row);
      if (split) issues = append(issues, split);
    }
    const references = this.references;
    for (let r = 0; r < references.length; r++) {
      const resolved = resolveReference(this.refs, references[r]!, this.valueOf, row, this.clientIdField);
      if (resolved.id !== undefined) (this.filled ??= {})[references[r]!.field.reference!.idField] = resolved.id;
      store.keepId(r, resolved.id);
      if (resolved.issue) issues = append(issues, resolved.issue);
    }
    const initials = this.initials;
    for (let f = 0; f < initials.length; f++) {
      const value = this.valueOf(initials[f]!.field.key);
      if (typeof value === 'string' && nonAsciiInitial(value) !== null) {
        issues = append(issues, nonAsciiInitialIssue(row, initials[f]!.field, value, initials[f]!.header, this.sendNonAsciiInitials));
      }
    }
    const required = this.required;
    for (let f = 0; f < required.length; f++) {
      const { field, plan } = required[f]!;
      // a cell that failed to normalize has its own error: "required" would say it twice
      if ((plan >= 0 && current[plan] !== undefined) || this.filled?.[field.key] !== undefined) continue;
      issues = append(issues, missing(field, this.mapping, this.names, row));
    }
    // The checks across rows take the row's values now that they are final; their issues come in finish.
    const index = this.rows.length;
    for (let c = 0; c < crossValues.length; c++) {
      const value = crossValues[c];
      if (value !== undefined) this.crossRow[c]!.add(index, row, value, this.valueOf);
    }
    if (issues !== null) this.flagged.push(index);
    this.rows.push(text === undefined
      ? new CheckedRow(row, cells, undefined, 0, 0, issues ?? NO_ISSUES, store, index)
      : new CheckedRow(row, undefined, text, lineStart, lineEnd, issues ?? NO_ISSUES, store, index));
  }

  /** Numbers read while their column was still showing its decimal mark: read again with all its values. */
  private rereadNumbers(): void {
    for (const { index, plan, issues } of this.undecided) {
      const row = this.rows[index]!;
      const result = plan.normalize(row.cells[plan.index]!.trim());
      const replacement = result.ok
        ? (result.notices ?? []).map((n) => columnIssue(row.row, noticeLevel(n.code), n.code, n.message, plan))
        : [columnIssue(row.row, 'error', result.code, result.message, plan)];
      const first = row.issues.indexOf(issues[0]!);
      row.issues = [...row.issues.slice(0, first), ...replacement, ...row.issues.slice(first + issues.length)];
    }
  }

  /** Fills first and last name from the full name; returns the notice saying so, if any. */
  private fillNames(row: number): Issue | null {
    const fill = this.names!;
    const full = this.valueOf(fill.fullName);
    const parts = namesFrom(fill, full);
    if (!parts) return null;
    const filled: string[] = [];
    const values = (this.filled ??= {});
    if (parts.first !== undefined) {
      values[NAME_PARTS.first] = parts.first;
      filled.push(`first name "${parts.first}"`);
    }
    if (parts.last !== undefined) {
      values[NAME_PARTS.last] = parts.last;
      filled.push(`last name "${parts.last}"`);
    }
    // splitting a name is a guess ("García Márquez"): say what was done
    return parts.split ? rowIssue(row, 'warning', 'name-split', `split "${String(full)}" into ${filled.join(' and ')}`, fill.header, fill.fullName) : null;
  }

  /** The report, with the reader's problems (and layout) attached: call once, after the last record. */
  finish(table: Pick<CsvTable, 'headers' | 'encoding' | 'delimiter' | 'problems'>): ValidationReport {
    const { resource, mapping, blankRows } = this;
    const rows = this.rows;
    this.rereadNumbers();
    // Issues across rows, check by check in column order, each row's after its own.
    let flagged = this.flagged;
    const crossFlagged: number[] = [];
    for (const check of this.crossRow) {
      const found = check.finish();
      for (let i = 0; i < found.indexes.length; i++) {
        const r = rows[found.indexes[i]!]!;
        if (r.issues.length === 0) crossFlagged.push(found.indexes[i]!);
        r.issues = [...r.issues, found.issues[i]!];
      }
    }
    if (crossFlagged.length) flagged = [...flagged, ...crossFlagged].sort((a, b) => a - b);
    const skipped = attachReadProblems(table.problems, rows);
    const fileIssues = skipped.fileIssues;
    if (blankRows.length) fileIssues.push(blankRowsIssue(blankRows));
    fileIssues.push(...mappingIssues(resource, mapping));
    if (skipped.rows.length) {
      rows.push(...skipped.rows);
      rows.sort((a, b) => a.row - b.row);
    }

    const issues: Issue[] = fileIssues.slice();
    const counts = { records: rows.length, valid: 0, warnings: 0, errors: 0 };
    // Only rows with issues change status; when the reader added none to records, those are the flagged ones.
    let withIssues: readonly ValidatedRow[];
    if (skipped.rows.length === 0 && !skipped.onRecords) {
      withIssues = flagged.map((i) => rows[i]!);
    } else {
      withIssues = rows.filter((r) => r.issues.length > 0);
    }
    for (const r of withIssues) {
      for (const issue of r.issues) issues.push(issue);
      r.status = statusOf(r.issues);
      if (r.status === 'error') counts.errors++;
      else if (r.status === 'warning') counts.warnings++;
    }
    counts.valid = rows.length - counts.errors - counts.warnings;
    return {
      resource: resource.name, encoding: table.encoding, delimiter: table.delimiter, headers: table.headers,
      mapping, rows, issues, counts,
    };
  }
}

/** When a full-name column stands in for first_name and/or last_name. */
function nameFill(resource: ResourceSpec, mapping: HeaderMapping): NameFill | null {
  const key = fullNameField(resource);
  const parts = partsFromFullName(resource, mapping);
  if (!key || (!parts.first && !parts.last)) return null;
  const header = mapping.columns[mapping.byField[key]!]!.header;
  return { fullName: key, header, ...parts };
}

function append(issues: Issue[] | null, issue: Issue): Issue[] {
  if (issues === null) return [issue];
  issues.push(issue);
  return issues;
}

function missing(field: FieldSpec, mapping: HeaderMapping, names: NameFill | null, row: number): Issue {
  const words = fieldWords(field);
  const index = mapping.byField[field.key];
  if (index !== undefined) return rowIssue(row, 'error', 'required', `${words} is required`, mapping.columns[index]!.header, field.key);
  const fromName = names && ((field.key === NAME_PARTS.first && names.first) || (field.key === NAME_PARTS.last && names.last));
  if (fromName) {
    return rowIssue(row, 'error', 'required', `${words} is required, and the full name has no ${field.key === NAME_PARTS.last ? 'last' : 'first'} name to give`, names.header, field.key);
  }
  return rowIssue(row, 'error', 'required', `${words} is required, but no column holds it`, null, field.key);
}

/** Resolves a reference column's name to its id; with the issue when it does not resolve. */
function resolveReference(
  refs: ReferenceIndex, plan: ColumnPlan, valueOf: (key: string) => RowValue | undefined, row: number, clientIdField: string | undefined,
): { id?: number; issue?: Issue } {
  const name = valueOf(plan.field.key);
  const target = plan.field.reference!;
  if (typeof name !== 'string') return {};
  const clientId = clientIdField === undefined ? undefined : valueOf(clientIdField);
  const found = refs.resolve(target.resource, name, typeof clientId === 'number' ? clientId : undefined);
  if (found === null) return {};
  const noun = target.resource === 'clients' ? 'client' : 'contact';
  if (found.kind === 'unknown') {
    return { issue: rowIssue(row, 'error', 'unknown-reference', `no ${noun} named "${name}" in Pivor`, plan.header, plan.field.key) };
  }
  if (found.kind === 'ambiguous') {
    return {
      issue: rowIssue(
        row, 'error', 'ambiguous-reference',
        `${found.ids.length} ${noun}s in Pivor are named "${name}" (ids ${found.ids.join(', ')}): give the ${target.idField} instead, or make the name unique in Pivor`,
        plan.header, plan.field.key,
      ),
    };
  }
  const given = valueOf(target.idField);
  if (typeof given === 'number' && given !== found.id) {
    return {
      issue: rowIssue(
        row, 'error', 'reference-mismatch',
        `${noun} "${name}" is ${noun} ${found.id} in Pivor, but ${target.idField} says ${given}`, plan.header, plan.field.key,
      ),
    };
  }
  return { id: found.id };
}

function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
  return true;
}

function blankRowsIssue(rows: readonly number[]): Issue {
  const shown = rows.slice(0, 10).join(', ') + (rows.length > 10 ? ` and ${rows.length - 10} more` : '');
  const what = rows.length === 1 ? `Row ${shown} has no values; it is skipped.` : `${rows.length} rows have no values and are skipped (rows ${shown}).`;
  return { row: 1, column: null, field: null, severity: 'warning', code: 'blank-rows', message: what };
}

/** The reader's problems: on their record's row, as an error row for a record it skipped, or file-level. */
function attachReadProblems(
  problems: readonly ReadProblem[], rows: readonly ValidatedRow[],
): { fileIssues: Issue[]; rows: ValidatedRow[]; onRecords: boolean } {
  const fileIssues: Issue[] = [];
  const skipped = new Map<number, ValidatedRow>();
  let onRecords = false;
  for (const p of problems) {
    const issue: Issue = { row: p.row, column: p.column ?? null, field: null, severity: p.severity, code: p.code, message: p.message };
    const record = p.row > 1 ? rowByNumber(rows, p.row) : undefined;
    if (record) {
      record.issues = [...record.issues, issue];
      onRecords = true;
    } else if (p.severity === 'error' && p.row > 1) {
      const rejected = skipped.get(p.row);
      if (rejected) rejected.issues = [...rejected.issues, issue];
      else skipped.set(p.row, { row: p.row, status: 'error', values: {}, issues: [issue], cells: p.cells ?? [] });
    } else fileIssues.push(issue);
  }
  return { fileIssues, rows: [...skipped.values()], onRecords };
}

/** Columns that fill nothing: listed as file-level warnings, so nobody wonders where their data went. */
function mappingIssues(resource: ResourceSpec, mapping: HeaderMapping): Issue[] {
  const issues: Issue[] = [];
  for (const c of mapping.columns) {
    // a column read with another (a phone's label, a Home address) is imported through that one
    if (c.field !== null || c.reason === 'combined') continue;
    const label = c.header.trim() ? `"${c.header}"` : `${c.index + 1} (no header)`;
    const plain = c.reason === 'unknown' && (c.detail === undefined || c.detail.startsWith('no matching field') || c.detail.startsWith('empty header'));
    const why = c.reason === 'user' ? 'your mapping ignores it' : plain ? `it matches no ${resource.singular} field` : c.detail;
    issues.push({
      row: 1, column: c.header, field: c.candidate ?? null, severity: 'warning',
      code: c.reason === 'duplicate' ? 'duplicate-column' : 'unmapped-column',
      message: `Column ${label} is not imported: ${why}.`,
    });
    if (c.holdsEmails) {
      issues.push({
        row: 1, column: c.header, field: null, severity: 'warning', code: 'unmapped-emails',
        message: `Column ${label} holds email addresses, and they are not imported: map it to a field if they matter.`,
      });
    }
  }
  return issues;
}

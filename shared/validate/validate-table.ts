// Validates a read CSV table against a resource: maps headers, normalizes every cell, applies the API's rules,
// resolves names when Pivor's records are given, and reports per row with the user's row numbers and headers.
import type { CsvTable, ReadProblem } from '../csv/index.ts';
import { mapHeaders, partsFromFullName, splitFullName, fullNameField, NAME_PARTS, type HeaderMapping } from '../map/index.ts';
import { needsTrim, trimNotice } from '../normalize/index.ts';
import type { FieldSpec, ResourceSpec } from '../resources/index.ts';
import { planColumns, type ColumnPlan } from './column-plan.ts';
import { collectForCrossRow, crossRowIssues } from './cross-row.ts';
import { columnIssue, fieldWords, rowIssue } from './messages.ts';
import { referenceIndex, type ReferenceIndex } from './references.ts';
import type { Issue, RowValue, ValidatedRow, ValidateOptions, ValidationReport } from './types.ts';
import { checkValue } from './value-rules.ts';

export function validateTable(resource: ResourceSpec, table: CsvTable, options: ValidateOptions = {}): ValidationReport {
  const mapping = mapHeaders(resource, table.headers, options.userMapping);
  const plans = planColumns(resource, mapping, options);
  const refs = referenceIndex(options.references);
  const names = nameFill(resource, mapping);
  const required = resource.fields.filter((f) => f.required);
  const references = plans.filter((p) => p.field.type === 'reference' && p.field.reference);
  const clientIdField = resource.fields.find((f) => f.reference?.resource === 'clients')?.reference?.idField;
  // clients before contacts, so a communication's client can tell two same-named contacts apart
  references.sort((a, b) => (a.field.reference!.resource === 'clients' ? -1 : 0) - (b.field.reference!.resource === 'clients' ? -1 : 0));

  const records = table.records;
  collectForCrossRow(plans, records.length);
  let rows: ValidatedRow[] = new Array(records.length);
  // Rows with no value in any cell (Excel leaves ";;;;" lines below the data): skipped, and said so once.
  const blankRows: number[] = [];
  // The hot loop: one pass per record, allocating only the row, its values and the issues that exist.
  for (let r = 0; r < records.length; r++) {
    const { row, cells } = records[r]!;
    const values: Record<string, RowValue> = {};
    const issues: Issue[] = [];
    let invalid: string[] | undefined;
    for (let p = 0; p < plans.length; p++) {
      const plan = plans[p]!;
      const raw = cells[plan.index];
      if (raw === undefined || raw === '') continue;
      let text = raw;
      if (needsTrim(raw)) {
        text = raw.trim();
        if (text === '') continue;
        issues.push(columnIssue(row, 'warning', 'trimmed', trimNotice(raw).message, plan));
      }
      let value: RowValue;
      if (plan.asIs || (plan.keep !== null && plan.keep(text))) {
        value = text;
      } else {
        const result = plan.normalize(text);
        if (!result.ok) {
          issues.push(columnIssue(row, 'error', result.code, result.message, plan));
          if (invalid === undefined) invalid = [];
          invalid.push(plan.key);
          continue;
        }
        if (result.notices) for (const n of result.notices) issues.push(columnIssue(row, 'warning', n.code, n.message, plan));
        value = result.value;
      }
      if (plan.limited) {
        const problem = checkValue(plan, value, row);
        if (problem) issues.push(problem);
      }
      values[plan.key] = value;
      if (plan.collected !== null) plan.collected[r] = value;
    }
    if (issues.length === 0 && invalid === undefined && isBlank(cells)) {
      blankRows.push(row);
      rows[r] = { row, status: 'valid', values, issues, cells };
      continue;
    }
    if (names) fillNames(names, values, issues, row);
    for (let p = 0; p < references.length; p++) resolveReference(refs, references[p]!, values, issues, row, clientIdField);
    for (let f = 0; f < required.length; f++) {
      const key = required[f]!.key;
      if (values[key] !== undefined || invalid?.includes(key)) continue;
      issues.push(missing(required[f]!, mapping, names, row));
    }
    rows[r] = { row, status: 'valid', values, issues, cells };
  }

  // Checks across rows, while rows[i] is still record i.
  for (const issue of crossRowIssues(resource, plans, rows)) rowByNumber(rows, issue.row)?.issues.push(issue);
  if (blankRows.length) {
    const blank = new Set(blankRows);
    rows = rows.filter((r) => !blank.has(r.row));
  }
  const skipped = attachReadProblems(table.problems, rows);
  const fileIssues = skipped.fileIssues;
  if (blankRows.length) fileIssues.push(blankRowsIssue(blankRows));
  fileIssues.push(...mappingIssues(resource, mapping));
  if (skipped.rows.length) {
    rows.push(...skipped.rows);
    rows.sort((a, b) => a.row - b.row);
  }

  const issues: Issue[] = fileIssues.slice();
  for (const r of rows) {
    let errors = false;
    for (const issue of r.issues) {
      issues.push(issue);
      if (issue.severity === 'error') errors = true;
    }
    r.status = errors ? 'error' : r.issues.length ? 'warning' : 'valid';
  }
  const counts = { records: rows.length, valid: 0, warnings: 0, errors: 0 };
  for (const r of rows) {
    if (r.status === 'valid') counts.valid++;
    else if (r.status === 'warning') counts.warnings++;
    else counts.errors++;
  }
  return {
    resource: resource.name, encoding: table.encoding, delimiter: table.delimiter, headers: table.headers,
    mapping, rows, issues, counts,
  };
}

interface NameFill { fullName: string; header: string; first: boolean; last: boolean }

/** When a full-name column stands in for first_name and/or last_name. */
function nameFill(resource: ResourceSpec, mapping: HeaderMapping): NameFill | null {
  const key = fullNameField(resource);
  const parts = partsFromFullName(resource, mapping);
  if (!key || (!parts.first && !parts.last)) return null;
  const header = mapping.columns[mapping.byField[key]!]!.header;
  return { fullName: key, header, ...parts };
}

function fillNames(fill: NameFill, values: Record<string, RowValue>, issues: Issue[], row: number): void {
  const full = values[fill.fullName];
  if (typeof full !== 'string') return;
  const { first, last } = splitFullName(full);
  const filled: string[] = [];
  if (fill.first && first) {
    values[NAME_PARTS.first] = first;
    filled.push(`first name "${first}"`);
  }
  if (fill.last && last) {
    values[NAME_PARTS.last] = last;
    filled.push(`last name "${last}"`);
  }
  // splitting a name is a guess ("García Márquez"): say what was done
  if (filled.length && (first && last)) {
    issues.push(rowIssue(row, 'warning', 'name-split', `split "${full}" into ${filled.join(' and ')}`, fill.header, fill.fullName));
  }
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

function resolveReference(
  refs: ReferenceIndex, plan: ColumnPlan, values: Record<string, RowValue>, issues: Issue[], row: number, clientIdField: string | undefined,
): void {
  const name = values[plan.field.key];
  const target = plan.field.reference!;
  if (typeof name !== 'string') return;
  const clientId = clientIdField === undefined ? undefined : values[clientIdField];
  const found = refs.resolve(target.resource, name, typeof clientId === 'number' ? clientId : undefined);
  if (found === null) return;
  const noun = target.resource === 'clients' ? 'client' : 'contact';
  if (found.kind === 'unknown') {
    issues.push(rowIssue(row, 'error', 'unknown-reference', `no ${noun} named "${name}" in Pivor`, plan.header, plan.field.key));
  } else if (found.kind === 'ambiguous') {
    issues.push(rowIssue(
      row, 'error', 'ambiguous-reference',
      `${found.ids.length} ${noun}s in Pivor are named "${name}" (ids ${found.ids.join(', ')}): give the ${target.idField} instead, or make the name unique in Pivor`,
      plan.header, plan.field.key,
    ));
  } else {
    const given = values[target.idField];
    if (typeof given === 'number' && given !== found.id) {
      issues.push(rowIssue(
        row, 'error', 'reference-mismatch',
        `${noun} "${name}" is ${noun} ${found.id} in Pivor, but ${target.idField} says ${given}`, plan.header, plan.field.key,
      ));
    } else {
      values[target.idField] = found.id;
    }
  }
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

function rowByNumber(rows: readonly ValidatedRow[], row: number): ValidatedRow | undefined {
  // rows are in file order, so row numbers ascend: binary search
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rows[mid]!;
    if (r.row === row) return r;
    if (r.row < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The reader's problems: on their record's row, as an error row for a record it skipped, or file-level. */
function attachReadProblems(problems: readonly ReadProblem[], rows: readonly ValidatedRow[]): { fileIssues: Issue[]; rows: ValidatedRow[] } {
  const fileIssues: Issue[] = [];
  const skipped = new Map<number, ValidatedRow>();
  for (const p of problems) {
    const issue: Issue = { row: p.row, column: p.column ?? null, field: null, severity: p.severity, code: p.code, message: p.message };
    const record = p.row > 1 ? rowByNumber(rows, p.row) : undefined;
    if (record) record.issues.push(issue);
    else if (p.severity === 'error' && p.row > 1) {
      let rejected = skipped.get(p.row);
      if (!rejected) {
        rejected = { row: p.row, status: 'error', values: {}, issues: [], cells: [] };
        skipped.set(p.row, rejected);
      }
      rejected.issues.push(issue);
    } else fileIssues.push(issue);
  }
  return { fileIssues, rows: [...skipped.values()] };
}

/** Columns that fill nothing: listed as file-level warnings, so nobody wonders where their data went. */
function mappingIssues(resource: ResourceSpec, mapping: HeaderMapping): Issue[] {
  const issues: Issue[] = [];
  for (const c of mapping.columns) {
    if (c.field !== null) continue;
    const label = c.header.trim() ? `"${c.header}"` : `${c.index + 1} (no header)`;
    const why = c.reason === 'duplicate' ? c.detail : c.reason === 'user' ? 'your mapping ignores it' : `it matches no ${resource.singular} field`;
    issues.push({
      row: 1, column: c.header, field: c.candidate ?? null, severity: 'warning',
      code: c.reason === 'duplicate' ? 'duplicate-column' : 'unmapped-column',
      message: `Column ${label} is not imported: ${why}.`,
    });
  }
  return issues;
}

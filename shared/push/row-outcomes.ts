// One model of what will happen: the validation report and the plan read together, row by row. Each row will be
// created, updated (which fields), left unchanged, held (it looks like a record Pivor has) or skipped (why), and its
// issues carry one of three levels: info (a normalization, on its cell), warning (sent, but look), error (not sent).
// Where the two disagree the plan decides, since it is what the push does: a validation error the plan settles (an
// "archived" Pivor already holds) becomes an info, and a row the plan skips (a second row creating one record) gets
// its reason as an error. Every screen counts from this, so Review and Plan say the same.
import { findField, getResource, labelOf } from '../resources/index.ts';
import { statusOf } from '../validate/levels.ts';
import { fieldWords, rowIssue, withoutRowPrefix } from '../validate/messages.ts';
import type { Issue, ValidatedRow, ValidationReport } from '../validate/types.ts';
import { referenceReason } from './reference-choices.ts';
import type { FieldChange, Plan, PlannedAction, Question } from './types.ts';

export type RowAction = 'create' | 'update' | 'unchanged' | 'held' | 'skip';

export interface LabelledChange extends FieldChange {
  /** The field's label, as a person reads it: "Job title", not job_title. */
  label: string;
}

export interface RowOutcome {
  row: number;
  action: RowAction;
  /** 'error': not sent; 'warning': sent, with warnings; 'valid': sent, with at most infos. */
  status: ValidatedRow['status'];
  /** The record the row stands for, as a person knows it: "Ada Byron (#404)". */
  record?: { id: number; name: string };
  /** An update's changed fields, old → new. */
  changes?: LabelledChange[];
  /** Why a held or skipped row is not sent (also among its issues). */
  reason?: string;
  /** A choice that would settle a held or skipped row (which record, which client). */
  question?: Question;
  issues: readonly Issue[];
}

export interface OutcomeCounts {
  records: number;
  create: number;
  update: number;
  unchanged: number;
  held: number;
  skip: number;
  /** Sent (or already as in Pivor), without warnings. */
  valid: number;
  /** Sent, with warnings. */
  warnings: number;
  /** Not sent: skipped or held. */
  errors: number;
  /** Rows with values normalized on the way (infos), whatever their status. */
  normalized: number;
}

export interface RowOutcomes {
  rows: RowOutcome[];
  counts: OutcomeCounts;
  /** Issues about the file as a whole (row 1). */
  fileIssues: Issue[];
  /** Where the plan sends its row's fields: field key → the file's column. */
  columns: Record<string, string>;
}

/** The one model, from a report and the plan made from it. */
export function rowOutcomes(report: ValidationReport, plan: Plan): RowOutcomes {
  const tally = new OutcomeTally(report, plan);
  while (!tally.complete) tally.add(Number.POSITIVE_INFINITY);
  return tally.result();
}

/**
 * The model built a slice at a time, so a page can take a turn between slices of a 100,000-row file: first the
 * plan's actions are indexed by row, then the report's rows are read in order. rowOutcomes is the same in one go.
 */
export class OutcomeTally {
  readonly #report: ValidationReport;
  readonly #plan: Plan;
  readonly #byRow = new Map<number, PlannedAction>();
  #indexed = 0;
  readonly #rows: RowOutcome[] = [];
  readonly #counts: OutcomeCounts = { records: 0, create: 0, update: 0, unchanged: 0, held: 0, skip: 0, valid: 0, warnings: 0, errors: 0, normalized: 0 };

  constructor(report: ValidationReport, plan: Plan) {
    this.#report = report;
    this.#plan = plan;
  }

  /** Whether every row of the report is in. */
  get complete(): boolean {
    return this.#indexed === this.#plan.actions.length && this.#rows.length === this.#report.rows.length;
  }

  /** Takes up to `count` more steps: actions indexed until all are, then rows read. */
  add(count: number): void {
    const actions = this.#plan.actions;
    if (this.#indexed < actions.length) {
      const end = Math.min(this.#indexed + count, actions.length);
      for (; this.#indexed < end; this.#indexed++) {
        const action = actions[this.#indexed]!;
        if (action.row !== null) this.#byRow.set(action.row, action);
      }
      return;
    }
    const rows = this.#report.rows;
    const end = Math.min(this.#rows.length + count, rows.length);
    for (let i = this.#rows.length; i < end; i++) this.#count(this.#outcome(rows[i]!));
  }

  #outcome(row: ValidatedRow): RowOutcome {
    const action = this.#byRow.get(row.row);
    return action ? outcomeOf(this.#report, this.#plan, row, action) : skipped(row, 'the row has errors');
  }

  #count(outcome: RowOutcome): void {
    const counts = this.#counts;
    this.#rows.push(outcome);
    counts.records++;
    counts[outcome.action]++;
    if (outcome.status === 'error') counts.errors++;
    else if (outcome.status === 'warning') counts.warnings++;
    else counts.valid++;
    if (outcome.issues.some((issue) => issue.severity === 'info')) counts.normalized++;
  }

  result(): RowOutcomes {
    return { rows: this.#rows, counts: this.#counts, fileIssues: this.#report.issues.filter((i) => i.row <= 1), columns: this.#plan.columns };
  }
}

function outcomeOf(report: ValidationReport, plan: Plan, row: ValidatedRow, action: PlannedAction): RowOutcome {
  switch (action.kind) {
    case 'create':
      return sent(row, 'create', withNewClient(row, plan, settled(report, row)));
    case 'update':
      return { ...sent(row, 'update', settled(report, row)), record: { id: action.id, name: action.name }, changes: labelled(report, action.changes) };
    case 'unchanged':
      return { ...sent(row, 'unchanged', settled(report, row)), record: { id: action.id, name: action.name } };
    case 'duplicate':
      return notSent(row, 'held', `not created: ${action.reason}`, action.question, columnOf(plan, action.question));
    case 'skip':
      return row.status === 'error'
        ? skipped(row, action.reason, action.question)
        : notSent(row, 'skip', action.reason, action.question, action.column ?? null);
    case 'delete':
      return skipped(row, 'the row has errors');
  }
}

function sent(row: ValidatedRow, action: 'create' | 'update' | 'unchanged', issues: readonly Issue[]): RowOutcome {
  return { row: row.row, action, status: statusOf(issues), issues };
}

/** A row the validator refused: its own errors say why, a name with candidates naming them. */
function skipped(row: ValidatedRow, reason: string, question?: Question): RowOutcome {
  if (!question?.field) return { row: row.row, action: 'skip', status: 'error', reason, issues: row.issues };
  const issues = row.issues.map((i) => (i.severity === 'error' && i.field === question.field
    ? { ...rowIssue(row.row, 'error', i.code, referenceReason(question), i.column, i.field) }
    : i));
  return { row: row.row, action: 'skip', status: 'error', reason, question, issues };
}

/**
 * A row the plan holds or skips for a reason of its own (the same email as a row that creates the record, a name
 * to choose): the reason is its error, once, in place of the warning that foresaw it.
 */
function notSent(row: ValidatedRow, action: 'held' | 'skip', reason: string, question: Question | undefined, column: string | null): RowOutcome {
  const body = withoutRowPrefix(reason).replace(/\.$/, '');
  const error = rowIssue(row.row, 'error', action === 'held' ? 'look-alike' : 'not-sent', body, column, null);
  const foreseen = (i: Issue) => i.severity === 'error' || (column !== null && i.column === column && i.code.startsWith('duplicate-'));
  const issues = [...row.issues.filter((i) => !foreseen(i)), error];
  return { row: row.row, action, status: 'error', reason: body, ...(question ? { question } : {}), issues };
}

/**
 * Errors of a row the plan sends all the same, because they were settled: a name the user linked to a record (a near
 * or shared name answered), or, on a matched row, a value the API cannot write or a name Pivor fails on that the
 * record holds already, an ambiguous name that is its current link. They are infos saying so.
 */
function settled(report: ValidationReport, row: ValidatedRow): readonly Issue[] {
  if (row.status !== 'error') return row.issues;
  const spec = getResource(report.resource);
  return row.issues.map((issue) => {
    if (issue.severity !== 'error') return issue;
    const field = issue.field === null ? undefined : findField(spec, issue.field);
    const words = field ? fieldWords(field) : 'the value';
    const value = field ? row.values[field.key] : undefined;
    const shown = typeof value === 'string' ? ` "${value}"` : '';
    if (issue.code === 'unknown-reference' || issue.code === 'ambiguous-reference') {
      return rowIssue(row.row, 'info', 'reference-chosen', `${words}${shown} is linked as you chose`, issue.column, issue.field);
    }
    return rowIssue(row.row, 'info', 'as-in-pivor', `${words}${shown} is what Pivor holds already, so it is left as it is`, issue.column, issue.field);
  });
}

/** A row naming a client that "create missing clients" makes first (a placeholder id below 0 until then). */
function withNewClient(row: ValidatedRow, plan: Plan, issues: readonly Issue[]): readonly Issue[] {
  const id = row.values.client_id;
  const name = row.values.client_name;
  if (typeof id !== 'number' || id >= 0 || typeof name !== 'string') return issues;
  const note = rowIssue(row.row, 'info', 'client-created-first', `client "${name}" is not in Pivor yet: it is created first`, plan.columns.client_name ?? null, 'client_name');
  return [...issues, note];
}

function labelled(report: ValidationReport, changes: readonly FieldChange[]): LabelledChange[] {
  const spec = getResource(report.resource);
  return changes.map((change) => ({ ...change, label: labelOf(spec, change.field) }));
}

function columnOf(plan: Plan, question: Question | undefined): string | null {
  return question?.field ? plan.columns[question.field] ?? null : null;
}

// Checks that need the whole file: the same email twice, and two rows claiming the one primary contact of a client.
// Both are warnings on the later row, naming the earlier one. The row loop collects the values these checks read
// (plan.collected, by record index), so they run over plain arrays rather than every row's values object.
import { findField, type ResourceSpec } from '../resources/index.ts';
import type { ColumnPlan } from './column-plan.ts';
import { firstOccurrencesIgnoringCase } from './first-occurrence.ts';
import { columnIssue, fieldWords } from './messages.ts';
import type { Issue, ValidatedRow } from './types.ts';

/** Asks the row loop to collect, for `records` rows, the columns the checks below need. */
export function collectForCrossRow(plans: readonly ColumnPlan[], records: number): void {
  for (const plan of plans) {
    if (plan.field.type === 'email' || (plan.field.type === 'boolean' && plan.field.onlyOnePer)) {
      plan.collected = new Array(records).fill(null);
    }
  }
}

/** `rows[i]` is the row of record i (rows the reader skipped are not in it yet). */
export function crossRowIssues(resource: ResourceSpec, plans: readonly ColumnPlan[], rows: readonly ValidatedRow[]): Issue[] {
  const issues: Issue[] = [];
  for (const plan of plans) {
    if (!plan.collected) continue;
    if (plan.field.type === 'email') duplicateValues(plan, plan.collected, rows, issues);
    else onlyOnePer(resource, plan, plan.collected, rows, issues);
  }
  return issues;
}

function duplicateValues(plan: ColumnPlan, values: readonly unknown[], rows: readonly ValidatedRow[], issues: Issue[]): void {
  const earlier = firstOccurrencesIgnoringCase(values);
  const words = fieldWords(plan.field);
  for (let r = 0; r < earlier.length; r++) {
    const first = earlier[r]!;
    if (first === -1) continue;
    issues.push(columnIssue(rows[r]!.row, 'warning', 'duplicate-email', `the ${words} "${values[r] as string}" is also on row ${rows[first]!.row}`, plan));
  }
}

function onlyOnePer(resource: ResourceSpec, plan: ColumnPlan, flags: readonly unknown[], rows: readonly ValidatedRow[], issues: Issue[]): void {
  const per = findField(resource, plan.field.onlyOnePer!);
  if (!per) return;
  const idField = per.reference?.idField;
  const words = fieldWords(plan.field);
  // group by the resolved id when there is one (two spellings of one client), else by the name, case-folded once per name
  const owner = new Map<string | number, number>();
  const folded = new Map<string, string>();
  for (let r = 0; r < flags.length; r++) {
    if (flags[r] !== true) continue;
    const { row, values } = rows[r]!;
    const id = idField ? values[idField] : undefined;
    const name = values[per.key];
    let group: string | number;
    if (typeof id === 'number') group = id;
    else if (typeof name === 'string') {
      let key = folded.get(name);
      if (key === undefined) folded.set(name, (key = name.trim().toLowerCase()));
      group = key;
    } else continue;
    const earlier = owner.get(group);
    owner.set(group, row);
    if (earlier !== undefined) {
      const label = typeof name === 'string' ? `"${name}"` : `${per.reference?.resource ?? 'record'} ${String(id)}`;
      issues.push(columnIssue(
        row, 'warning', 'duplicate-primary',
        `row ${earlier} is also the ${words} for ${label}; Pivor keeps only the last one written, so this row wins`,
        plan,
      ));
    }
  }
}

// Checks that need the whole file: the same email twice, and two rows claiming the one primary contact of a client.
// Both are warnings on the later row, naming the earlier one.
import { findField, type ResourceSpec } from '../resources/index.ts';
import type { ColumnPlan } from './column-plan.ts';
import { fieldWords, rowIssue } from './messages.ts';
import type { Issue, ValidatedRow } from './types.ts';

export function crossRowIssues(resource: ResourceSpec, plans: readonly ColumnPlan[], rows: readonly ValidatedRow[]): Issue[] {
  const issues: Issue[] = [];
  for (const plan of plans) {
    if (plan.field.type === 'email') issues.push(...duplicateValues(plan, rows));
    if (plan.field.type === 'boolean' && plan.field.onlyOnePer) issues.push(...onlyOnePer(resource, plan, rows));
  }
  return issues;
}

function duplicateValues(plan: ColumnPlan, rows: readonly ValidatedRow[]): Issue[] {
  const key = plan.field.key;
  const firstRow = new Map<string, number>();
  const issues: Issue[] = [];
  for (const r of rows) {
    const value = r.values[key];
    if (typeof value !== 'string') continue;
    const lower = value.toLowerCase();
    const earlier = firstRow.get(lower);
    if (earlier === undefined) firstRow.set(lower, r.row);
    else {
      issues.push(rowIssue(r.row, 'warning', 'duplicate-email', `the ${fieldWords(plan.field)} "${value}" is also on row ${earlier}`, plan.header, key));
    }
  }
  return issues;
}

function onlyOnePer(resource: ResourceSpec, plan: ColumnPlan, rows: readonly ValidatedRow[]): Issue[] {
  const per = findField(resource, plan.field.onlyOnePer!);
  const idField = per?.reference?.idField;
  const owner = new Map<string, number>();
  const issues: Issue[] = [];
  for (const r of rows) {
    if (r.values[plan.field.key] !== true) continue;
    const id = idField ? r.values[idField] : undefined;
    const name = per ? r.values[per.key] : undefined;
    const group = typeof id === 'number' ? `id:${id}` : typeof name === 'string' ? `name:${name.trim().toLowerCase()}` : null;
    if (group === null) continue;
    const earlier = owner.get(group);
    owner.set(group, r.row);
    if (earlier !== undefined) {
      const label = typeof name === 'string' ? `"${name}"` : `${per?.reference?.resource ?? 'record'} ${String(id)}`;
      issues.push(rowIssue(
        r.row, 'warning', 'duplicate-primary',
        `row ${earlier} is also the ${fieldWords(plan.field)} for ${label}; Pivor keeps only the last one written, so this row wins`,
        plan.header, plan.field.key,
      ));
    }
  }
  return issues;
}

// Checks that need the whole file: the same email twice, and two rows claiming the one primary contact of a client.
// Both are warnings on the later row, naming the earlier one, so they run as the rows come: each row is checked
// against the rows before it, once its own values are final, while they are still at hand.
import { findField, type FieldSpec, type ResourceSpec } from '../resources/index.ts';
import type { ColumnPlan } from './column-plan.ts';
import { FirstOccurrences } from './first-occurrence.ts';
import { columnIssue, fieldWords } from './messages.ts';
import type { Issue, RowValue } from './types.ts';

export interface CrossRowCheck {
  /** The column whose value is checked: a row without a value in it is not. */
  plan: ColumnPlan;
  /** The issue this row earns against the rows before it, given its column's value and its final values. */
  check(row: number, value: RowValue, values: Readonly<Record<string, RowValue>>): Issue | null;
}

/** The checks across rows for these columns, in column order (a row's issues from them come in that order). */
export function crossRowChecks(resource: ResourceSpec, plans: readonly ColumnPlan[]): CrossRowCheck[] {
  const checks: CrossRowCheck[] = [];
  for (const plan of plans) {
    if (plan.field.type === 'email') checks.push(duplicateValues(plan));
    else if (plan.field.type === 'boolean' && plan.field.onlyOnePer) {
      const per = findField(resource, plan.field.onlyOnePer);
      if (per) checks.push(onlyOnePer(plan, per));
    }
  }
  return checks;
}

function duplicateValues(plan: ColumnPlan): CrossRowCheck {
  const firstRows = new FirstOccurrences();
  const words = fieldWords(plan.field);
  return {
    plan,
    check(row, value) {
      if (typeof value !== 'string') return null;
      const first = firstRows.add(value, row);
      return first === -1 ? null : columnIssue(row, 'warning', 'duplicate-email', `the ${words} "${value}" is also on row ${first}`, plan);
    },
  };
}

function onlyOnePer(plan: ColumnPlan, per: FieldSpec): CrossRowCheck {
  const idField = per.reference?.idField;
  const words = fieldWords(plan.field);
  // group by the resolved id when there is one (two spellings of one client), else by the name, case-folded once per name
  const owner = new Map<string | number, number>();
  const folded = new Map<string, string>();
  return {
    plan,
    check(row, flag, values) {
      if (flag !== true) return null;
      const id = idField ? values[idField] : undefined;
      const name = values[per.key];
      let group: string | number;
      if (typeof id === 'number') group = id;
      else if (typeof name === 'string') {
        let key = folded.get(name);
        if (key === undefined) folded.set(name, (key = name.trim().toLowerCase()));
        group = key;
      } else return null;
      const earlier = owner.get(group);
      owner.set(group, row);
      if (earlier === undefined) return null;
      const label = typeof name === 'string' ? `"${name}"` : `${per.reference?.resource ?? 'record'} ${String(id)}`;
      return columnIssue(
        row, 'warning', 'duplicate-primary',
        `row ${earlier} is also the ${words} for ${label}; Pivor keeps only the last one written, so this row wins`,
        plan,
      );
    },
  };
}

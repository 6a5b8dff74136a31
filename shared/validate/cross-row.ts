// Checks that need the whole file: the same email twice, and two rows claiming the one primary contact of a client.
// Both are warnings on the later row, naming the earlier one. The row loop hands each check the rows' values as they
// come (while they are at hand); the issues are added once all rows are in, check by check in column order, like
// every issue across rows, after the row's own issues.
import { findField, type FieldSpec, type ResourceSpec } from '../resources/index.ts';
import type { ColumnPlan } from './column-plan.ts';
import { firstOccurrencesByHash, hashIgnoringCase } from './first-occurrence.ts';
import { columnIssue, fieldWords } from './messages.ts';
import type { Issue, RowValue } from './types.ts';

export interface CrossRowCheck {
  /** The column whose value is checked: rows without a value in it are not. */
  plan: ColumnPlan;
  /**
   * One row with a value in the column, in file order: `index` is its place in the report's rows, `valueOf`
   * gives the row's other values by field key.
   */
  add(index: number, row: number, value: RowValue, valueOf: (key: string) => RowValue | undefined): void;
  /** After the last row: the issues found, with the index of their row, in ascending index order. */
  finish(): { indexes: number[]; issues: Issue[] };
}

/** The checks across rows for these columns, in column order. */
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

/**
 * The same value ignoring case on two rows. Each value's hash is taken as it comes (one pass over its characters,
 * while they are in cache) and kept with its row in flat arrays; at the end the hashes are sorted, and only values
 * sharing a hash are compared. No hash table is probed per row: on 100,000 rows that probing, in a table too big
 * for the cache, cost more than the rest of the check.
 */
function duplicateValues(plan: ColumnPlan): CrossRowCheck {
  const words = fieldWords(plan.field);
  let hashes = new Int32Array(1024);
  let indexes = new Int32Array(1024);
  let rows = new Int32Array(1024);
  const texts: string[] = [];
  return {
    plan,
    add(index, row, value) {
      if (typeof value !== 'string') return;
      const n = texts.length;
      if (n === hashes.length) {
        hashes = grow(hashes);
        indexes = grow(indexes);
        rows = grow(rows);
      }
      hashes[n] = hashIgnoringCase(value);
      indexes[n] = index;
      rows[n] = row;
      texts.push(value);
    },
    finish() {
      const found: { index: number; issue: Issue }[] = [];
      const first = firstOccurrencesByHash(texts, hashes);
      for (let e = 0; e < first.length; e++) {
        const earlier = first[e]!;
        if (earlier === -1) continue;
        const issue = columnIssue(rows[e]!, 'warning', 'duplicate-email', `the ${words} "${texts[e]!}" is also on row ${rows[earlier]!}`, plan);
        found.push({ index: indexes[e]!, issue });
      }
      return {
        indexes: found.map((f) => f.index),
        issues: found.map((f) => f.issue),
      };
    },
  };
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function onlyOnePer(plan: ColumnPlan, per: FieldSpec): CrossRowCheck {
  const idField = per.reference?.idField;
  const words = fieldWords(plan.field);
  // group by the resolved id when there is one (two spellings of one client), else by the name, case-folded once per name
  const owner = new Map<string | number, number>();
  const folded = new Map<string, string>();
  const indexes: number[] = [];
  const issues: Issue[] = [];
  return {
    plan,
    add(index, row, flag, valueOf) {
      if (flag !== true) return;
      const id = idField ? valueOf(idField) : undefined;
      const name = valueOf(per.key);
      let group: string | number;
      if (typeof id === 'number') group = id;
      else if (typeof name === 'string') {
        let key = folded.get(name);
        if (key === undefined) folded.set(name, (key = name.trim().toLowerCase()));
        group = key;
      } else return;
      const earlier = owner.get(group);
      owner.set(group, row);
      if (earlier === undefined) return;
      const label = typeof name === 'string' ? `"${name}"` : `${per.reference?.resource ?? 'record'} ${String(id)}`;
      indexes.push(index);
      issues.push(columnIssue(
        row, 'warning', 'duplicate-primary',
        `row ${earlier} is also the ${words} for ${label}; Pivor keeps only the last one written, so this row wins`,
        plan,
      ));
    },
    finish: () => ({ indexes, issues }),
  };
}

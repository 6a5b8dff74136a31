// Types of planning and pushing: the plan (what each row will do), the per-row results and their counts.
// Front ends and tests share these; every row of a file ends with exactly one RowResult.
import type { ResourceName } from '../resources/index.ts';

/** A record as the API reads it (nested address, embedded client/contact where loaded). */
export type ApiRecord = Record<string, unknown> & { id: number };

export type MatchBy = 'id' | 'email' | 'name' | 'none';

/** A field whose value differs from the server's, for showing a dry run. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export type PlannedAction =
  | {
      kind: 'create'; row: number; body: Record<string, unknown>; notices: string[];
      /** Fields the API takes on update only (completed_at): sent in a second request once the record exists. */
      afterCreate?: Record<string, unknown>;
    }
  | { kind: 'update'; row: number; id: number; body: Record<string, unknown>; changes: FieldChange[] }
  | { kind: 'unchanged'; row: number; id: number }
  /** A server record no row stands for (only with deleteMissing); row is null: it is not in the file. */
  | { kind: 'delete'; row: null; id: number; label: string }
  | { kind: 'skip'; row: number; reason: string; column?: string };

export interface PlanCounts {
  create: number;
  update: number;
  unchanged: number;
  delete: number;
  skip: number;
}

export interface Plan {
  resource: ResourceName;
  matchBy: MatchBy;
  actions: PlannedAction[];
  /** Things the user should know about the plan as a whole (rows that look like existing records, ignored options). */
  warnings: string[];
  counts: PlanCounts;
  /** Highest record id in the baseline: anything this push creates has a higher one (used to find maybe-created rows). */
  watermark: number;
  /** Field key → the file's column header, so a server's field error names the user's column. */
  columns: Record<string, string>;
}

export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed' | 'deleted';

export interface RowResult {
  /** Spreadsheet row number (header is row 1); null for a deleted record that had no row. */
  row: number | null;
  outcome: Outcome;
  id?: number;
  message?: string;
  /** The column (original header) a failure is about, when the server named a field. */
  column?: string;
  /** A create an earlier, interrupted run of the same push already made (found in the journal, not sent again). */
  byEarlierRun?: boolean;
  /** The record as Pivor answered a create or update with it (its updated_at, for a sheet to write back). */
  record?: ApiRecord;
}

export type PushCounts = Record<Outcome, number> & { total: number };

export interface PushResult {
  resource: ResourceName;
  results: RowResult[];
  counts: PushCounts;
  /** Set when the push stopped early (cancelled, server unreachable, signed out): why. */
  stopped?: string;
}

export interface PushProgress {
  done: number;
  total: number;
  /** Rows sent and answered per second so far. */
  ratePerSec: number;
  /** Estimated seconds until every row has a result; null until the rate is known. */
  etaSec: number | null;
}

export function countOutcomes(results: readonly RowResult[]): PushCounts {
  const counts: PushCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, deleted: 0, total: 0 };
  for (const r of results) {
    counts[r.outcome] += 1;
    counts.total += 1;
  }
  return counts;
}

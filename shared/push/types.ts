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

/** A record already in Pivor, or an earlier row of the same file, that a row may stand for. */
export interface Candidate {
  /** The record's id; absent when the candidate is an earlier row that creates the record. */
  id?: number;
  /** The earlier row of the file that creates the same record. */
  row?: number;
  /** For people: 'client 12 (Meridian Engineering Ltd)', 'row 5'. */
  label: string;
  /** 'same': the same content (or name, for a record without email); 'near': a name that differs only in case, spacing, punctuation, accents or a legal suffix. */
  match: 'same' | 'near';
}

/**
 * A decision the plan leaves to the user, on one row. The plan holds the row back (a 'duplicate' or a 'skip')
 * until it is answered with a RowChoice in PlanOptions.choices and the file is planned again.
 * - about 'record': the row looks like an existing record or an earlier row; answer `{ use: id }` (the row
 *   stands for that record: it is compared and updated) or 'create' (create it anyway).
 * - about 'reference': the row's client or contact name matches no record exactly but is near one, or matches
 *   several; answer `{ use: id }` (link that record) or, when canCreate, 'create' (create a client of that name).
 */
export interface Question {
  about: 'record' | 'reference';
  /** The reference column's field (client_name, contact_name) and the name the row gives: about 'reference' only. */
  field?: string;
  name?: string;
  candidates: Candidate[];
  /** Whether 'create' is an answer: always about a record; about a client name with "create missing clients". */
  canCreate: boolean;
}

/** The user's answers for one row (by row number in PlanOptions.choices). */
export interface RowChoice {
  record?: { use: number } | 'create';
  reference?: { use: number } | 'create';
}

export type PlannedAction =
  | {
      kind: 'create'; row: number; body: Record<string, unknown>; notices: string[];
      /** Fields the API takes on update only (completed_at): sent in a second request once the record exists. */
      afterCreate?: Record<string, unknown>;
      /** An unfinished earlier run of this push created the record, which is still in Pivor: not sent again. */
      earlier?: { id: number; followUpPending: boolean };
      /** An earlier run created this row as this record, which is no longer in Pivor: it is sent again. */
      replaces?: number;
    }
  /** `name`: the record as a person knows it, "Ada Byron (#404)". */
  | { kind: 'update'; row: number; id: number; name: string; body: Record<string, unknown>; changes: FieldChange[] }
  | { kind: 'unchanged'; row: number; id: number; name: string }
  /** A server record no row stands for (only with deleteMissing); row is null: it is not in the file. */
  | { kind: 'delete'; row: null; id: number; label: string }
  /**
   * The row looks like a record already in Pivor (or like an earlier row): not created unless the user says so.
   * `body` is what a create would send.
   */
  | {
      kind: 'duplicate'; row: number; reason: string; question: Question; body: Record<string, unknown>;
      afterCreate?: Record<string, unknown>;
    }
  | { kind: 'skip'; row: number; reason: string; column?: string; question?: Question };

export interface PlanCounts {
  create: number;
  update: number;
  unchanged: number;
  delete: number;
  duplicate: number;
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
  /** Held back, not created: the row looks like a record already in Pivor, or like an earlier row (outcome 'unchanged'). */
  duplicate?: true;
  /** The record in Pivor such a row probably stands for (a guess, so not its id). */
  probably?: number;
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

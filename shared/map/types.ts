// The header mapping's types: which column fills which field, and why. Front ends save UserMapping per header set.
import type { ResourceName } from '../resources/index.ts';

/** Why a column maps to a field: its key or Pivor CSV name, its label, a known alias, a typo-tolerant match, or the user. */
export type MapReason = 'key' | 'label' | 'alias' | 'fuzzy' | 'user';

/** Why a column maps to nothing: no field matches, another column fills the field better, or the user said so ('user'). */
export type UnmappedReason = 'unknown' | 'duplicate';

/** A user's choices, per original header: a field key, or null to ignore the column. Plain data: save it as JSON. */
export type UserMapping = { [header: string]: string | null };

export interface ColumnMapping {
  /** 0-based column index in the file. */
  index: number;
  /** The header as the file spells it. */
  header: string;
  /** The field key this column fills, or null. */
  field: string | null;
  /** For a mapped column, why; for an unmapped one, why not ('user' when the user chose to ignore it). */
  reason: MapReason | UnmappedReason;
  /** For a 'duplicate': the field this column would have filled. */
  candidate?: string;
  /** Confidence in 0..1 (1 for exact and user matches). */
  score?: number;
  /** A sentence for people, e.g. `"Emial" looks like email` or `email is already filled by column 4 ("Email")`. */
  detail?: string;
}

export interface HeaderMapping {
  resource: ResourceName;
  columns: ColumnMapping[];
  /** Headers of the columns that fill no field, in file order. */
  unmapped: string[];
  /** Field key → column index, for every mapped field. */
  byField: Record<string, number>;
}

// The header mapping's types: which column fills which field, and why. Front ends save UserMapping per header set.
import type { ResourceName } from '../resources/index.ts';

/** Why a column maps to a field: its key or Pivor CSV name, its label, a known alias, a typo-tolerant match, the user, or its values ('content'). */
export type MapReason = 'key' | 'label' | 'alias' | 'fuzzy' | 'user' | 'content';

/**
 * Why a column maps to nothing on its own: no field matches, another column fills the field better, the user said so
 * ('user'), it holds another system's ids or owners ('foreign'), its values do not fit ('values'), or it is read
 * together with the column that fills the field ('combined': a phone's label, a Home address block, a due time).
 */
export type UnmappedReason = 'unknown' | 'duplicate' | 'foreign' | 'values' | 'combined';

/**
 * Where a field's value comes from when it is not one cell as written (header families, see family-mapping.ts):
 * - join: the non-empty cells of several columns ("Business Street 2" and "3"; "Due date" and "Due time");
 * - block: the address block a row has first (Business, else Home…), never mixing two blocks in one record;
 * - labelled: the first numbered phone whose label says it is a mobile, or a phone.
 */
export type CellSource =
  | { kind: 'join'; columns: number[]; separator: string }
  | { kind: 'block'; blocks: AddressBlock[] }
  | { kind: 'labelled'; want: 'phone' | 'mobile'; slots: PhoneSlot[] };

export interface AddressBlock {
  /** "Business", "Billing", "Address 1"… */
  name: string;
  /** Every column of the block: a row has the block when one of them holds a value. */
  columns: number[];
  /** The columns giving this field in this block, joined when several (street 2 and 3). */
  field: number[];
}

/**
 * A phone column read by its label: the label's column (Google's "Phone 1 - Label"), or, for a column whose header
 * names its kind (Outlook's "Home Phone"), that name.
 */
export interface PhoneSlot { value: number; label: number | null; header: string; named?: string }

/** How a column's cells are read before normalizing: several values in one cell (" ::: "), or a done flag as a status. */
export type CellReading = 'multi-value' | 'done-flag';

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
  /** When the value is not this cell alone: where it comes from. */
  source?: CellSource;
  /** When the cell is read another way than its field's type says. */
  reading?: CellReading;
  /** For a column matched by its values ('content'): how many sampled values are of the kind that decided it. */
  evidence?: ValueEvidence;
  /** An unmapped column whose sampled values are mostly email addresses: worth a warning, not a silent drop. */
  holdsEmails?: true;
  /** A sentence for people, e.g. `"Emial" looks like email` or `email is already filled by column 4 ("Email")`. */
  detail?: string;
}

/** What a match by values rests on: `matching` of `sampled` values are `kind` ("email addresses"). */
export interface ValueEvidence { matching: number; sampled: number; kind: string }

export interface HeaderMapping {
  resource: ResourceName;
  columns: ColumnMapping[];
  /** Headers of the columns that fill no field, in file order. */
  unmapped: string[];
  /** Field key → column index, for every mapped field. */
  byField: Record<string, number>;
  /** Fields filled from a column another field already names (one numbered phone slot fills phone and mobile). */
  extra?: ColumnMapping[];
}

/** Sample values per column (column-major): what the mapping looks at when a header is not enough. */
export type ColumnSamples = readonly (readonly string[])[];

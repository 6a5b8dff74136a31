// How sure the mapping is of a column's field, for people: a percentage, a level and what it rests on. Derived from
// the score the mapping gave (see map-headers.ts and column-values.ts), so every front end shows the same figure.
import type { ColumnMapping } from './types.ts';

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export interface Confidence {
  /** The mapping's score as a whole percentage. */
  percent: number;
  /** high: an exact or known name; medium: a close spelling or clear values; low: worth a look. */
  level: ConfidenceLevel;
  /** What the match rests on, in a few words ("48 of 50 sampled values are email addresses"). */
  basis: string;
}

/** Known headers score 0.95 (a numbered slot a thousandth less per slot): all high. */
const HIGH = 0.94;
const MEDIUM = 0.85;

/** The confidence of a mapped column's suggestion; null for a column that fills nothing or that the user chose. */
export function mappingConfidence(column: ColumnMapping): Confidence | null {
  if (column.field === null || column.reason === 'user' || column.score === undefined) return null;
  const level: ConfidenceLevel = column.score >= HIGH ? 'high' : column.score >= MEDIUM ? 'medium' : 'low';
  return { percent: Math.round(column.score * 100), level, basis: basisOf(column) };
}

function basisOf(column: ColumnMapping): string {
  const e = column.evidence;
  if (column.reason === 'content' && e) return `${e.matching} of ${e.sampled} sampled values are ${e.kind}`;
  switch (column.reason) {
    case 'key':
      return 'the header names the field';
    case 'label':
      return 'the header is the field’s label';
    case 'fuzzy':
      return 'the header is a close spelling';
    default:
      return 'a header other systems use for this field';
  }
}

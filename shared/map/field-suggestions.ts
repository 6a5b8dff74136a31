// The fields a column most likely fills, most likely first, for a field picker: what the automatic mapping chose (by
// its header or its values), the field it would fill but another column took, and the fields its values look like.
// A front end lists these first, then the other fields.
import type { ResourceSpec } from '../resources/index.ts';
import { valueSuggestions } from './column-values.ts';
import { mappingConfidence } from './confidence.ts';
import type { ColumnMapping } from './types.ts';

export interface FieldSuggestion {
  field: string;
  /** How sure, as a whole percentage (the mapping's own confidence for its choice). */
  percent: number;
  /** What it rests on, in a few words. */
  basis: string;
}

/** `column`: the column as mapped without the user's choices; `values`: its sampled values (see columnSamples). */
export function fieldSuggestions(resource: ResourceSpec, column: ColumnMapping, values: readonly string[]): FieldSuggestion[] {
  // a phone's label or an address block's other line is read with another column: nothing to suggest
  if (column.reason === 'combined' || column.reason === 'foreign') return [];
  const best = new Map<string, FieldSuggestion>();
  const add = (s: FieldSuggestion) => {
    if ((best.get(s.field)?.percent ?? -1) < s.percent) best.set(s.field, s);
  };
  const sure = mappingConfidence(column);
  if (column.field !== null && sure) add({ field: column.field, percent: sure.percent, basis: sure.basis });
  if (column.reason === 'duplicate' && column.candidate && column.score !== undefined) {
    add({ field: column.candidate, percent: Math.round(column.score * 100), basis: column.detail ?? 'another column fills it' });
  }
  for (const s of valueSuggestions(resource, values)) add({ field: s.field, percent: Math.round(s.score * 100), basis: s.basis });
  return [...best.values()].sort((a, b) => b.percent - a.percent);
}

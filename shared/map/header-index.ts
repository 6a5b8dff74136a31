// Per resource, every known spelling of every field (key, Pivor CSV name, label, aliases), built once from the tables.
import type { FieldSpec, ResourceSpec } from '../resources/index.ts';
import { compactHeader, headerWords } from './header-key.ts';

export type ExactReason = 'key' | 'label' | 'alias' | 'weak';

export interface IndexEntry { field: FieldSpec; reason: ExactReason }

export interface HeaderIndex {
  /** compact spelling → field; a spelling two fields claim at the same level is left out (ambiguous). */
  exact: Map<string, IndexEntry>;
  /** sorted words → field, for headers whose words come in another order. */
  words: Map<string, FieldSpec>;
  /** Every compact spelling with its field, for typo matching. */
  spellings: { spelling: string; digits: string; field: FieldSpec }[];
  /** Spellings that two fields claim equally: a table bug, surfaced by a test. */
  conflicts: string[];
}

const rank: Record<ExactReason, number> = { key: 0, label: 1, alias: 2, weak: 3 };
const cache = new WeakMap<ResourceSpec, HeaderIndex>();

export function digitsOf(text: string): string {
  return text.replace(/\D+/g, '');
}

export function sortedWords(header: string): string {
  return headerWords(header).sort().join(' ');
}

export function headerIndex(resource: ResourceSpec): HeaderIndex {
  const cached = cache.get(resource);
  if (cached) return cached;
  const exact = new Map<string, IndexEntry>();
  const conflicts = new Set<string>();
  const words = new Map<string, FieldSpec | null>();
  const add = (spelling: string, field: FieldSpec, reason: ExactReason) => {
    const key = compactHeader(spelling);
    if (!key) return;
    const seen = exact.get(key);
    if (!seen || rank[reason] < rank[seen.reason]) {
      exact.set(key, { field, reason });
      conflicts.delete(key);
    } else if (seen.field !== field && rank[reason] === rank[seen.reason]) {
      conflicts.add(key);
    }
    const w = sortedWords(spelling);
    const prior = words.get(w);
    words.set(w, prior === undefined || prior === field ? field : null);
  };
  for (const field of resource.fields) {
    add(field.key, field, 'key');
    if (field.csvName) add(field.csvName, field, 'key');
  }
  for (const field of resource.fields) add(field.label, field, 'label');
  for (const field of resource.fields) for (const alias of field.aliases) add(alias, field, 'alias');
  for (const field of resource.fields) for (const alias of field.weakAliases ?? []) add(alias, field, 'weak');
  for (const key of conflicts) exact.delete(key);

  const spellings = [...exact.entries()].map(([spelling, entry]) => ({ spelling, digits: digitsOf(spelling), field: entry.field }));
  const wordMap = new Map<string, FieldSpec>();
  for (const [w, field] of words) if (field) wordMap.set(w, field);
  const index: HeaderIndex = { exact, words: wordMap, spellings, conflicts: [...conflicts] };
  cache.set(resource, index);
  return index;
}

// Remembered column mappings: what the user chose for a file's headers, offered again the next time a file with the
// same headers, or a superset or subset of them, arrives (the core's recallSavedMapping decides which fits). One list
// per resource, the most recent last; mappings saved before lists existed are still read by their exact header set.
import { headerSetKey, recallSavedMapping, withSavedMapping, type RecalledMapping, type SavedMapping, type UserMapping } from '../../shared/map/index.ts';
import type { ValueMapping } from '../../shared/normalize/index.ts';
import type { ResourceName } from '../../shared/resources/index.ts';
import { readLocal, writeLocal } from './local-store.ts';

/** Enough for every kind of file a person imports; the oldest mapping goes first. */
const KEPT = 50;

const listKey = (resource: ResourceName) => `mappings:${resource}`;
const legacyKey = (resource: ResourceName, headers: readonly string[]) => `mapping:${resource}:${headerSetKey(headers)}`;

export async function recallMapping(resource: ResourceName, headers: readonly string[]): Promise<RecalledMapping | null> {
  const saved = (await readLocal<SavedMapping[]>(listKey(resource))) ?? [];
  const found = recallSavedMapping(headers, saved);
  if (found) return found;
  const legacy = await readLocal<UserMapping>(legacyKey(resource, headers));
  return legacy ? { mapping: legacy, fit: 'same', added: [], missing: [] } : null;
}

/** Saves the choices for this header set (an empty one: the suggestions as they are). */
export async function rememberMapping(resource: ResourceName, headers: readonly string[], mapping: UserMapping): Promise<void> {
  const saved = (await readLocal<SavedMapping[]>(listKey(resource))) ?? [];
  await writeLocal(listKey(resource), withSavedMapping(saved, { headers: [...headers], mapping }, KEPT));
}

/**
 * The value mapping for list fields (see value-mapping.ts), kept beside the column mappings, per resource: a value
 * mapped once ("Hot lead" → inactive) reads the same in every file of that resource, a failures file included.
 */
export async function recallValueMapping(resource: ResourceName): Promise<ValueMapping> {
  return (await readLocal<ValueMapping>(`values:${resource}`)) ?? {};
}

export async function rememberValueMapping(resource: ResourceName, values: ValueMapping): Promise<void> {
  await writeLocal(`values:${resource}`, values);
}

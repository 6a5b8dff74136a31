// Remembered column mappings: what the user chose for a set of headers, offered again the next time the same kind
// of file arrives. Keyed by resource and the core's headerSetKey; values are plain UserMapping JSON.
import { headerSetKey, type UserMapping } from '../../shared/map/index.ts';
import type { ResourceName } from '../../shared/resources/index.ts';
import { readLocal, removeLocal, writeLocal } from './local-store.ts';

function keyOf(resource: ResourceName, headers: readonly string[]): string {
  return `mapping:${resource}:${headerSetKey(headers)}`;
}

export async function recallMapping(resource: ResourceName, headers: readonly string[]): Promise<UserMapping> {
  return (await readLocal<UserMapping>(keyOf(resource, headers))) ?? {};
}

export async function rememberMapping(resource: ResourceName, headers: readonly string[], mapping: UserMapping): Promise<void> {
  if (Object.keys(mapping).length === 0) return removeLocal(keyOf(resource, headers));
  return writeLocal(keyOf(resource, headers), mapping);
}

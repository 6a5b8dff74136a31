// A single full-name column ("Name", "Full Name") standing in for first_name and last_name.
import type { HeaderMapping } from './types.ts';
import type { ResourceSpec } from '../resources/index.ts';

/** The fields a full-name column fills: Pivor's contacts split a person's name in two. */
export const NAME_PARTS = { first: 'first_name', last: 'last_name' } as const;

/** The key of the resource's full-name field, if it has one. */
export function fullNameField(resource: ResourceSpec): string | undefined {
  return resource.fields.find((f) => f.type === 'full-name')?.key;
}

/** Which name parts a mapped full-name column must fill: those no column of their own fills. */
export function partsFromFullName(resource: ResourceSpec, mapping: HeaderMapping): { first: boolean; last: boolean } {
  const key = fullNameField(resource);
  if (!key || mapping.byField[key] === undefined) return { first: false, last: false };
  return { first: mapping.byField[NAME_PARTS.first] === undefined, last: mapping.byField[NAME_PARTS.last] === undefined };
}

/**
 * Splits a full name: the last word is the last name, the rest the first name.
 * One word leaves the last name empty (the validator then reports it missing).
 */
export function splitFullName(fullName: string): { first: string; last: string } {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { first: words[0] ?? '', last: '' };
  return { first: words.slice(0, -1).join(' '), last: words[words.length - 1]! };
}

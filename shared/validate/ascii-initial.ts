// Pivor's initials bug: it takes a contact's initials from the first *byte* of first_name and last_name, so a name
// starting with a character outside ASCII (É, Ø, Ł, 李…) yields half a UTF-8 character, which its JSON encoder
// refuses. The contact is saved, the request answers 500, and from then on every API answer holding the contact
// (its show, each contacts list page with it, its client's show) answers 500, for everyone, until the name is
// changed in Pivor's web screens. Such a value is held back unless the user chooses to send it anyway.
import type { FieldSpec, ResourceName } from '../resources/index.ts';
import { getResource } from '../resources/index.ts';
import { fieldWords, rowIssue } from './messages.ts';
import type { Issue } from './types.ts';

export const NON_ASCII_INITIAL = 'non-ascii-initial';

/** The value's first character when it lies outside ASCII (what breaks Pivor), else null. */
export function nonAsciiInitial(value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || value.charCodeAt(0) < 0x80) return null;
  return String.fromCodePoint(value.codePointAt(0)!);
}

/** The ASCII letter a user might put instead (É → E), when the character has one. */
function asciiLookalike(initial: string): string | null {
  const base = initial.normalize('NFD')[0]!;
  return /^[A-Za-z]$/.test(base) ? base : null;
}

/**
 * The row's issue for a value Pivor cannot handle: an error that holds the row back, or, when the user chose to send
 * such names anyway, a warning saying what that will do. `column`: the header of the column the value came from.
 */
export function nonAsciiInitialIssue(row: number, field: FieldSpec, value: string, column: string | null, sendAnyway: boolean): Issue {
  const initial = nonAsciiInitial(value)!;
  const name = `${fieldWords(field)} "${value}"`;
  const effect = 'Pivor saves such a contact but then fails with a server error on every page that shows it (the contacts list '
    + "included, for everyone) until someone changes the name in Pivor's web screens";
  if (sendAnyway) {
    return rowIssue(row, 'warning', NON_ASCII_INITIAL, `${name} starts with "${initial}" and is sent anyway, as you chose. ${effect}`, column, field.key);
  }
  const lookalike = asciiLookalike(initial);
  const change = lookalike ? `change its first letter (to "${lookalike}", say)` : 'change its first character to a plain letter';
  return rowIssue(
    row, 'error', NON_ASCII_INITIAL,
    `${name} starts with "${initial}", a character outside plain ASCII. ${effect}. The row is held back: ${change}, or choose to send such names anyway`,
    column, field.key,
  );
}

/** The fields of a resource whose first character Pivor reads as a byte. */
export function asciiInitialFields(resource: ResourceName): readonly FieldSpec[] {
  return getResource(resource).fields.filter((f) => f.asciiInitial);
}

/** Whether a request body writes a value that breaks Pivor (a name sent anyway): its 500 is then expected. */
export function writesNonAsciiInitial(resource: ResourceName, body: Readonly<Record<string, unknown>>): boolean {
  return asciiInitialFields(resource).some((f) => f.apiName !== null && nonAsciiInitial(body[f.apiName]) !== null);
}

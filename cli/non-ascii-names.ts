// The command line's side of Pivor's initials bug (shared/validate/ascii-initial.ts): the flag that sends such
// names anyway, its help, and the hint under a report that held rows back for it.
import { NON_ASCII_INITIAL, type Issue } from '../shared/validate/index.ts';

export const SEND_NON_ASCII_FLAG = 'send-non-ascii-names';

export const sendNonAsciiHelp =
  '  --send-non-ascii-names   also send contacts whose first or last name starts with a character outside ASCII\n' +
  '                           (É, Ø, Ł, 李…). Without it such rows are held back: Pivor saves such a contact, answers\n' +
  '                           with a server error, and from then on fails on every page that shows it (the contacts\n' +
  "                           list included, for everyone) until the name is changed in Pivor's web screens.";

/** One line under a report or a plan when rows were held back for their names; empty otherwise. */
export function nonAsciiHint(issues: readonly Issue[]): string {
  const held = new Set(issues.filter((i) => i.code === NON_ASCII_INITIAL && i.severity === 'error').map((i) => i.row));
  if (held.size === 0) return '';
  const rows = held.size === 1 ? '1 row is' : `${held.size} rows are`;
  return `${rows} held back for a name Pivor cannot handle: change the first letter, or push with --${SEND_NON_ASCII_FLAG} knowing what it does (pivor-csv push --help).\n`;
}

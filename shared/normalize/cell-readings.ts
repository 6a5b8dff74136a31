// Cells read another way than their field's type says, as the mapping decided from the header family:
// several values in one cell (Google Contacts joins them with " ::: "), and a done flag read as a status.
import { fail, ok, quote, type CellNormalizer, type Normalized } from './types.ts';

export const MULTI_SEPARATOR = ' ::: ';

/** The first of several values, with a notice naming the others (they are not imported). */
export function firstOfMany(inner: CellNormalizer): CellNormalizer {
  return (text) => {
    if (!text.includes(MULTI_SEPARATOR)) return inner(text);
    const [first = '', ...others] = text.split(MULTI_SEPARATOR).map((v) => v.trim());
    const result = inner(first);
    if (!result.ok) return result;
    const notice = { code: 'multi-value', message: `kept the first of ${others.length + 1} values; ${others.map(quote).join(', ')} not imported` };
    return { ok: true, value: result.value, notices: [notice, ...(result.notices ?? [])] };
  };
}

const DONE = new Map<string, 'completed' | 'pending'>(Object.entries({
  done: 'completed', yes: 'completed', y: 'completed', true: 'completed', '1': 'completed', x: 'completed', completed: 'completed', complete: 'completed',
  'to do': 'pending', todo: 'pending', no: 'pending', n: 'pending', false: 'pending', '0': 'pending', open: 'pending', pending: 'pending', 'not done': 'pending',
}));

/** A done column (Pipedrive's "Done": Done / To do) as the status Pivor has: completed or pending. */
export function normalizeDoneFlag(text: string): Normalized {
  const status = DONE.get(text.toLowerCase());
  if (status === undefined) return fail('invalid-enum', `${quote(text)} does not say done or not done (Done, To do, Yes, No)`);
  return ok(status, { code: 'done-flag', message: `read ${quote(text)} as status ${status}` });
}

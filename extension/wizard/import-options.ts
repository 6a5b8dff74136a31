// The choices the Review step offers, with their defaults: how rows find existing records, whether unknown
// clients are created, how dates are read, and whether names Pivor cannot handle are sent anyway.
import type { ValueMapping } from '../../shared/normalize/index.ts';
import type { MatchBy } from '../../shared/push/types.ts';

export interface ImportOptions {
  matchBy: MatchBy;
  createMissingClients: boolean;
  /** Unset: dates such as 02/04/2025 are reported, not guessed. */
  dateOrder: 'day-first' | 'month-first' | '';
  timeZone: string;
  /** Send contact names starting outside ASCII, which Pivor saves but then fails on (the user's explicit choice). */
  sendNonAsciiNames: boolean;
  /** Requests in flight at once while pushing. */
  concurrency: number;
  /** Values of list fields Pivor does not know, mapped by the user to ones it does (remembered with the mapping). */
  valueMapping?: ValueMapping;
}

/** The choices of requests at once offered on the Plan step; 4 is the CLI's default too. */
export const CONCURRENCY_CHOICES = [1, 2, 4, 8, 12] as const;

export function defaultOptions(): ImportOptions {
  // Pivor's own export writes UTC; a file from elsewhere is more likely in the user's zone, which they can pick.
  return { matchBy: 'email', createMissingClients: false, dateOrder: '', timeZone: 'UTC', sendNonAsciiNames: false, concurrency: 4 };
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function timeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return Array.from(new Set(['UTC', browserTimeZone(), ...all]));
}

// Records a listing had to leave out because Pivor answers every request holding them with a 500, named as well
// as can be known: their position in the list, and their id when probing the ids between their neighbours finds
// one that fails the same way (GET /contacts/{id} fails too for such a record). Says how to fix them in Pivor.
import { getResource, type ResourceName } from '../../resources/index.ts';
import type { PivorRecord } from '../client.ts';
import type { ListingContext, WindowRead } from './read-window.ts';

export interface UnreadableRecord {
  /** 1-based position in the list as it was read (filters and sort applied). */
  position: number;
  /** The record's id, when probing found exactly one. */
  id?: number;
  /** Ids of the readable records just before and after it, when there are such. */
  after?: number;
  before?: number;
}

/** Probing stops at this many ids between two neighbours: beyond that the id is left unknown. */
const MAX_PROBES = 20;

export async function nameUnreadable(context: ListingContext, read: WindowRead): Promise<UnreadableRecord[]> {
  const at = new Map(read.records.map((r) => [r.position, r.record] as const));
  const groups = groupRuns(read.unreadable);
  const named: UnreadableRecord[] = [];
  for (const run of groups) {
    const after = idOf(at.get(run[0]! - 1));
    const before = idOf(at.get(run[run.length - 1]! + 1));
    const failing = after !== undefined && before !== undefined ? await probeBetween(context, after, before) : [];
    // Only a count that matches says which id is which (in the order the list runs).
    const ids = failing.length === run.length ? (after! < before! ? failing : [...failing].reverse()) : [];
    run.forEach((position, index) => named.push({
      position: position + 1,
      ...(ids[index] !== undefined ? { id: ids[index] } : {}),
      ...(after !== undefined ? { after } : {}),
      ...(before !== undefined ? { before } : {}),
    }));
  }
  return named;
}

async function probeBetween(context: ListingContext, a: number, b: number): Promise<number[]> {
  const low = Math.min(a, b) + 1;
  const high = Math.max(a, b) - 1;
  if (high < low || high - low + 1 > MAX_PROBES) return [];
  const ids = Array.from({ length: high - low + 1 }, (_, i) => low + i);
  const outcomes = await Promise.all(ids.map((id) => context.client.probe(context.resource, id, 2, context.signal)));
  return ids.filter((_, i) => {
    const outcome = outcomes[i]!;
    return !outcome.ok && outcome.error.kind === 'server' && outcome.error.status === 500;
  });
}

function groupRuns(positions: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const position of positions) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === position - 1) last.push(position);
    else runs.push([position]);
  }
  return runs;
}

function idOf(record: PivorRecord | undefined): number | undefined {
  return typeof record?.id === 'number' ? record.id : undefined;
}

/** One line per record for people: what happened, why it most likely did, and what to do in Pivor. */
export function unreadableMessage(resource: ResourceName, record: UnreadableRecord, origin: string): string {
  const singular = getResource(resource).singular;
  const which = record.id !== undefined
    ? `${capital(singular)} #${record.id} (position ${record.position} in the list)`
    : `The ${singular} at position ${record.position} in the list${neighbours(record)}`;
  const cause = resource === 'clients'
    ? 'Pivor answers every request that holds it with a server error (500).'
    : `Pivor answers every request that holds it with a server error (500), most likely because ${resource === 'contacts' ? 'its' : 'its contact\'s'} first or last name starts with a character outside ASCII (É, Ø, Ł, 李…), which Pivor cannot send.`;
  const where = resource === 'clients' || record.id === undefined
    ? `Open it in Pivor's web screen (${origin}/${resource})`
    : resource === 'contacts' ? `Open ${origin}/contacts/${record.id}/edit` : `Open its contact in Pivor's web screen (${origin}/communications/${record.id})`;
  const fix = resource === 'clients' ? 'check it' : 'change that first letter (Élodie → Elodie)';
  return `${which} was left out: ${cause} ${where}, ${fix}, then export or pull again.`;
}

function neighbours(record: UnreadableRecord): string {
  if (record.after !== undefined && record.before !== undefined) return ` (between #${record.after} and #${record.before})`;
  if (record.after !== undefined) return ` (after #${record.after})`;
  if (record.before !== undefined) return ` (before #${record.before})`;
  return '';
}

function capital(text: string): string {
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}

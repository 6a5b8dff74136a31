// One primary contact per client. Pivor unsets a client's other primary contacts whenever it saves one marked
// primary, so the contact saved last keeps the flag. A push sends rows side by side, and which of two rows is
// saved last is then chance (seen on real Pivor: either row of a file could end primary). So the plan says it
// itself: of the rows marking contacts of one client primary, the last row that will be sent (or whose contact
// holds the flag already) keeps it, as the checker's warning promises; the earlier rows do not ask for it. A
// contact Pivor will unset because of a row of the file is named in the plan's warnings.
import type { ValidatedRow } from '../validate/types.ts';
import { recordLabel } from './look-alikes.ts';
import type { ApiRecord, PlannedAction } from './types.ts';

const FLAG = 'is_primary_contact';

/** A matched row's action planned again with other values (the update planner's own rules). */
export type Replan = (row: ValidatedRow, record: ApiRecord) => PlannedAction;

export interface PrimaryContext {
  /** The row each update or unchanged action was planned from, by row number. */
  matched: ReadonlyMap<number, { row: ValidatedRow; record: ApiRecord }>;
  baseline: readonly ApiRecord[];
  /** The file's rows, in the order of the actions they were planned into. */
  rows: readonly ValidatedRow[];
  replan: Replan;
}

interface Claim {
  index: number;
  row: number;
  client: number;
  /** The client as the row names it, for the warnings. */
  label: string;
  /** The record the row stands for (an update or unchanged row). */
  record?: ApiRecord;
}

/** Takes the flag from the earlier of several primary claims on one client (in place); returns the plan's warnings. */
export function settlePrimaryContacts(actions: PlannedAction[], ctx: PrimaryContext): string[] {
  const byClient = new Map<number, Claim[]>();
  actions.forEach((action, index) => {
    const claim = claimOf(action, index, ctx);
    if (!claim) return;
    const claims = byClient.get(claim.client);
    if (claims) claims.push(claim);
    else byClient.set(claim.client, [claim]);
  });
  const warnings: string[] = [];
  for (const [client, claims] of byClient) {
    const name = claims.at(-1)!.label;
    const winner = claims.findLast((c) => actions[c.index]!.kind !== 'duplicate');
    if (!winner) continue;
    const losers = claims.filter((c) => c !== winner);
    for (const loser of losers) actions[loser.index] = notPrimary(actions[loser.index]!, loser, ctx);
    if (losers.length > 0) {
      warnings.push(`Rows ${[...losers.map((c) => c.row), winner.row].join(', ')} each mark a primary contact of ${name}; Pivor keeps one per client, so only row ${winner.row}'s is sent as primary.`);
    }
    const unset = replaced(actions[winner.index]!, client, winner, ctx.baseline);
    for (const record of unset) {
      warnings.push(`Row ${winner.row} makes its contact the primary contact of ${name}: Pivor will then no longer count ${recordLabel('contacts', record)} as primary.`);
    }
  }
  return warnings;
}

// A row that marks its contact primary for a client, and will be sent or already holds the flag.
function claimOf(action: PlannedAction, index: number, ctx: PrimaryContext): Claim | undefined {
  if (action.kind === 'create' || action.kind === 'duplicate') {
    const client = action.body.client_id;
    if (action.body[FLAG] !== true || typeof client !== 'number') return undefined;
    return { index, row: action.row, client, label: clientLabel(ctx.rows[index], client) };
  }
  if (action.kind !== 'update' && action.kind !== 'unchanged') return undefined;
  const matched = ctx.matched.get(action.row);
  if (!matched || matched.row.values[FLAG] !== true) return undefined;
  const client = matched.row.values.client_id ?? matched.record.client_id;
  if (typeof client !== 'number') return undefined;
  return { index, row: action.row, client, label: clientLabel(matched.row, client), record: matched.record };
}

function clientLabel(row: ValidatedRow | undefined, client: number): string {
  const name = row?.values.client_name;
  return typeof name === 'string' && name !== '' ? `"${name}"` : `client ${client}`;
}

// A new contact is created as not primary; a matched one keeps the flag as Pivor has it (the winning row's save
// unsets it there if need be, and the warnings name it): sending false would only repeat what Pivor does.
function notPrimary(action: PlannedAction, claim: Claim, ctx: PrimaryContext): PlannedAction {
  if (action.kind === 'create' || action.kind === 'duplicate') return { ...action, body: { ...action.body, [FLAG]: false } };
  const matched = ctx.matched.get(claim.row)!;
  return ctx.replan({ ...matched.row, values: { ...matched.row.values, [FLAG]: matched.record[FLAG] === true } }, matched.record);
}

// Contacts Pivor holds as primary for the client that the winning row's save will unset.
function replaced(action: PlannedAction, client: number, winner: Claim, baseline: readonly ApiRecord[]): ApiRecord[] {
  const setsFlag = action.kind === 'create' || (action.kind === 'update' && action.body[FLAG] === true);
  if (!setsFlag) return [];
  return baseline.filter((r) => r.client_id === client && r[FLAG] === true && r.id !== winner.record?.id);
}

// Server errors the push can explain, because they come from Pivor itself rather than from a failing server:
// - a value the default install stores but a MySQL or PostgreSQL install's database refuses (priority medium):
//   the row fails with that explanation, and the push sends no more rows carrying that value;
// - a contact name Pivor cannot encode, sent anyway at the user's request (see validate/ascii-initial.ts): Pivor
//   answers 500 after saving it.
import type { PivorError } from '../api/index.ts';
import { getResource, writableValues, type FieldSpec, type ResourceName } from '../resources/index.ts';
import { nonAsciiInitial, writesNonAsciiInitial } from '../validate/ascii-initial.ts';
import { orList } from '../validate/messages.ts';

export interface StrictValue { field: FieldSpec; value: string }

/** A 500 (not a 503, which means "try later"): what a database refusing a value answers. */
export function isServerError(error: PivorError): boolean {
  return error.kind === 'server' && error.status === 500;
}

/** The values in a request body that a strict database may refuse. */
export function strictValues(resource: ResourceName, body: Readonly<Record<string, unknown>> | undefined): StrictValue[] {
  if (!body) return [];
  const found: StrictValue[] = [];
  for (const field of getResource(resource).fields) {
    const refused = field.enum?.refusedByStrictDatabases;
    const value = field.apiName === null ? undefined : body[field.apiName];
    if (refused && typeof value === 'string' && refused.includes(value)) found.push({ field, value });
  }
  return found;
}

/** A refused value as plain data, to carry from one step of a push to the next (the Sheets add-on's slices). */
export interface RefusedEntry { field: string; value: string; row: number }

/** The values this server's database refused during a run: rows carrying one are no longer sent. */
export class RefusedValues {
  private readonly refused = new Map<string, { value: StrictValue; row: number }>();

  /** Refusals an earlier step of the same push recorded (see entries). */
  static from(resource: ResourceName, entries: readonly RefusedEntry[]): RefusedValues {
    const values = new RefusedValues();
    for (const e of entries) {
      const field = getResource(resource).fields.find((f) => f.key === e.field);
      if (field) values.add([{ field, value: e.value }], e.row);
    }
    return values;
  }

  entries(): RefusedEntry[] {
    return [...this.refused.values()].map(({ value, row }) => ({ field: value.field.key, value: value.value, row }));
  }

  add(values: readonly StrictValue[], row: number): void {
    for (const v of values) if (!this.refused.has(keyOf(v))) this.refused.set(keyOf(v), { value: v, row });
  }

  /** Why a row with this body is not sent, or undefined when nothing in it was refused. */
  notSentReason(resource: ResourceName, body: Readonly<Record<string, unknown>> | undefined): string | undefined {
    if (this.refused.size === 0) return undefined;
    const hit = strictValues(resource, body).map((v) => this.refused.get(keyOf(v))).find((r) => r !== undefined);
    if (!hit) return undefined;
    return `not sent: this Pivor's database refused ${describe(hit.value)} (row ${hit.row} got a server error for it). ${advice(hit.value)}`;
  }
}

/** The failure of the row whose 500 the values explain. */
export function strictRefusalMessage(values: readonly StrictValue[]): string {
  const v = values[0]!;
  return `Pivor answered with a server error (500) to ${describe(v)}. Its API accepts that value, but a Pivor installed on `
    + `MySQL or PostgreSQL cannot store it (that database allows ${orList(v.field.enum!.db.filter((d) => !v.field.enum!.refusedByStrictDatabases!.includes(d)))}), `
    + `so this push sends no more rows with it. ${advice(v)}`;
}

/** Whether a 500 is what Pivor answers after saving a name the user chose to send anyway. */
export function isNonAsciiNameAnswer(resource: ResourceName, body: Readonly<Record<string, unknown>> | undefined, error: PivorError): boolean {
  return !!body && isServerError(error) && writesNonAsciiInitial(resource, body);
}

export function nonAsciiNameMessage(body: Readonly<Record<string, unknown>>, kind: 'create' | 'update'): string {
  const name = [body.first_name, body.last_name].find((n) => nonAsciiInitial(n) !== null) as string;
  const what = kind === 'create' ? 'saves such a contact' : 'saves such a change';
  return `sent anyway, as you chose: Pivor ${what} and then answers with a server error, as it did here, because "${name}" `
    + "starts with a character outside ASCII. Pivor's API cannot show this contact (nor any list holding it) until the name is changed "
    + "in Pivor's web screens; check it there." + (kind === 'create' ? ' A re-run of this push does not send it again.' : '');
}

function keyOf(v: StrictValue): string {
  return `${v.field.key}\u0000${v.value}`;
}

function describe(v: StrictValue): string {
  return `${v.field.label.toLowerCase()} "${v.value}"`;
}

function advice(v: StrictValue): string {
  const others = writableValues(v.field).filter((w) => w !== v.value && !v.field.enum!.refusedByStrictDatabases!.includes(w));
  const fallback = v.field.default === undefined ? '' : ` (or leave it empty for ${String(v.field.default)})`;
  return `Change it to ${orList(others)}${fallback} and push the row again.`;
}

// Rows that would create a record Pivor already has, found without an id: communications by their content (type,
// subject, client, contact, due date, content), contacts by email or by name when one side has no email, clients
// by email or by name (the same name, or a near one: see name-match.ts). Earlier rows of the same file count too,
// so a file holding one row twice creates it once. Text compares without case, outer spaces or line-end style,
// so a re-saved file (CRLF, BOM, another encoding, columns reordered) meets the records its first push made.
import { getResource, type FieldSpec, type ResourceName } from '../resources/index.ts';
import { readPath } from '../export/read-path.ts';
import { comparable } from './compare-values.ts';
import { writeFields } from './find-created.ts';
import { looseName, nameKey } from './name-match.ts';
import type { ApiRecord, Candidate } from './types.ts';

type Body = Record<string, unknown>;
/** A record or an earlier row, by the API names of the fields the facets read. */
interface Entry {
  id?: number;
  row?: number;
  record?: ApiRecord;
  values: Body;
}
/** One way a row and a record can be "the same": a key of each, and whether a found pair counts as same or near. */
interface Facet {
  match: Candidate['match'];
  key(values: Body): string | null;
  /** Whether a pair that shares the key may still be two things (two people of one name with different emails). */
  apart?(a: Body, b: Body): boolean;
  email?: true;
}

const CONTENT = ['type', 'subject', 'client_id', 'contact_id', 'due_at', 'content'];
const READ: Record<ResourceName, string[]> = {
  communications: CONTENT,
  contacts: ['email', 'first_name', 'last_name', 'client_id'],
  clients: ['email', 'name'],
};

export class LookAlikes {
  private readonly facets: Facet[];
  /** Per facet, key → the entry having it (an array only when several do: most keys have one). */
  private readonly indexes: Map<string, Entry | Entry[]>[];
  private readonly keys: (string | null)[];

  /**
   * `matchedByEmail`: rows were matched by email already (and a second row with one email is caught there), so the
   * email facet would find nothing more and is left out.
   */
  constructor(
    private readonly resource: ResourceName, records: readonly ApiRecord[], exclude: ReadonlySet<number> = new Set(), matchedByEmail = false,
  ) {
    const fields = writeFields(resource);
    this.facets = facetsOf(resource, (apiName, value) => text(fields.get(apiName), value)).filter((f) => !(matchedByEmail && f.email));
    this.indexes = this.facets.map(() => new Map());
    this.keys = this.facets.map(() => null);
    for (const record of records) {
      if (exclude.has(record.id)) continue;
      const values: Body = {};
      for (const apiName of READ[resource]) values[apiName] = readPath(record, fields.get(apiName)?.readPath ?? apiName);
      this.add({ id: record.id, record, values });
    }
  }

  /**
   * Existing records (first) and earlier rows the row's create body looks like, empty when none; with `remember`,
   * the row is then indexed too, so a later row like it is held back (each key is worked out once).
   */
  find(body: Body, remember?: { row: number }): Candidate[] {
    let found: Map<string, Candidate> | undefined;
    for (let i = 0; i < this.facets.length; i += 1) {
      const facet = this.facets[i]!;
      const key = (this.keys[i] = facet.key(body));
      const hits = key === null ? undefined : this.indexes[i]!.get(key);
      for (const hit of hits === undefined ? [] : Array.isArray(hits) ? hits : [hits]) {
        if (facet.apart?.(body, hit.values)) continue;
        const id = hit.id !== undefined ? `#${hit.id}` : `r${hit.row}`;
        found ??= new Map();
        if (!found.has(id)) found.set(id, this.candidate(hit, facet.match));
      }
    }
    if (remember) this.add({ row: remember.row, values: body }, this.keys);
    return found ? [...found.values()].sort((a, b) => rank(a) - rank(b)) : [];
  }

  /** Remembers a row the plan creates without checking it (an earlier run of the push made it, or the user asked). */
  addRow(row: number, body: Body): void {
    this.add({ row, values: body });
  }

  private candidate(hit: Entry, match: Candidate['match']): Candidate {
    return hit.id !== undefined ? { id: hit.id, label: recordLabel(this.resource, hit.record!), match } : { row: hit.row!, label: `row ${hit.row}`, match };
  }

  private add(entry: Entry, keys?: readonly (string | null)[]): void {
    for (let i = 0; i < this.facets.length; i += 1) {
      const key = keys ? keys[i]! : this.facets[i]!.key(entry.values);
      if (key === null) continue;
      const index = this.indexes[i]!;
      const there = index.get(key);
      if (there === undefined) index.set(key, entry);
      else if (Array.isArray(there)) there.push(entry);
      else index.set(key, [there, entry]);
    }
  }
}

/** A value in the field's own terms; free text also without case, runs of spaces or line-end style. */
function text(field: FieldSpec | undefined, value: unknown): string | null {
  const plain = field ? comparable(field, value) : value === undefined || value === null || value === '' ? null : String(value);
  if (plain === null) return null;
  if (typeof plain !== 'string') return String(plain);
  if (field?.type === 'email') return plain; // already trimmed and lower-cased
  return plain.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').toLowerCase();
}

function facetsOf(resource: ResourceName, value: (apiName: string, value: unknown) => string | null): Facet[] {
  const email: Facet = { match: 'same', key: (v) => value('email', v.email), email: true };
  // Two records with one name are told apart by different emails (both given) and, for people, different clients.
  const differ = (apiName: string) => (a: Body, b: Body) => {
    const x = value(apiName, a[apiName]);
    const y = value(apiName, b[apiName]);
    return x !== null && y !== null && x !== y;
  };
  if (resource === 'communications') {
    return [{ match: 'same', key: (v) => (value('subject', v.subject) === null ? null : CONTENT.map((f) => value(f, v[f]) ?? '').join('\u0000')) }];
  }
  if (resource === 'contacts') {
    const name: Facet = {
      match: 'same',
      key: (v) => (typeof v.first_name === 'string' && typeof v.last_name === 'string' ? `${nameKey(v.first_name)}\u0000${nameKey(v.last_name)}` : null),
      apart: (a, b) => differ('email')(a, b) || differ('client_id')(a, b),
    };
    return [email, name];
  }
  const same: Facet = { match: 'same', key: (v) => (typeof v.name === 'string' ? nameKey(v.name) : null), apart: differ('email') };
  const near: Facet = { match: 'near', key: (v) => (typeof v.name === 'string' ? looseName(v.name) || null : null), apart: differ('email') };
  return [email, same, near];
}

// Records before earlier rows, same before near.
function rank(candidate: Candidate): number {
  return (candidate.id !== undefined ? 0 : 2) + (candidate.match === 'same' ? 0 : 1);
}

/** What a person calls a record: a contact's first and last name, a client's name, a subject; '' when none. */
export function recordTitle(resource: ResourceName, values: Record<string, unknown>): string {
  const parts = resource === 'contacts' ? [values.first_name, values.last_name] : [resource === 'clients' ? values.name : values.subject];
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim()).join(' ');
}

export function recordLabel(resource: ResourceName, record: Record<string, unknown> & { id: number }): string {
  const title = recordTitle(resource, record);
  return `${getResource(resource).singular} ${record.id}${title ? ` (${title})` : ''}`;
}

/** A record as a person names it, then its id: "Ada Byron (#404)", "Acme Ltd (#12)"; just "#7" without a name. */
export function recordName(resource: ResourceName, record: Record<string, unknown> & { id: number }): string {
  const title = recordTitle(resource, record);
  return title ? `${title} (#${record.id})` : `#${record.id}`;
}

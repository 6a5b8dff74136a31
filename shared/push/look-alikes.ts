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
/** One way a row and a record can be "the same": a key of each, and whether a found pair counts as same or near. */
interface Facet {
  match: Candidate['match'];
  key(get: (apiName: string) => unknown): string | null;
  /** Whether a pair that shares the key may still be two things (two people of one name with different emails). */
  apart?(row: (apiName: string) => unknown, other: (apiName: string) => unknown): boolean;
}

const CONTENT = ['type', 'subject', 'client_id', 'contact_id', 'due_at', 'content'];

export class LookAlikes {
  private readonly facets: Facet[];
  private readonly fields: Map<string, FieldSpec>;
  private readonly indexes: Map<string, { id?: number; row?: number; label: string; get: (apiName: string) => unknown }[]>[];

  constructor(private readonly resource: ResourceName, records: readonly ApiRecord[], exclude: ReadonlySet<number> = new Set()) {
    this.fields = writeFields(resource);
    this.facets = facetsOf(resource, (apiName, value) => this.text(apiName, value));
    this.indexes = this.facets.map(() => new Map());
    for (const record of records) {
      if (!exclude.has(record.id)) this.add({ id: record.id, label: recordLabel(resource, record), get: (apiName) => this.readRecord(record, apiName) });
    }
  }

  /** Existing records (first) and earlier rows the row's create body looks like; empty when none. */
  find(body: Body): Candidate[] {
    const get = (apiName: string) => body[apiName];
    const found = new Map<string, Candidate>();
    this.facets.forEach((facet, i) => {
      const key = facet.key(get);
      if (key === null) return;
      for (const hit of this.indexes[i]!.get(key) ?? []) {
        if (facet.apart?.(get, hit.get)) continue;
        const id = hit.id !== undefined ? `#${hit.id}` : `r${hit.row}`;
        if (!found.has(id)) found.set(id, { ...(hit.id !== undefined ? { id: hit.id } : { row: hit.row! }), label: hit.label, match: facet.match });
      }
    });
    return [...found.values()].sort((a, b) => rank(a) - rank(b));
  }

  /** Remembers a row the plan creates, so a later row like it is held back. */
  addRow(row: number, body: Body): void {
    this.add({ row, label: `row ${row}`, get: (apiName) => body[apiName] });
  }

  private add(entry: { id?: number; row?: number; label: string; get: (apiName: string) => unknown }): void {
    this.facets.forEach((facet, i) => {
      const key = facet.key(entry.get);
      if (key === null) return;
      const index = this.indexes[i]!;
      (index.get(key) ?? index.set(key, []).get(key)!).push(entry);
    });
  }

  private readRecord(record: ApiRecord, apiName: string): unknown {
    const field = this.fields.get(apiName);
    return readPath(record, field?.readPath ?? apiName);
  }

  /** A value in the field's own terms; text without case, outer spaces, runs of spaces or line-end style. */
  private text(apiName: string, value: unknown): string | null {
    const field = this.fields.get(apiName);
    const plain = field ? comparable(field, value) : value === undefined || value === null || value === '' ? null : String(value);
    if (plain === null) return null;
    return typeof plain === 'string' ? plain.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').toLowerCase() : String(plain);
  }
}

function facetsOf(resource: ResourceName, text: (apiName: string, value: unknown) => string | null): Facet[] {
  const value = (get: (apiName: string) => unknown, apiName: string) => text(apiName, get(apiName));
  const email: Facet = { match: 'same', key: (get) => value(get, 'email') };
  // Two records with one name are told apart by different emails (both given) and, for people, different clients.
  const differ = (apiName: string) => (a: (n: string) => unknown, b: (n: string) => unknown) => {
    const x = value(a, apiName);
    const y = value(b, apiName);
    return x !== null && y !== null && x !== y;
  };
  if (resource === 'communications') {
    return [{ match: 'same', key: (get) => (value(get, 'subject') === null ? null : CONTENT.map((f) => value(get, f) ?? '').join('\u0000')) }];
  }
  if (resource === 'contacts') {
    const name: Facet = {
      match: 'same',
      key: (get) => {
        const first = get('first_name');
        const last = get('last_name');
        return typeof first === 'string' && typeof last === 'string' ? `${nameKey(first)}\u0000${nameKey(last)}` : null;
      },
      apart: (a, b) => differ('email')(a, b) || differ('client_id')(a, b),
    };
    return [email, name];
  }
  const nameOf = (get: (apiName: string) => unknown) => (typeof get('name') === 'string' ? (get('name') as string) : null);
  const same: Facet = { match: 'same', key: (get) => (nameOf(get) === null ? null : nameKey(nameOf(get)!)), apart: differ('email') };
  const near: Facet = { match: 'near', key: (get) => (nameOf(get) === null ? null : looseName(nameOf(get)!) || null), apart: differ('email') };
  return [email, same, near];
}

// Records before earlier rows, same before near.
function rank(candidate: Candidate): number {
  return (candidate.id !== undefined ? 0 : 2) + (candidate.match === 'same' ? 0 : 1);
}

export function recordLabel(resource: ResourceName, record: Record<string, unknown> & { id: number }): string {
  const spec = getResource(resource);
  const name = resource === 'contacts' ? [record.first_name, record.last_name].filter(Boolean).join(' ')
    : resource === 'clients' ? record.name : record.subject;
  return `${spec.singular} ${record.id}${typeof name === 'string' && name !== '' ? ` (${name})` : ''}`;
}

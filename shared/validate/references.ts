// Resolves client and contact names to ids against records already in Pivor, reporting unknown and ambiguous names.
// Pivor's own importer links the first match or silently nothing; here every row says what happened.
import type { ResourceName } from '../resources/index.ts';
import type { References } from './types.ts';

export type Resolution =
  | { kind: 'found'; id: number }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; ids: number[] };

export interface ReferenceIndex {
  /** null when no records of that resource were given: names are then kept for later resolution. */
  resolve(resource: ResourceName, name: string, clientId?: number): Resolution | null;
}

/** Case-insensitive, trimmed, inner whitespace collapsed. */
function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function addTo(map: Map<string, number[]>, key: string, id: number): void {
  if (!key) return;
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

export function referenceIndex(references: References | undefined): ReferenceIndex {
  let clients: Map<string, number[]> | null = null;
  if (references?.clients) {
    clients = new Map();
    // a client name matches its name or its trading name, exactly
    for (const c of references.clients) {
      addTo(clients, nameKey(c.name), c.id);
      if (c.trading_name) addTo(clients, nameKey(c.trading_name), c.id);
    }
  }
  let contacts: Map<string, number[]> | null = null;
  const contactClient = new Map<number, number | null>();
  if (references?.contacts) {
    contacts = new Map();
    // "first last": also what Pivor's split at the first space produces, so one key covers both readings
    for (const p of references.contacts) {
      addTo(contacts, nameKey(`${p.first_name} ${p.last_name}`), p.id);
      contactClient.set(p.id, p.client_id ?? null);
    }
  }
  return {
    resolve(resource, name, clientId) {
      const map = resource === 'clients' ? clients : resource === 'contacts' ? contacts : null;
      if (!map) return null;
      const ids = map.get(nameKey(name));
      if (!ids) return { kind: 'unknown' };
      if (ids.length === 1) return { kind: 'found', id: ids[0]! };
      // two people with one name: the row's client may tell them apart
      if (resource === 'contacts' && clientId !== undefined) {
        const ofClient = ids.filter((id) => contactClient.get(id) === clientId);
        if (ofClient.length === 1) return { kind: 'found', id: ofClient[0]! };
      }
      return { kind: 'ambiguous', ids: [...ids].sort((a, b) => a - b) };
    },
  };
}

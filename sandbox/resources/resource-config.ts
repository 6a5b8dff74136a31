// What differs between Pivor's three API controllers beyond the field tables: model names for messages,
// search columns, filters, which relations a list embeds and who may see a record.
import { getResource, type ResourceName, type ResourceSpec } from '../../shared/resources/index.ts';

export interface ResourceConfig {
  name: ResourceName;
  spec: ResourceSpec;
  /** "Client", for "Client created successfully." */
  title: string;
  /** Eloquent class, for the 404 of a route-model binding miss. */
  modelClass: string;
  /** filter[search]: LIKE %x% on these columns, OR-ed. */
  searchColumns: readonly string[];
  /** filter[key] → column compared with =; boolean ones go through $request->boolean(). */
  filterColumns: Readonly<Record<string, { column: string; boolean?: boolean }>>;
  /** Relations a list response embeds. */
  listRelations: readonly ('client' | 'contact')[];
  /** A `user` may open (show, update, delete) a record when one of these columns holds their id. */
  ownerColumns: readonly string[];
  /** A `user`'s lists hold the records whose column holds their id (assigned_to everywhere, checked on Pivor). */
  listOwnerColumn: string;
  /**
   * Columns with an index in Pivor's migrations. Sorting descending on one of them, SQLite walks the index
   * backwards, so equal values come by descending id; every other sort gives them by ascending id.
   */
  indexedColumns: readonly string[];
}

function filters(spec: ResourceSpec, booleanColumns: Record<string, string> = {}): ResourceConfig['filterColumns'] {
  const out: Record<string, { column: string; boolean?: boolean }> = {};
  for (const key of spec.filters) {
    if (key === 'search') continue;
    const column = booleanColumns[key];
    out[key] = column ? { column, boolean: true } : { column: key };
  }
  return out;
}

const clients = getResource('clients');
const contacts = getResource('contacts');
const communications = getResource('communications');

export const resourceConfigs: Readonly<Record<ResourceName, ResourceConfig>> = {
  clients: {
    name: 'clients', spec: clients, title: 'Client', modelClass: 'App\\Modules\\Clients\\Models\\Client',
    searchColumns: ['name', 'trading_name', 'email'], filterColumns: filters(clients),
    listRelations: [], ownerColumns: ['assigned_to'], listOwnerColumn: 'assigned_to',
    indexedColumns: ['status', 'type', 'assigned_to', 'created_at'],
  },
  contacts: {
    name: 'contacts', spec: contacts, title: 'Contact', modelClass: 'App\\Modules\\Contacts\\Models\\Contact',
    searchColumns: ['first_name', 'last_name', 'email'], filterColumns: filters(contacts, { is_primary: 'is_primary_contact' }),
    listRelations: ['client'], ownerColumns: ['assigned_to'], listOwnerColumn: 'assigned_to',
    indexedColumns: ['client_id', 'status', 'assigned_to', 'first_name', 'email'],
  },
  communications: {
    name: 'communications', spec: communications, title: 'Communication', modelClass: 'App\\Modules\\Communications\\Models\\Communication',
    searchColumns: ['subject', 'content'], filterColumns: filters(communications),
    // A user opens communications assigned to them or created by them; their list holds the assigned ones only.
    listRelations: ['client', 'contact'], ownerColumns: ['assigned_to', 'created_by'], listOwnerColumn: 'assigned_to',
    indexedColumns: ['assigned_to', 'client_id', 'contact_id', 'created_at', 'created_by', 'due_at', 'status', 'type'],
  },
};

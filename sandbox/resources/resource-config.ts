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
  /** A `user` sees a record when one of these columns holds their id. */
  ownerColumns: readonly string[];
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
    listRelations: [], ownerColumns: ['assigned_to'],
  },
  contacts: {
    name: 'contacts', spec: contacts, title: 'Contact', modelClass: 'App\\Modules\\Contacts\\Models\\Contact',
    searchColumns: ['first_name', 'last_name', 'email'], filterColumns: filters(contacts, { is_primary: 'is_primary_contact' }),
    listRelations: ['client'], ownerColumns: ['assigned_to'],
  },
  communications: {
    name: 'communications', spec: communications, title: 'Communication', modelClass: 'App\\Modules\\Communications\\Models\\Communication',
    searchColumns: ['subject', 'content'], filterColumns: filters(communications),
    // pivor-api.md: a user sees communications assigned to them or created by them, in lists too.
    listRelations: ['client', 'contact'], ownerColumns: ['assigned_to', 'created_by'],
  },
};

// Export: pages of records → pages of export rows → a CSV like Pivor's own export (plus id and updated_at).
// Reference names come from the record's embedded client/contact; where a list does not embed them, one listing
// of the referenced resource is read, once, the first time a page needs it.
import type { ListProgress, PivorClient, PivorRecord } from '../api/index.ts';
import { writeCsv } from '../csv/write-csv.ts';
import type { ResourceName } from '../resources/index.ts';
import { exportHeaders, needsLookup, recordToExportRow, type ExportLookups } from './export-row.ts';

export interface ExportOptions {
  filters?: Record<string, string>;
  sort?: string;
  onProgress?: (progress: ListProgress) => void;
  signal?: AbortSignal;
  /** Pages asked for at once after the first (default 4; see PivorClient.pages). */
  pagesAhead?: number;
}

/** Export rows, one array per page of records, in the API's order. */
export async function* exportRecords(client: PivorClient, resource: ResourceName, options: ExportOptions = {}): AsyncGenerator<string[][], void, undefined> {
  const lookups: ExportLookups = {};
  let loaded = 0;
  const listOptions = {
    ...(options.filters ? { filters: options.filters } : {}),
    ...(options.sort !== undefined ? { sort: options.sort } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.pagesAhead !== undefined ? { pagesAhead: options.pagesAhead } : {}),
  };
  for await (const page of client.pages(resource, listOptions)) {
    if (page.data.some((record) => needsLookup(resource, record, lookups))) await fillLookups(client, resource, lookups, listOptions);
    loaded += page.data.length;
    yield page.data.map((record) => recordToExportRow(resource, record, lookups));
    options.onProgress?.({ loaded, total: page.meta.total, page: page.meta.current_page, lastPage: page.meta.last_page });
  }
}

/** The whole export as CSV text (UTF-8 BOM, like Pivor's). */
export async function exportCsv(client: PivorClient, resource: ResourceName, options: ExportOptions = {}): Promise<string> {
  const rows: string[][] = [];
  for await (const page of exportRecords(client, resource, options)) rows.push(...page);
  return writeCsv(exportHeaders(resource), rows);
}

/** Id → name maps of the resources a resource's reference columns point at. */
export function buildExportLookups(clients: readonly PivorRecord[] = [], contacts: readonly PivorRecord[] = []): ExportLookups {
  return {
    clientNames: new Map(clients.map((c) => [c.id, typeof c.name === 'string' ? c.name : ''])),
    contactNames: new Map(contacts.map((c) => [c.id, [c.first_name, c.last_name].filter((p) => typeof p === 'string' && p !== '').join(' ')])),
  };
}

async function fillLookups(
  client: PivorClient, resource: ResourceName, lookups: ExportLookups, listing: { signal?: AbortSignal; pagesAhead?: number },
): Promise<void> {
  const opts = { ...(listing.signal ? { signal: listing.signal } : {}), ...(listing.pagesAhead !== undefined ? { pagesAhead: listing.pagesAhead } : {}) };
  if (!lookups.clientNames) lookups.clientNames = buildExportLookups(await client.listAll('clients', opts)).clientNames!;
  if (resource === 'communications' && !lookups.contactNames) {
    lookups.contactNames = buildExportLookups([], await client.listAll('contacts', opts)).contactNames!;
  }
}

// Export: the whole listing (every record once, see api/listing) → export rows → a CSV like Pivor's own export
// (plus id and updated_at), and whether it is whole: records Pivor cannot answer are named, never dropped silently.
// Reference names come from the record's embedded client/contact; where a list does not embed them, one listing
// of the referenced resource is read, once, the first time a page needs it.
import { WholeListing, unreadableMessage, type ListProgress, type PivorClient, type PivorRecord, type UnreadableRecord } from '../api/index.ts';
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

export interface ExportSummary {
  rows: number;
  /** Every record that existed throughout the export is in it. */
  complete: boolean;
  /** Records left out because Pivor answers them only with a 500. */
  unreadable: UnreadableRecord[];
  /** For people, one a line: each record left out and how to fix it, or why the export is not whole. */
  notices: string[];
}

export interface ExportResult extends ExportSummary {
  csv: string;
}

/** Export rows, one array per window of new records, in the API's order; returns whether the export is whole. */
export async function* exportRecords(client: PivorClient, resource: ResourceName, options: ExportOptions = {}): AsyncGenerator<string[][], ExportSummary, undefined> {
  const lookups: ExportLookups = {};
  const listOptions = {
    ...(options.filters ? { filters: options.filters } : {}),
    ...(options.sort !== undefined ? { sort: options.sort } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.pagesAhead !== undefined ? { pagesAhead: options.pagesAhead } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const listing = new WholeListing(client, resource, listOptions);
  let rows = 0;
  for await (const records of listing.records()) {
    if (records.some((record) => needsLookup(resource, record, lookups))) await fillLookups(client, resource, lookups, listOptions);
    rows += records.length;
    yield records.map((record) => recordToExportRow(resource, record, lookups));
  }
  const { complete, problem, unreadable } = listing.result;
  const notices = unreadable.map((record) => unreadableMessage(resource, record, client.origin));
  if (problem) notices.push(problem);
  return { rows, complete: complete && unreadable.length === 0, unreadable, notices };
}

/** The whole export as CSV text (UTF-8 BOM, like Pivor's), and whether it is whole. */
export async function exportCsv(client: PivorClient, resource: ResourceName, options: ExportOptions = {}): Promise<ExportResult> {
  const rows: string[][] = [];
  const pages = exportRecords(client, resource, options);
  for (;;) {
    const step = await pages.next();
    if (step.done) return { ...step.value, csv: writeCsv(exportHeaders(resource), rows) };
    rows.push(...step.value);
  }
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

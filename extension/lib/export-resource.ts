// Export and template downloads for the popup: the core writes the CSV, this saves it with a dated name.
import { writeCsv } from '../../shared/csv/index.ts';
import { exportHeaders, recordToExportRow } from '../../shared/export/export-row.ts';
import { columnName, getResource, templateFields, type ResourceName } from '../../shared/resources/index.ts';
import type { Session } from '../storage/session-store.ts';
import { downloadCsv, exportFileName, templateFileName } from './download-csv.ts';
import { clientFor } from './pivor-session.ts';

export interface ExportFilters {
  status: string;
  search: string;
}

export async function exportResource(
  session: Session,
  resource: ResourceName,
  filters: ExportFilters,
  options: { signal: AbortSignal; onProgress: (done: number, total: number) => void },
): Promise<{ fileName: string; rows: number }> {
  const query: Record<string, string> = {};
  if (filters.status) query.status = filters.status;
  if (filters.search.trim()) query.search = filters.search.trim();
  const client = clientFor(session);
  const rows: string[][] = [];
  // TEMPORARY until the core's exportCsv lands: pages → export rows → CSV.
  for await (const page of client.pages(resource, { filters: query, signal: options.signal })) {
    for (const record of page.data) rows.push(recordToExportRow(resource, record));
    options.onProgress(rows.length, page.meta.total);
  }
  const fileName = exportFileName(resource);
  await downloadCsv(fileName, writeCsv(exportHeaders(resource), rows));
  return { fileName, rows: rows.length };
}

export async function downloadTemplate(resource: ResourceName): Promise<void> {
  const fields = templateFields(getResource(resource));
  await downloadCsv(templateFileName(resource), writeCsv(fields.map(columnName), [fields.map((f) => f.example ?? '')]));
}

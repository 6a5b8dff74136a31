// Export and template downloads for the popup: the core writes the CSV, this saves it under a dated name.
import { writeCsv } from '../../shared/csv/index.ts';
import { exportCsv } from '../../shared/export/index.ts';
import { columnName, getResource, templateFields, type ResourceName } from '../../shared/resources/index.ts';
import type { Session } from '../storage/session-store.ts';
import { downloadCsv, exportFileName, savedFileName, templateFileName } from './download-csv.ts';
import { clientFor } from './pivor-session.ts';

export interface ExportFilters {
  status: string;
  search: string;
}

export async function exportResource(
  session: Session,
  resource: ResourceName,
  filters: ExportFilters,
  options: { signal: AbortSignal; onProgress: (done: number, total: number) => void; onRetry?: (message: string) => void },
): Promise<{ fileName: string; rows: number; nameConfirmed: boolean; complete: boolean; notices: string[] }> {
  const query: Record<string, string> = {};
  if (filters.status) query.status = filters.status;
  if (filters.search.trim()) query.search = filters.search.trim();
  let rows = 0;
  const say = options.onRetry;
  const client = clientFor(session, say ? { onRetry: (info) => say(info.message), onWaiting: (info) => say(info.message) } : {});
  const result = await exportCsv(client, resource, {
    filters: query,
    signal: options.signal,
    onProgress: (p) => {
      rows = p.loaded;
      options.onProgress(p.loaded, p.total);
    },
  });
  const asked = exportFileName(resource, new Date(), query);
  const saved = await savedFileName(await downloadCsv(asked, result.csv));
  return { fileName: saved ?? asked, rows: result.rows, nameConfirmed: saved !== null, complete: result.complete, notices: result.notices };
}

/** Pivor's own template columns (so a filled template also imports through Pivor's screen) with one example row. */
export async function downloadTemplate(resource: ResourceName): Promise<void> {
  const fields = templateFields(getResource(resource));
  await downloadCsv(templateFileName(resource), writeCsv(fields.map(columnName), [fields.map((f) => f.example ?? '')]));
}

// Saves CSV text through chrome.downloads, under a dated name such as pivor-contacts-2026-11-24.csv.
import type { ResourceName } from '../../shared/resources/index.ts';

/** The local calendar date as YYYY-MM-DD: the day the user sees on their clock. */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function exportFileName(resource: ResourceName, now = new Date()): string {
  return `pivor-${resource}-${localDate(now)}.csv`;
}

export function templateFileName(resource: ResourceName): string {
  return `pivor-${resource}-template.csv`;
}

/** A name derived from the imported file: "contacts.csv" → "contacts-failures.csv". */
export function derivedFileName(original: string, suffix: string): string {
  const base = original.replace(/\.csv$/i, '').replace(/[\\/:*?"<>|]+/g, '_') || 'import';
  return `${base}-${suffix}.csv`;
}

/** Starts the download and resolves with its id once Chrome has accepted it. */
export async function downloadCsv(fileName: string, text: string): Promise<number> {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  try {
    return await chrome.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    // Chrome has read the blob's address by now; free it a little later so a slow start still finds it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

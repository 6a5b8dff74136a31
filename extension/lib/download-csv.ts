// Saves CSV text through chrome.downloads, under a dated name such as pivor-contacts-2026-11-24.csv.
import type { ResourceName } from '../../shared/resources/index.ts';

/** The local calendar date as YYYY-MM-DD: the day the user sees on their clock. */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * pivor-contacts-2026-11-24.csv; a filtered export says its filter, so it is not mistaken for the whole list:
 * pivor-clients-status-active-search-acme-2026-11-24.csv.
 */
export function exportFileName(resource: ResourceName, now = new Date(), filters: Record<string, string> = {}): string {
  const filter = Object.entries(filters)
    .filter(([, value]) => value.trim() !== '')
    .map(([key, value]) => `${key}-${slug(value)}`)
    .join('-');
  return `pivor-${resource}${filter ? `-${filter}` : ''}-${localDate(now)}.csv`;
}

/** Letters and digits of a value, for a file name: "Acme & Co." → "acme-co". */
function slug(value: string): string {
  return value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'filtered';
}

export function templateFileName(resource: ResourceName): string {
  return `pivor-${resource}-template.csv`;
}

/** A name derived from the imported file: "contacts.csv" → "contacts-failures.csv". */
export function derivedFileName(original: string, suffix: string): string {
  const base = original.replace(/\.(?:csv|tsv|txt)$/i, '').replace(/[\\/:*?"<>|]+/g, '_') || 'import';
  return `${base}-${suffix}.csv`;
}

/**
 * The name Chrome really saved a download under (another file of the same name makes it "… (1).csv"), once Chrome
 * has settled it; null if Chrome does not say within `timeoutMs`.
 */
export async function savedFileName(id: number, timeoutMs = 10_000): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [item] = await chrome.downloads.search({ id });
    if (!item) return null;
    if (item.filename) return item.filename.split(/[\\/]/).pop() ?? item.filename;
    if (item.state === 'interrupted' || Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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

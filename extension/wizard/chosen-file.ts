// The file being imported and where it came from, as the wizard shows it ("contacts.csv, from a link on example.com").
import { hashFile } from '../storage/journal-store.ts';

export type FileOrigin = 'chosen' | 'dropped' | 'pasted' | 'link' | 'page' | 'resumed';

export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
  /** SHA-256 of the bytes: with the resource, the key of the push journal. */
  hash: string;
  origin: FileOrigin;
  /** The URL it was read from (right-click flow). */
  source?: string;
  /** The page the link was on. */
  page?: string;
  /** The hand-over record to delete once the import is done. */
  handoffId?: string;
}

export async function chosenFile(name: string, bytes: Uint8Array, origin: FileOrigin, extra: Partial<ChosenFile> = {}): Promise<ChosenFile> {
  return { name, bytes, hash: await hashFile(bytes), origin, ...extra };
}

export function describeOrigin(file: Pick<ChosenFile, 'origin' | 'source' | 'page'>): string {
  switch (file.origin) {
    case 'chosen':
      return 'Chosen from this computer';
    case 'dropped':
      return 'Dropped onto this page';
    case 'pasted':
      return 'Pasted from a spreadsheet';
    case 'link':
      return file.page ? `From a link on ${hostOf(file.page)}` : 'From a link';
    case 'page':
      return 'From the page you were viewing';
    case 'resumed':
      return 'Kept from the interrupted import';
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

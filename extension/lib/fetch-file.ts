// Reading a CSV from a URL for the right-click flow: the fetched answer's shape, the check that it is a file and
// not a login page, and the read done by the extension itself (for a link on another origin, once it may).
import { bytesToBase64 } from './base64.ts';

export interface FetchedFile {
  ok: boolean;
  status: number;
  contentType: string;
  /** The body's bytes as base64 (the encoding is detected later, as for a chosen file). */
  base64: string;
  error?: string;
}

export type FileOrProblem = { base64: string } | { error: string };

/** Reads a file from the extension (it needs host access to the file's origin), with that origin's cookies. */
export async function fetchFromExtension(url: string): Promise<FetchedFile> {
  try {
    const response = await fetch(url, { credentials: 'include' });
    const base64 = bytesToBase64(new Uint8Array(await response.arrayBuffer()));
    return { ok: response.ok, status: response.status, contentType: response.headers.get('content-type') ?? '', base64 };
  } catch (error) {
    return { ok: false, status: 0, contentType: '', base64: '', error: error instanceof Error ? error.message : String(error) };
  }
}

/** The file, or a reason for the user when the answer is not one. */
export function fileOrProblem(result: FetchedFile): FileOrProblem {
  if (result.status === 0) return { error: `The file could not be read (${result.error ?? 'network error'}).` };
  if (result.status === 401 || result.status === 403) {
    return { error: `The site refused to give the file (HTTP ${result.status}). Sign in to that site in this browser and try again.` };
  }
  if (!result.ok) return { error: `The site answered HTTP ${result.status} instead of the file.` };
  // A login form in place of the file: the site's session has ended.
  const head = atob(result.base64.slice(0, 400));
  if (/text\/html/i.test(result.contentType) && /^\s*<(!doctype|html)/i.test(head)) {
    return { error: 'The link answered with a web page, not a CSV file. Sign in to that site in this browser and try again.' };
  }
  return { base64: result.base64 };
}

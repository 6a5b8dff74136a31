// Reads a same-origin CSV inside the page the user right-clicked, so the page's own session (cookies) comes along:
// a CSV behind a login reads exactly as it does for the user. Runs with activeTab, granted by that click.
import type { FetchedFile } from '../lib/fetch-file.ts';

/** Injected into the page with chrome.scripting.executeScript: it must not use anything from outside its body. */
export async function fetchFromPage(url: string): Promise<FetchedFile> {
  try {
    const response = await fetch(url, { credentials: 'include', redirect: 'follow' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { ok: response.ok, status: response.status, contentType: response.headers.get('content-type') ?? '', base64: btoa(binary) };
  } catch (error) {
    return { ok: false, status: 0, contentType: '', base64: '', error: error instanceof Error ? error.message : String(error) };
  }
}

export async function readInPage(tabId: number, url: string): Promise<FetchedFile> {
  const [injection] = await chrome.scripting.executeScript({ target: { tabId }, func: fetchFromPage, args: [url] });
  const result = injection?.result as FetchedFile | undefined;
  if (!result) throw new Error('the page did not answer');
  return result;
}

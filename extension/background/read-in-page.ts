// Reads a same-origin CSV inside the page the user right-clicked, so the page's own session (cookies) comes along:
// a CSV behind a login reads exactly as it does for the user. Runs with activeTab, granted by that click.

export interface PageFetchResult {
  ok: boolean;
  status: number;
  contentType: string;
  text: string;
}

/** Injected into the page with chrome.scripting.executeScript: it must not use anything from outside its body. */
export async function fetchFromPage(url: string): Promise<PageFetchResult> {
  try {
    const response = await fetch(url, { credentials: 'include', redirect: 'follow' });
    return { ok: response.ok, status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  } catch (error) {
    return { ok: false, status: 0, contentType: '', text: String(error instanceof Error ? error.message : error) };
  }
}

export async function readInPage(tabId: number, url: string): Promise<PageFetchResult> {
  const [injection] = await chrome.scripting.executeScript({ target: { tabId }, func: fetchFromPage, args: [url] });
  const result = injection?.result as PageFetchResult | undefined;
  if (!result) throw new Error('The page did not answer.');
  return result;
}

/** A user-facing reason when a fetched answer is not a CSV file, or undefined when it looks like one. */
export function problemWithAnswer(result: PageFetchResult): string | undefined {
  if (result.status === 0) return `The file could not be read (${result.text || 'network error'}).`;
  if (result.status === 401 || result.status === 403) return `The site refused to give the file (HTTP ${result.status}). Sign in to that site in this browser and try again.`;
  if (!result.ok) return `The site answered HTTP ${result.status} instead of the file.`;
  // A login form in place of the file: the session has ended.
  if (/text\/html/i.test(result.contentType) && /^\s*<(!doctype|html)/i.test(result.text)) {
    return 'The link answered with a web page, not a CSV file. Sign in to that site in this browser and try again.';
  }
  return undefined;
}

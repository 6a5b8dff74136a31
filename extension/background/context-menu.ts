// "Upload CSV to Pivor" on links to .csv files and on pages whose address ends in .csv.
// A click reads the file (same origin: inside the page, with its session; another origin: from the extension
// if it already may, else the wizard asks first) and hands it to the wizard in a new tab.
import { hasOriginAccess } from '../lib/host-access.ts';
import { fileNameFromUrl, newHandoffId, saveHandoff, type Handoff } from '../storage/handoff-store.ts';
import { problemWithAnswer, readInPage, type PageFetchResult } from './read-in-page.ts';

export const MENU_LINK = 'pivor-upload-csv-link';
export const MENU_PAGE = 'pivor-upload-csv-page';
const title = 'Upload CSV to Pivor';
// Query strings and fragments after ".csv" are common on download links.
const csvUrls = ['*://*/*.csv', '*://*/*.csv?*', '*://*/*.CSV', '*://*/*.CSV?*'];

export function createMenus(): void {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU_LINK, title, contexts: ['link'], targetUrlPatterns: csvUrls });
    chrome.contextMenus.create({ id: MENU_PAGE, title, contexts: ['page'], documentUrlPatterns: csvUrls });
  });
}

export async function onMenuClick(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab): Promise<void> {
  if (info.menuItemId !== MENU_LINK && info.menuItemId !== MENU_PAGE) return;
  const url = info.menuItemId === MENU_LINK ? info.linkUrl : info.pageUrl;
  if (!url) return;
  const handoff: Handoff = {
    id: newHandoffId(),
    name: fileNameFromUrl(url),
    source: url,
    ...(info.menuItemId === MENU_LINK && info.pageUrl ? { page: info.pageUrl } : {}),
    createdAt: Date.now(),
  };
  await saveHandoff({ ...handoff, ...(await readFile(url, tab)) });
  await chrome.tabs.create({ url: chrome.runtime.getURL(`wizard/index.html#handoff=${handoff.id}`), ...(tab?.index != null ? { index: tab.index + 1 } : {}) });
}

async function readFile(url: string, tab?: chrome.tabs.Tab): Promise<Pick<Handoff, 'text' | 'needsOrigin' | 'error'>> {
  const origin = new URL(url).origin;
  const pageOrigin = tab?.url ? safeOrigin(tab.url) : undefined;
  try {
    if (tab?.id != null && pageOrigin === origin) return fromAnswer(await readInPage(tab.id, url));
    // Another origin: the extension reads it itself, with that origin's cookies, once it may.
    if (await hasOriginAccess(origin)) return fromAnswer(await readFromExtension(url));
    return { needsOrigin: origin };
  } catch (error) {
    return { error: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function readFromExtension(url: string): Promise<PageFetchResult> {
  try {
    const response = await fetch(url, { credentials: 'include' });
    return { ok: response.ok, status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  } catch (error) {
    return { ok: false, status: 0, contentType: '', text: error instanceof Error ? error.message : String(error) };
  }
}

function fromAnswer(result: PageFetchResult): Pick<Handoff, 'text' | 'error'> {
  const problem = problemWithAnswer(result);
  return problem ? { error: problem } : { text: result.text };
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

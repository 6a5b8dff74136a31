// "Upload CSV to Pivor" on links to .csv files and on pages whose address ends in .csv.
// A click reads the file (same origin: inside the page, with its session; another origin: from the extension
// if it already may, else the wizard asks first) and hands it to the wizard in a new tab.
import { fetchFromExtension, fileOrProblem, type FileOrProblem } from '../lib/fetch-file.ts';
import { hasOriginAccess } from '../lib/host-access.ts';
import { wizardUrl } from '../lib/open-wizard.ts';
import { fileNameFromUrl, newHandoffId, saveHandoff, type Handoff } from '../storage/handoff-store.ts';
import { readInPage } from './read-in-page.ts';

export const MENU_LINK = 'pivor-upload-csv-link';
export const MENU_PAGE = 'pivor-upload-csv-page';
const title = 'Upload CSV to Pivor';
// Query strings after ".csv" are common on download links.
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
  await chrome.tabs.create({
    url: wizardUrl(`handoff=${handoff.id}`),
    ...(tab?.index != null ? { index: tab.index + 1 } : {}),
    ...(tab?.windowId != null ? { windowId: tab.windowId } : {}),
  });
}

async function readFile(url: string, tab?: chrome.tabs.Tab): Promise<FileOrProblem | { needsOrigin: string }> {
  const origin = new URL(url).origin;
  try {
    if (tab?.id != null && tab.url && new URL(tab.url).origin === origin) return fileOrProblem(await readInPage(tab.id, url));
    // Another origin: the page's fetch would be blocked by CORS; the extension reads it itself once it may.
    if (await hasOriginAccess(origin)) return fileOrProblem(await fetchFromExtension(url));
    return { needsOrigin: origin };
  } catch (error) {
    return { error: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// The Pivor menu and the sidebar. Every menu item opens the sidebar, which drives the work in slices
// (a menu function would run into Apps Script's 6-minute limit on a large sheet); the item's action is
// handed to the sidebar so it starts at once.
export type StartAction = 'home' | 'pull' | 'push' | 'import';

const START_ACTIONS: readonly StartAction[] = ['home', 'pull', 'push', 'import'];

export function onOpen(): void {
  // Runs in AuthMode.NONE for an installed add-on: only build the menu, touch no data.
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open sidebar', 'showSidebar')
    .addSeparator()
    .addItem('Pull', 'menuPull')
    .addItem('Push changes', 'menuPush')
    .addItem('Import a CSV file', 'menuImport')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

export function openSidebar(action: StartAction): void {
  const safe = START_ACTIONS.includes(action) ? action : 'home';
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .setTitle('Pivor')
    // The sidebar reads this before its own script runs; the value is one of a fixed list, never user text.
    .append(`<script>window.PIVOR_START=${JSON.stringify(safe)}</script>`);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showSidebar(): void { openSidebar('home'); }
export function menuPull(): void { openSidebar('pull'); }
export function menuPush(): void { openSidebar('push'); }
export function menuImport(): void { openSidebar('import'); }

// The Chrome extension's Manifest V3, built by @crxjs/vite-plugin. Name, description and version come from package.json.
// Paths are relative to the extension's Vite root (extension/).
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

const icons = { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' };

export default defineManifest({
  manifest_version: 3,
  name: 'Pivor Bridge',
  description: pkg.description,
  version: pkg.version,
  icons,
  action: { default_popup: 'popup/index.html', default_title: 'Pivor Bridge', default_icon: icons },
  background: { service_worker: 'background/service-worker.ts', type: 'module' },
  // Least privilege:
  // - storage: the token, remembered mappings and push journals, in chrome.storage.local only.
  // - unlimitedStorage: a file handed from the right-click menu and a 100,000-row push journal can pass the 10 MB default.
  // - contextMenus: "Upload CSV to Pivor" on .csv links and pages.
  // - downloads: exports, templates, failures and results CSVs.
  // - activeTab + scripting: read a right-clicked same-origin CSV with the page's own session, only on that click.
  permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'downloads', 'activeTab', 'scripting'],
  // No host access at install: the signed-in Pivor origin (and a cross-origin CSV's origin) is asked for when needed.
  optional_host_permissions: ['http://*/*', 'https://*/*'],
  minimum_chrome_version: '116',
});

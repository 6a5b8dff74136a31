// The extension's service worker: owns the right-click menu and tidies stored hand-overs. Listeners are registered
// at the top level so Chrome can wake the worker for them.
import { pruneHandoffs } from '../storage/handoff-store.ts';
import { createMenus, onMenuClick } from './context-menu.ts';

chrome.runtime.onInstalled.addListener(() => {
  createMenus();
});

chrome.runtime.onStartup.addListener(() => {
  void pruneHandoffs();
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  void onMenuClick(info, tab).catch((error: unknown) => {
    console.error('Upload CSV to Pivor failed:', error instanceof Error ? error.message : String(error));
  });
});

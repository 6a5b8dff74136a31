// The extension's service worker: owns the right-click menu and tidies what storage keeps (hand-overs, journals,
// interrupted imports). Listeners are registered at the top level so Chrome can wake the worker for them.
import { pruneHandoffs } from '../storage/handoff-store.ts';
import { pruneInterrupted } from '../storage/interrupted-imports.ts';
import { pruneJournals } from '../storage/journal-store.ts';
import { createMenus, onMenuClick } from './context-menu.ts';

chrome.runtime.onInstalled.addListener(() => {
  createMenus();
});

// Old hand-overs and push journals go when the browser starts.
chrome.runtime.onStartup.addListener(() => {
  void pruneHandoffs();
  void pruneJournals();
  void pruneInterrupted();
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  void onMenuClick(info, tab).catch((error: unknown) => {
    console.error('Upload CSV to Pivor failed:', error instanceof Error ? error.message : String(error));
  });
});

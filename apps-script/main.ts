// The add-on's entry: every function Apps Script may call by name (triggers, menu items and the
// sidebar's google.script.run). The build turns each export into a top-level function.
export { onOpen, onInstall, showSidebar, menuPull, menuPush, menuImport } from './menu.ts';

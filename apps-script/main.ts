// The add-on's entry: every function Apps Script may call by name (triggers, menu items and the
// sidebar's google.script.run). The build turns each export into a top-level function.
import { installUrlPolyfill } from './url-polyfill.ts';

// Apps Script's V8 has no URL or URLSearchParams; the core needs both.
installUrlPolyfill();

export { onOpen, onInstall, showSidebar, menuPull, menuPush, menuImport } from './menu.ts';
export { getSidebarState, signIn, signOut, pullCheck, pullStart, pullSlice, pushPrepare, pushStart, pushSlice, pushCancel, goToRow, importCsv, repullRows, setRefresh } from './sidebar-api.ts';
export { callServer, takeServerResult } from './rpc-dispatch.ts';
// The time-driven trigger of scheduled refresh.
export { scheduledRefresh } from './scheduled-refresh.ts';

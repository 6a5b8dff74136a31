// One door for the sidebar: callServer(callId, name, args) runs a sidebar function and returns its
// promise. Apps Script hands google.script.run the promise's value once it settles; in case a runtime
// hands back the unsettled promise instead, the settled result is also left in the user's cache under the
// call's id (microtasks drain before the execution ends), and takeServerResult(callId) fetches it once.
import * as api from './sidebar-api.ts';

const HANDLERS: Record<string, (...args: never[]) => Promise<unknown>> = {
  getSidebarState: api.getSidebarState,
  signIn: api.signIn,
  signOut: api.signOut,
  pullCheck: api.pullCheck,
  pullStart: api.pullStart,
  pullSlice: api.pullSlice,
  pushPrepare: api.pushPrepare,
  pushStart: api.pushStart,
  pushSlice: api.pushSlice,
  pushCancel: api.pushCancel,
  importCsv: api.importCsv,
  repullRows: api.repullRows,
};

const PREFIX = 'pivor.rpc.';
const PART = 90_000;
const TTL_SECONDS = 600;

function validId(callId: unknown): callId is string {
  return typeof callId === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(callId);
}

export function callServer(callId: unknown, name: unknown, args: unknown): Promise<unknown> {
  const handler = typeof name === 'string' && Object.prototype.hasOwnProperty.call(HANDLERS, name) ? HANDLERS[name] : undefined;
  if (!handler) return Promise.resolve({ ok: false, error: { kind: 'user', message: `Unknown server function: ${String(name)}` } });
  const list = (Array.isArray(args) ? args : []) as never[];
  const result = handler(...list);
  if (validId(callId)) void result.then((value) => keep(callId, value));
  return result;
}

function keep(callId: string, value: unknown): void {
  const text = JSON.stringify(value) ?? 'null';
  const parts: Record<string, string> = {};
  const count = Math.max(1, Math.ceil(text.length / PART));
  for (let i = 0; i < count; i += 1) parts[`${PREFIX}${callId}.${i}`] = text.slice(i * PART, (i + 1) * PART);
  parts[`${PREFIX}${callId}`] = String(count);
  CacheService.getUserCache().putAll(parts, TTL_SECONDS);
}

/** The result a callServer call left, or null when there is none (expired, or already taken). */
export function takeServerResult(callId: unknown): unknown {
  if (!validId(callId)) return null;
  const cache = CacheService.getUserCache();
  const count = Number(cache.get(`${PREFIX}${callId}`) ?? 0);
  if (!count) return null;
  const keys = Array.from({ length: count }, (_, i) => `${PREFIX}${callId}.${i}`);
  const parts = cache.getAll(keys);
  cache.removeAll([...keys, `${PREFIX}${callId}`]);
  if (keys.some((k) => parts[k] === undefined)) return null;
  return JSON.parse(keys.map((k) => parts[k]).join('')) as unknown;
}

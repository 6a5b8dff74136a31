// One door for the sidebar: callServer(callId, name, args) runs a sidebar function and returns its
// promise. Whether google.script.run hands the page a promise's settled value is not documented, so the
// result is also left in the user's cache under the call's id (microtasks drain before the execution
// ends), and takeServerResult(callId) fetches it once: the page asks for it whenever the answer it got is
// not a result, and from its failure handler too. Every outcome is a result: a handler that throws or
// rejects answers {ok: false, kind 'crash'} with its message, so nothing reaches the page as silence.
import type { RpcResult } from './rpc-result.ts';
import * as api from './sidebar-api.ts';
import { utf8Chunks } from './utf8-chunks.ts';

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
  goToRow: api.goToRow,
  importCsv: api.importCsv,
  repullRows: api.repullRows,
  setRefresh: api.setRefresh,
};

const PREFIX = 'pivor.rpc.';
/** Bytes per cached piece: CacheService takes at most 100 KB per value. */
const PART_BYTES = 90_000;
const TTL_SECONDS = 600;

function validId(callId: unknown): callId is string {
  return typeof callId === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(callId);
}

export function callServer(callId: unknown, name: unknown, args: unknown): Promise<unknown> {
  const handler = typeof name === 'string' && Object.prototype.hasOwnProperty.call(HANDLERS, name) ? HANDLERS[name] : undefined;
  if (!handler) return Promise.resolve({ ok: false, error: { kind: 'user', message: `Unknown server function: ${String(name)}` } });
  const list = (Array.isArray(args) ? args : []) as never[];
  let started: Promise<unknown>;
  try {
    started = Promise.resolve(handler(...list));
  } catch (error) {
    started = Promise.reject(error);
  }
  const answered = started.then((value) => value, crashed);
  return validId(callId) ? answered.then((value) => kept(callId, value)) : answered;
}

function crashed(error: unknown): RpcResult<never> {
  // Services' exceptions may not be this realm's Error: read them by shape.
  const { message, stack } = (error ?? {}) as { message?: unknown; stack?: unknown };
  const reason = (typeof message === 'string' ? message : String(error)).replace(/\.+$/, '');
  // Apps Script's own log (the execution log of the script's owner): where a developer can see the stack.
  console.error(typeof stack === 'string' ? stack : reason);
  return { ok: false, error: { kind: 'crash', message: `The add-on failed: ${reason || 'no reason given'}. Try again; if it happens again, reload the spreadsheet.` } };
}

/** The answer, also left in the cache; if the cache refuses it, the answer still goes back as it is. */
function kept(callId: string, value: unknown): unknown {
  try {
    const text = JSON.stringify(value) ?? 'null';
    const chunks = utf8Chunks(text, PART_BYTES);
    const parts: Record<string, string> = {};
    chunks.forEach((chunk, i) => (parts[`${PREFIX}${callId}.${i}`] = chunk));
    parts[`${PREFIX}${callId}`] = String(chunks.length);
    CacheService.getUserCache().putAll(parts, TTL_SECONDS);
  } catch (error) {
    console.error(`The answer to call ${callId} could not be kept: ${error instanceof Error ? error.message : String(error)}`);
  }
  return value;
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

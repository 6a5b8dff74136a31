// CacheService: user, document and script caches with the real limits (keys ≤ 250 characters, values
// ≤ 100 kB, lifetime 600 s by default and at most 6 hours) and expiry against a clock tests can move.
import { CallCounter, instrument } from './call-counter.ts';

const MAX_KEY = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_TTL = 21_600;

export class FakeCache {
  readonly _entries = new Map<string, { value: string; expires: number }>();
  constructor(readonly _counter: CallCounter, private readonly now: () => number) {}

  private _live(key: string): string | null {
    const e = this._entries.get(key);
    if (!e) return null;
    if (e.expires <= this.now()) { this._entries.delete(key); return null; }
    return e.value;
  }
  get(key: string): string | null { return this._live(String(key)); }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) { const v = this._live(k); if (v !== null) out[k] = v; }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    if (key.length > MAX_KEY) throw new Error('Exception: Argument too large: key');
    if (Buffer.byteLength(String(value)) > MAX_VALUE_BYTES) throw new Error('Exception: Argument too large: value');
    const ttl = Math.min(Math.max(1, expirationInSeconds), MAX_TTL);
    this._entries.set(key, { value: String(value), expires: this.now() + ttl * 1000 });
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void { this._entries.delete(key); }
  removeAll(keys: string[]): void { for (const k of keys) this._entries.delete(k); }
}

export class FakeCacheService {
  private readonly user = new Map<string, FakeCache>();
  private readonly document: FakeCache;
  private readonly script: FakeCache;
  constructor(readonly _counter: CallCounter, private readonly userOf: () => string, private readonly _now: () => number = Date.now) {
    this.document = new FakeCache(_counter, _now);
    this.script = new FakeCache(_counter, _now);
  }
  getUserCache(): FakeCache {
    const email = this.userOf();
    let c = this.user.get(email);
    if (!c) this.user.set(email, (c = new FakeCache(this._counter, this._now)));
    return c;
  }
  getDocumentCache(): FakeCache { return this.document; }
  getScriptCache(): FakeCache { return this.script; }
}

instrument(FakeCache, (self: FakeCache) => self._counter, 'Cache');
instrument(FakeCacheService, (self: FakeCacheService) => self._counter, 'CacheService');

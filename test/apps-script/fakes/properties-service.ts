// PropertiesService with its three stores: user (one per signed-in Google user), document and script.
// Values are strings (anything else is turned into one, as the real service does), and the real size
// limits apply: 9 kB per value, 500 kB per store.
import { CallCounter, instrument } from './call-counter.ts';

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

export class FakeProperties {
  readonly _data = new Map<string, string>();
  constructor(readonly _counter: CallCounter, readonly _label: string) {}

  private _check(key: string, value: string): void {
    if (Buffer.byteLength(key) + Buffer.byteLength(value) > MAX_VALUE_BYTES) throw new Error('Exception: Argument too large: value');
    let total = 0;
    for (const [k, v] of this._data) if (k !== key) total += Buffer.byteLength(k) + Buffer.byteLength(v);
    if (total + Buffer.byteLength(key) + Buffer.byteLength(value) > MAX_STORE_BYTES) {
      throw new Error('Exception: You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  }
  getProperty(key: string): string | null { return this._data.get(String(key)) ?? null; }
  setProperty(key: string, value: unknown): this {
    const v = String(value);
    this._check(String(key), v);
    this._data.set(String(key), v);
    return this;
  }
  deleteProperty(key: string): this { this._data.delete(String(key)); return this; }
  getProperties(): Record<string, string> { return Object.fromEntries(this._data); }
  setProperties(props: Record<string, unknown>, deleteAllOthers = false): this {
    if (deleteAllOthers) this._data.clear();
    for (const [k, v] of Object.entries(props)) this.setProperty(k, v);
    return this;
  }
  getKeys(): string[] { return [...this._data.keys()]; }
  deleteAllProperties(): this { this._data.clear(); return this; }
}

export class FakePropertiesService {
  readonly _users = new Map<string, FakeProperties>();
  readonly _document: FakeProperties;
  readonly _script: FakeProperties;
  /** The Google account running the script: user properties are per account. */
  _activeUser = 'editor1@example.com';

  constructor(readonly _counter: CallCounter) {
    this._document = new FakeProperties(_counter, 'document');
    this._script = new FakeProperties(_counter, 'script');
  }
  _userStore(email = this._activeUser): FakeProperties {
    let store = this._users.get(email);
    if (!store) this._users.set(email, (store = new FakeProperties(this._counter, `user:${email}`)));
    return store;
  }
  getUserProperties(): FakeProperties { return this._userStore(); }
  getDocumentProperties(): FakeProperties { return this._document; }
  getScriptProperties(): FakeProperties { return this._script; }
}

instrument(FakeProperties, (self: FakeProperties) => self._counter, 'Properties');
instrument(FakePropertiesService, (self: FakePropertiesService) => self._counter, 'PropertiesService');

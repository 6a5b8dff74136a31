// URL and URLSearchParams for Apps Script, whose V8 has neither (they are web APIs, not JavaScript).
// The shared core uses them to normalise Pivor's address, build list queries and read `links.next`; this
// covers that: absolute http(s) URLs, relative references against a base, and form-encoded queries.
// Installed only where the runtime lacks them, so browsers and Node keep their own.

function formEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}

function formDecode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export class SimpleURLSearchParams {
  private pairs: [string, string][] = [];

  constructor(init?: string) {
    const query = (init ?? '').replace(/^\?/, '');
    if (query === '') return;
    for (const part of query.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      this.pairs.push(eq < 0 ? [formDecode(part), ''] : [formDecode(part.slice(0, eq)), formDecode(part.slice(eq + 1))]);
    }
  }
  get(name: string): string | null {
    return this.pairs.find(([k]) => k === name)?.[1] ?? null;
  }
  getAll(name: string): string[] {
    return this.pairs.filter(([k]) => k === name).map(([, v]) => v);
  }
  has(name: string): boolean {
    return this.pairs.some(([k]) => k === name);
  }
  append(name: string, value: string): void {
    this.pairs.push([String(name), String(value)]);
  }
  set(name: string, value: string): void {
    const at = this.pairs.findIndex(([k]) => k === name);
    if (at < 0) {
      this.append(name, value);
      return;
    }
    this.pairs[at] = [String(name), String(value)];
    this.pairs = this.pairs.filter(([k], i) => k !== name || i === at);
  }
  delete(name: string): void {
    this.pairs = this.pairs.filter(([k]) => k !== name);
  }
  forEach(fn: (value: string, key: string) => void): void {
    for (const [k, v] of this.pairs) fn(v, k);
  }
  toString(): string {
    return this.pairs.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&');
  }
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };
// scheme://userinfo@host:port/path?query#hash
const ABSOLUTE = /^([a-z][a-z0-9+.-]*:)\/\/(?:([^@/?#]*)@)?(\[[0-9a-f:.]+\]|[^:/?#]*)(?::(\d*))?([^?#]*)(\?[^#]*)?(#.*)?$/i;
const FORBIDDEN_HOST = /[\s<>^|%\\]/;

/** Removes "." and ".." segments, as URL parsing does. */
function removeDotSegments(path: string): string {
  const out: string[] = [];
  const segments = path.split('/');
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '.') {
      if (last) out.push('');
    } else if (segment === '..') {
      if (out.length > 1) out.pop();
      if (last) out.push('');
    } else {
      out.push(segment);
    }
  });
  const joined = out.join('/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}

export class SimpleURL {
  protocol: string;
  username: string;
  password: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;

  constructor(input: string, base?: string | SimpleURL) {
    const text = String(input).trim();
    let m = ABSOLUTE.exec(text);
    if (!m && base !== undefined) m = ABSOLUTE.exec(resolveAgainst(text, new SimpleURL(String(base))));
    if (!m) throw new TypeError(`Invalid URL: ${text}`);
    const [, protocol, userinfo = '', host = '', port = '', path = '', search = '', hash = ''] = m;
    this.protocol = protocol!.toLowerCase();
    const special = this.protocol === 'http:' || this.protocol === 'https:';
    if (special && (host === '' || FORBIDDEN_HOST.test(host))) throw new TypeError(`Invalid URL: ${text}`);
    const colon = userinfo.indexOf(':');
    this.username = colon < 0 ? userinfo : userinfo.slice(0, colon);
    this.password = colon < 0 ? '' : userinfo.slice(colon + 1);
    this.hostname = host.toLowerCase();
    if (port !== '' && Number(port) > 65535) throw new TypeError(`Invalid URL: ${text}`);
    this.port = port === '' || String(Number(port)) === DEFAULT_PORTS[this.protocol] ? '' : String(Number(port));
    this.pathname = special ? removeDotSegments(path.replace(/ /g, '%20') || '/') : path;
    this.search = search === '?' ? '' : search.replace(/ /g, '%20');
    this.hash = hash === '#' ? '' : hash;
  }

  get host(): string {
    return this.port ? `${this.hostname}:${this.port}` : this.hostname;
  }
  get origin(): string {
    return `${this.protocol}//${this.host}`;
  }
  get searchParams(): SimpleURLSearchParams {
    return new SimpleURLSearchParams(this.search);
  }
  get href(): string {
    const auth = this.username || this.password ? `${this.username}${this.password ? `:${this.password}` : ''}@` : '';
    return `${this.protocol}//${auth}${this.host}${this.pathname}${this.search}${this.hash}`;
  }
  toString(): string {
    return this.href;
  }
}

function resolveAgainst(ref: string, base: SimpleURL): string {
  if (ref.startsWith('//')) return `${base.protocol}${ref}`;
  const root = `${base.protocol}//${base.host}`;
  if (ref.startsWith('/')) return `${root}${ref}`;
  if (ref.startsWith('?')) return `${root}${base.pathname}${ref}`;
  if (ref.startsWith('#')) return `${root}${base.pathname}${base.search}${ref}`;
  if (ref === '') return `${root}${base.pathname}${base.search}`;
  const dir = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1);
  return `${root}${dir}${ref}`;
}

/** Puts URL and URLSearchParams on the global object when the runtime has none. */
export function installUrlPolyfill(global: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  if (typeof global.URL !== 'function') global.URL = SimpleURL;
  if (typeof global.URLSearchParams !== 'function') global.URLSearchParams = SimpleURLSearchParams;
}

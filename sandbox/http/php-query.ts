// Query strings and form bodies read the way PHP does: `filter[search]=x` nests, `a[]=1&a[]=2` lists,
// `+` is a space, and dots or spaces in a top-level name become underscores.

export type InputValue = string | number | boolean | null | InputValue[] | { [key: string]: InputValue };
export type InputBag = Record<string, InputValue>;

/** An empty bag with no prototype: a key such as `__proto__` is then just a key, as in a PHP array. */
export function emptyBag(): InputBag {
  return Object.create(null) as InputBag;
}

export function parsePhpQuery(query: string): InputBag {
  const bag = emptyBag();
  for (const [rawKey, value] of new URLSearchParams(query)) {
    const open = rawKey.indexOf('[');
    const base = (open > 0 ? rawKey.slice(0, open) : rawKey).replace(/[. ]/g, '_');
    if (base === '') continue;
    const segments: string[] = [];
    if (open > 0) {
      const rest = rawKey.slice(open);
      const matches = rest.match(/\[[^\]]*\]/g) ?? [];
      for (const m of matches) segments.push(m.slice(1, -1));
    }
    assign(bag, [base, ...segments], value);
  }
  return bag;
}

function assign(container: Record<string, InputValue>, path: string[], value: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  // PHP arrays are ordered maps: `name[]` takes the next integer key.
  const key = head === '' ? String(nextIndex(container)) : head;
  if (rest.length === 0) {
    container[key] = value;
    return;
  }
  let child = container[key];
  if (child === undefined || child === null || typeof child !== 'object' || Array.isArray(child)) {
    child = emptyBag();
    container[key] = child;
  }
  assign(child, rest, value);
}

/** PHP's next integer key for `name[]`. */
function nextIndex(bag: Record<string, InputValue>): number {
  const numeric = Object.keys(bag).filter((k) => /^\d+$/.test(k)).map(Number);
  return numeric.length ? Math.max(...numeric) + 1 : 0;
}

/** http_build_query(…, PHP_QUERY_RFC3986): nested keys as `a%5Bb%5D`, nulls left out. */
export function buildPhpQuery(bag: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(`${prefix}[${k}]`, v);
      return;
    }
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    parts.push(`${rfc3986(prefix)}=${rfc3986(text)}`);
  };
  for (const [k, v] of Object.entries(bag)) walk(k, v);
  return parts.join('&');
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

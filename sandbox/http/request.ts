// An incoming request as a Laravel controller sees it: query and body parsed (JSON or form), strings trimmed
// and empty strings turned into null (TrimStrings, ConvertEmptyStringsToNull), input = body + query,
// and whether the client expects JSON (which decides between a JSON error and a redirect).
import type { IncomingHttpHeaders } from 'node:http';
import { emptyBag, parsePhpQuery, type InputBag, type InputValue } from './php-query.ts';

export interface SandboxRequest {
  method: string;
  /** Path without the trailing slash ('/api/clients'). */
  path: string;
  /** Scheme and host the client used ('http://127.0.0.1:8787'), as Laravel builds URLs from the Host header. */
  origin: string;
  headers: IncomingHttpHeaders;
  query: InputBag;
  body: InputBag;
  /** $request->input(): the body, then query keys the body does not have. */
  input: InputBag;
  expectsJson: boolean;
}

const untrimmed = new Set(['password', 'password_confirmation', 'current_password']);

export function buildRequest(method: string, rawUrl: string, headers: IncomingHttpHeaders, rawBody: Buffer): SandboxRequest {
  const origin = `http://${headers.host ?? '127.0.0.1'}`;
  const url = new URL(rawUrl, origin);
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') || '/' : url.pathname;
  const query = transformBag(parsePhpQuery(url.search.slice(1)));
  const body = transformBag(parseBody(headers['content-type'] ?? '', rawBody));
  return { method, path, origin, headers, query, body, input: Object.assign(emptyBag(), query, body), expectsJson: expectsJson(headers) };
}

function parseBody(contentType: string, raw: Buffer): InputBag {
  if (raw.length === 0) return {};
  const type = contentType.toLowerCase();
  if (type.includes('/json') || type.includes('+json')) {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      // Laravel casts the decoded JSON to an array: a list keeps its indexes, a scalar or bad JSON gives nothing
      // useful, and so does JSON nested deeper than json_decode's 512 levels (the request is then an empty one).
      if (parsed === null || typeof parsed !== 'object' || nestedDeeperThan(parsed, phpJsonDepth)) return emptyBag();
      return Object.assign(emptyBag(), parsed) as InputBag;
    } catch {
      return emptyBag();
    }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) return parsePhpQuery(raw.toString('utf8'));
  return {};
}

const phpJsonDepth = 512;

/** Whether a decoded JSON value nests more than `limit` levels of arrays and objects (no recursion: it may be deep). */
function nestedDeeperThan(value: object, limit: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > limit) return true;
    level = level.flatMap((v) => (v !== null && typeof v === 'object' ? Object.values(v) : [])).filter((v) => v !== null && typeof v === 'object');
  }
  return false;
}

function transformBag(bag: InputBag): InputBag {
  const out = emptyBag();
  for (const [key, value] of Object.entries(bag)) out[key] = transform(key, value);
  return out;
}

function transform(key: string, value: InputValue): InputValue {
  if (typeof value === 'string') {
    // Str::trim: unicode whitespace, BOM and zero-width marks at both ends.
    const trimmed = untrimmed.has(key) ? value : value.replace(/^[\s\uFEFF\u200B\u200E]+|[\s\uFEFF\u200B\u200E]+$/g, '');
    return trimmed === '' ? null : trimmed;
  }
  if (Array.isArray(value)) return value.map((v, i) => transform(`${key}.${i}`, v));
  if (value !== null && typeof value === 'object') {
    const out = emptyBag();
    for (const [k, v] of Object.entries(value)) out[k] = transform(`${key}.${k}`, v);
    return out;
  }
  return value;
}

/** Request::expectsJson(): an Accept header led by a JSON type, or an XHR that accepts anything. */
export function expectsJson(headers: IncomingHttpHeaders): boolean {
  const acceptable = acceptableTypes(headers.accept ?? '');
  const first = acceptable[0];
  const wantsJson = first !== undefined && (first.includes('/json') || first.includes('+json'));
  const ajax = headers['x-requested-with'] === 'XMLHttpRequest';
  const pjax = headers['x-pjax'] !== undefined;
  const acceptsAny = first === undefined || first === '*/*' || first === '*';
  return (ajax && !pjax && acceptsAny) || wantsJson;
}

/** Media types of an Accept header, best quality first (ties keep their order). */
function acceptableTypes(accept: string): string[] {
  return accept
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => p.startsWith('q='));
      return { type: type.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((t) => t.type !== '' && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((t) => t.type);
}

// Laravel's length-aware paginator as a JsonResource collection prints it: `data`, `links` {first, last,
// prev, next} and `meta` {current_page, from, last_page, links, path, per_page, to, total}, with the
// page-number window of UrlWindow (3 on each side) and "&laquo; Previous" / "Next &raquo;" labels.
// Page URLs are absolute. Like Pivor (a plain ResourceCollection, no withQueryString()), they carry only
// `page`; the 'with-query' mode keeps the request's other parameters instead.
import { buildPhpQuery, type InputBag } from '../http/php-query.ts';
import { isInteger, isNumeric } from '../validation/php-values.ts';

export type PageLinksMode = 'laravel' | 'with-query';

export interface PageSize {
  /** Rows per page for LIMIT; null = no limit (a negative per_page: only an empty list answers then). */
  limit: number | null;
  /** The number Laravel computes with. */
  perPage: number;
  /** What meta.per_page prints: the paginator's int. */
  printed: number;
}

/**
 * `min($request->input('per_page', 15), 100)` then paginate(): PHP comparisons included, so per_page=50
 * prints 50 (the paginator casts to int), 500 prints 100, 0 means 15, a negative number is a 500 on a list
 * with rows (the SQL fails; an empty list answers), and a non-numeric value that compares lower than
 * "100" is a 500, as in PHP 8.
 */
export function pageSize(value: unknown): PageSize {
  const fallback: PageSize = { limit: 15, perPage: 15, printed: 15 };
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'object') return { limit: 100, perPage: 100, printed: 100 };
  const text = String(value);
  if (!isNumeric(text)) {
    if (text < '100') throw new Error(`per_page "${text}" is not a number`);
    return { limit: 100, perPage: 100, printed: 100 };
  }
  const n = Number(text);
  if (n > 100) return { limit: 100, perPage: 100, printed: 100 };
  if (text === '0') return fallback;
  if (n === 0) throw new Error('per_page of 0 divides by zero');
  return { limit: n < 0 ? null : Math.trunc(n), perPage: n, printed: Math.trunc(n) };
}

/** Paginator::resolveCurrentPage: an integer ≥ 1, else 1. */
export function currentPage(value: unknown): number {
  return isInteger(value) && Number(value) >= 1 ? Number(value) : 1;
}

export function pageOffset(page: number, size: PageSize): number {
  return Math.max(0, Math.trunc((page - 1) * size.perPage));
}

export interface PageContext {
  /** Absolute URL of the list without query ('http://127.0.0.1:8787/api/clients'). */
  path: string;
  query: InputBag;
  mode: PageLinksMode;
}

interface PageLink {
  url: string | null;
  label: string;
  page?: number | null;
  active: boolean;
}

export function paginatedJson(data: unknown[], total: number, page: number, size: PageSize, context: PageContext) {
  if (size.perPage < 0 && total > 0) throw new Error(`per_page ${size.perPage} makes a negative OFFSET`);
  const { perPage, printed } = size;
  const lastPage = Math.max(Math.ceil(total / size.perPage), 1);
  const url = (p: number) => {
    const query = context.mode === 'with-query' ? { ...context.query, page: p } : { page: p };
    return `${context.path}?${buildPhpQuery(query)}`;
  };
  const from = data.length > 0 ? (page - 1) * perPage + 1 : null;
  const to = from === null ? null : from + data.length - 1;
  const prev = page > 1 ? url(page - 1) : null;
  const next = page < lastPage ? url(page + 1) : null;
  const links: PageLink[] = [
    { url: prev, label: '&laquo; Previous', page: page > 1 ? page - 1 : null, active: false },
    ...pageWindow(page, lastPage).map((p) => (p === '...' ? { url: null, label: '...', active: false } : { url: url(p), label: String(p), page: p, active: p === page })),
    { url: next, label: 'Next &raquo;', page: page < lastPage ? page + 1 : null, active: false },
  ];
  return {
    data,
    links: { first: url(1), last: url(lastPage), prev, next },
    meta: { current_page: page, from, last_page: lastPage, links, path: context.path, per_page: printed, to, total },
  };
}

/** UrlWindow with onEachSide = 3: all pages when there are fewer than 14, else a slider with "..." gaps. */
function pageWindow(page: number, last: number): (number | '...')[] {
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  const onEachSide = 3;
  if (last < onEachSide * 2 + 8) return range(1, last);
  const window = onEachSide + 4;
  const start = [1, 2];
  const finish = [last - 1, last];
  if (page <= window) return [...range(1, window + onEachSide), '...', ...finish];
  if (page > last - window) return [...start, '...', ...range(last - (window + (onEachSide - 1)), last)];
  return [...start, '...', ...range(page - onEachSide, page + onEachSide), '...', ...finish];
}

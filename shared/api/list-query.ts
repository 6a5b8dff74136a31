// Builds the query string of a list request (page, per_page, filter[…], sort), checked against the resource table:
// Pivor silently ignores an unknown filter or sort, which would hand back every record instead of the ones asked for.
import { getResource, type ResourceName } from '../resources/index.ts';

export interface ListQuery {
  page?: number;
  /** Capped at 100 by Pivor; default 100 here (Pivor's own default is 15). */
  perPage?: number;
  /** filter[key]=value; keys as in the resource table (search, status, client_id…). */
  filters?: Record<string, string>;
  /** A sort key, "-" in front for descending: -created_at. */
  sort?: string;
}

export const MAX_PER_PAGE = 100;

export function listQueryString(resource: ResourceName, query: ListQuery): string {
  const spec = getResource(resource);
  const params = new URLSearchParams();
  params.set('page', String(query.page ?? 1));
  params.set('per_page', String(Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query.perPage ?? MAX_PER_PAGE)))));
  for (const [key, value] of Object.entries(query.filters ?? {})) {
    if (!spec.filters.includes(key)) {
      throw new RangeError(`Pivor cannot filter ${resource} by "${key}" (it can by ${spec.filters.join(', ')}).`);
    }
    params.set(`filter[${key}]`, value);
  }
  if (query.sort !== undefined) {
    const key = query.sort.replace(/^-/, '');
    if (!spec.sorts.includes(key)) {
      throw new RangeError(`Pivor cannot sort ${resource} by "${key}" (it can by ${spec.sorts.join(', ')}).`);
    }
    params.set('sort', query.sort);
  }
  return params.toString();
}

/**
 * The page number in Pivor's links.next. Only the number is taken: the next request is rebuilt on our own base URL
 * with our own filters, because Pivor's absolute URL may say http:// or another host behind a misconfigured proxy
 * (the token must not follow it there), and a paginator without withQueryString() drops the filters from it.
 */
export function nextPageNumber(next: string): number | undefined {
  try {
    const page = Number(new URL(next, 'https://x.invalid').searchParams.get('page'));
    return Number.isInteger(page) && page > 0 ? page : undefined;
  } catch {
    return undefined;
  }
}

// The WHERE and ORDER BY of an index request, as Pivor's controllers build them: visibility first, then
// filter[search] (LIKE %x% on the search columns, wildcards not escaped, as in Pivor), the equality
// filters (a PHP-falsy value such as "" or "0" is ignored), and sort / -sort from the allowed list
// (default -created_at; anything else: no ordering). id breaks ties as SQLite does on Pivor (see
// ResourceConfig.indexedColumns), so pages never overlap.
import type { CurrentUser } from '../auth/users.ts';
import { canViewAllRecords } from '../auth/users.ts';
import type { BindValue } from '../db/database.ts';
import type { InputBag, InputValue } from '../http/php-query.ts';
import { truthy } from '../validation/php-values.ts';
import type { ResourceConfig } from './resource-config.ts';

export interface ListQuery {
  where: string;
  params: BindValue[];
  orderBy: string;
}

/** A user's visibility condition in lists, or none for admin and manager. */
export function visibility(config: ResourceConfig, user: CurrentUser): { sql: string; params: BindValue[] } | undefined {
  if (canViewAllRecords(user)) return undefined;
  return { sql: `"${config.listOwnerColumn}" = ?`, params: [user.id] };
}

/** A filter value as Laravel's where() binds it: a list binds its first element. */
function scalar(value: InputValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return scalar(Object.values(value)[0]);
  return value;
}

/** $request->boolean(): "1", "true", "on", "yes" are true, anything else false. */
function requestBoolean(value: InputValue | undefined): boolean {
  const v = scalar(value);
  return v === true || (typeof v === 'string' && ['1', 'true', 'on', 'yes'].includes(v.toLowerCase())) || v === 1;
}

export function listQuery(config: ResourceConfig, user: CurrentUser, query: InputBag): ListQuery {
  const where = ['"deleted_at" IS NULL'];
  const params: BindValue[] = [];
  const equalities: string[] = []; // columns compared with =
  const visible = visibility(config, user);
  if (visible) {
    where.push(visible.sql);
    params.push(...visible.params);
    equalities.push(config.listOwnerColumn);
  }
  const filter = query.filter !== null && typeof query.filter === 'object' && !Array.isArray(query.filter) ? query.filter : {};
  const search = scalar(filter.search);
  if (truthy(search)) {
    where.push(`(${config.searchColumns.map((c) => `"${c}" LIKE ?`).join(' OR ')})`);
    params.push(...config.searchColumns.map(() => `%${String(search)}%`));
  }
  for (const [key, { column, boolean }] of Object.entries(config.filterColumns)) {
    if (boolean) {
      // $request->has(): the key is there, even empty.
      if (!(key in filter)) continue;
      where.push(`"${column}" = ?`);
      params.push(requestBoolean(filter[key]) ? 1 : 0);
      equalities.push(column);
      continue;
    }
    const value = scalar(filter[key]);
    if (!truthy(value)) continue;
    where.push(`"${column}" = ?`);
    params.push(value);
    equalities.push(column);
  }
  return { where: where.join(' AND '), params, orderBy: orderBy(config, query, equalities) };
}

/**
 * ORDER BY the sort, then id the way SQLite leaves equal values on Pivor (an admin's lists; checked): sorting
 * descending on an indexed column it walks that index backwards (ties by descending id), unless the same
 * column is also filtered with = (then, like every other sort, ties by ascending id). Within a `user`'s
 * list SQLite's sorter may order ties otherwise; Pivor promises no order there.
 */
function orderBy(config: ResourceConfig, query: InputBag, equalities: readonly string[]): string {
  // $request->input('sort', '-created_at'): the default only when the key is absent.
  const raw = 'sort' in query ? query.sort : '-created_at';
  if (typeof raw !== 'string') return '"id" ASC';
  const descending = raw.startsWith('-');
  const field = descending ? raw.slice(1) : raw;
  if (!config.spec.sorts.includes(field)) return '"id" ASC';
  const direction = descending ? 'DESC' : 'ASC';
  const ties = descending && !equalities.includes(field) && config.indexedColumns.includes(field) ? 'DESC' : 'ASC';
  return `"${field}" ${direction}, "id" ${ties}`;
}

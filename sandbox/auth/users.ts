// Users and their roles as Pivor reads them: the role row (role_id) wins over the legacy `role` column;
// admin and manager see every record, `user` only its own.
import type { Database, Row } from '../db/database.ts';
import { toModelJson } from '../db/clock.ts';

export type RoleName = 'admin' | 'manager' | 'user';

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  role: RoleName;
  row: Row;
}

export function roleName(db: Database, user: Row): RoleName {
  const fromRole = user.role_id === null ? undefined : db.get('SELECT name FROM roles WHERE id = ?', [user.role_id])?.name;
  const name = fromRole ?? user.role ?? 'user';
  return name === 'admin' || name === 'manager' ? name : 'user';
}

export function toCurrentUser(db: Database, row: Row): CurrentUser {
  return { id: Number(row.id), name: String(row.name), email: String(row.email), role: roleName(db, row), row };
}

export function canViewAllRecords(user: CurrentUser): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

/** GET /api/user: the raw model, password and remember_token hidden, dates as Eloquent serializes them. */
export function userModelJson(row: Row): Record<string, unknown> {
  const hidden = new Set(['password', 'remember_token']);
  const dates = new Set(['email_verified_at', 'created_at', 'updated_at']);
  const json: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (hidden.has(key)) continue;
    json[key] = dates.has(key) ? toModelJson(value) : value;
  }
  return json;
}

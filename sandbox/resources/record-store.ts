// Reads and writes of the record tables with Eloquent's semantics: soft-deleted rows are invisible to
// finds and relations (but not to `exists` validation), inserts carry only the attributes set (the
// database fills its defaults), and deletes are soft (deleted_at and updated_at set).
import { randomUUID } from 'node:crypto';
import type { BindValue, Database, Row } from '../db/database.ts';
import { nowDb } from '../db/clock.ts';

const toBind = (value: unknown): BindValue => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
};

export class RecordStore {
  constructor(private readonly db: Database) {}

  find(table: string, id: string | number): Row | undefined {
    return this.db.get(`SELECT * FROM "${table}" WHERE "id" = ? AND "deleted_at" IS NULL`, [id]);
  }

  /** exists:table,id — any row, soft-deleted or not (Laravel's exists rule ignores SoftDeletes). */
  exists(table: string, id: unknown): boolean {
    return this.db.get(`SELECT 1 AS found FROM "${table}" WHERE "id" = ? LIMIT 1`, [toBind(id)]) !== undefined;
  }

  /** Live rows by id, for eager loading: one statement whatever the number of ids. */
  findMany(table: string, ids: readonly unknown[]): Map<number, Row> {
    const wanted = [...new Set(ids.filter((id) => id !== null && id !== undefined).map(Number))];
    const rows = wanted.length === 0 ? [] : this.db.all(`SELECT * FROM "${table}" WHERE "id" IN (SELECT value FROM json_each(?)) AND "deleted_at" IS NULL`, [JSON.stringify(wanted)]);
    return new Map(rows.map((r) => [Number(r.id), r]));
  }

  /** hasMany: live rows whose column points at the id, in the given order. */
  children(table: string, column: string, id: unknown, orderBy = '"id" ASC'): Row[] {
    return this.db.all(`SELECT * FROM "${table}" WHERE "${column}" = ? AND "deleted_at" IS NULL ORDER BY ${orderBy}`, [toBind(id)]);
  }

  count(table: string, where: string, params: BindValue[]): number {
    return Number(this.db.get(`SELECT COUNT(*) AS total FROM "${table}" WHERE ${where}`, params)?.total ?? 0);
  }

  page(table: string, where: string, params: BindValue[], orderBy: string, limit: number | null, offset: number): Row[] {
    return this.db.all(`SELECT * FROM "${table}" WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [...params, limit ?? -1, offset]);
  }

  /** INSERT of the attributes set plus uuid and timestamps; returns the model's attributes after save. */
  insert(table: string, attributes: Record<string, unknown>): Record<string, unknown> {
    const now = nowDb();
    const model: Record<string, unknown> = { ...attributes, uuid: randomUUID(), updated_at: now, created_at: now };
    const columns = Object.keys(model);
    const { lastId } = this.db.run(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map((c) => toBind(model[c])),
    );
    return { id: lastId, ...model };
  }

  /** UPDATE of the changed columns and updated_at. */
  update(table: string, id: unknown, changes: Record<string, unknown>): string {
    const now = nowDb();
    const columns = Object.keys(changes);
    this.db.run(
      `UPDATE "${table}" SET ${[...columns, 'updated_at'].map((c) => `"${c}" = ?`).join(', ')} WHERE "id" = ?`,
      [...columns.map((c) => toBind(changes[c])), now, toBind(id)],
    );
    return now;
  }

  softDelete(table: string, id: unknown): void {
    const now = nowDb();
    this.db.run(`UPDATE "${table}" SET "deleted_at" = ?, "updated_at" = ? WHERE "id" = ?`, [now, now, toBind(id)]);
  }

  /** Contact::saving hook: every other live contact of the client stops being primary (updated_at bumps too, as Builder::update does). */
  demotePrimaryContacts(clientId: unknown, exceptId: number): void {
    this.db.run(
      'UPDATE "contacts" SET "is_primary_contact" = 0, "updated_at" = ? WHERE "client_id" = ? AND "id" != ? AND "deleted_at" IS NULL',
      [nowDb(), toBind(clientId), exceptId],
    );
  }

  user(id: unknown): Row | undefined {
    return this.db.get('SELECT * FROM "users" WHERE "id" = ?', [toBind(id)]);
  }
}

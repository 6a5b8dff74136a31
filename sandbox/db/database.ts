// The sandbox's SQLite database (sql.js, in memory): a cache of prepared statements and small query helpers.
// Writes notify a listener so the file copy can be saved; reads never do.
import initSqlJs from 'sql.js';
import type { Database as SqlJsDatabase, SqlValue, Statement } from 'sql.js';

export type Row = Record<string, SqlValue>;
/** Values a caller may bind: booleans become 0/1 as PDO binds them for SQLite. */
export type BindValue = SqlValue | boolean | undefined;

let sqlJs: Promise<Awaited<ReturnType<typeof initSqlJs>>> | undefined;

/** Loads the WASM module once per process; every sandbox shares it. */
function loadSqlJs() {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

export class Database {
  private readonly statements = new Map<string, Statement>();
  private writeListener: (() => void) | undefined;

  private constructor(private readonly db: SqlJsDatabase) {
    db.run('PRAGMA foreign_keys = ON');
  }

  static async open(bytes?: Uint8Array): Promise<Database> {
    const SQL = await loadSqlJs();
    return new Database(new SQL.Database(bytes ?? null));
  }

  /** Called after every statement that changed data (persist: false statements excepted). */
  onWrite(listener: () => void): void {
    this.writeListener = listener;
  }

  /** Runs several statements of DDL or a seed script (no parameters). */
  exec(sql: string): void {
    this.db.exec(sql);
  }

  all(sql: string, params: readonly BindValue[] = []): Row[] {
    const statement = this.prepare(sql);
    try {
      statement.bind(toSql(params));
      const rows: Row[] = [];
      while (statement.step()) rows.push(statement.getAsObject() as Row);
      return rows;
    } finally {
      statement.reset();
    }
  }

  get(sql: string, params: readonly BindValue[] = []): Row | undefined {
    const statement = this.prepare(sql);
    try {
      statement.bind(toSql(params));
      return statement.step() ? (statement.getAsObject() as Row) : undefined;
    } finally {
      statement.reset();
    }
  }

  /** Runs a write; returns the rows changed and the last inserted id. */
  run(sql: string, params: readonly BindValue[] = [], options: { persist?: boolean } = {}): { changes: number; lastId: number } {
    const statement = this.prepare(sql);
    try {
      statement.run(toSql(params));
    } finally {
      statement.reset();
    }
    const changes = this.db.getRowsModified();
    const lastId = Number(this.get('SELECT last_insert_rowid() AS id')?.id ?? 0);
    if (options.persist !== false && changes > 0) this.writeListener?.();
    return { changes, lastId };
  }

  /** Runs fn inside one transaction (used by the seeders: thousands of inserts in ~100 ms). */
  transaction<T>(fn: () => T): T {
    this.db.run('BEGIN');
    try {
      const result = fn();
      this.db.run('COMMIT');
      this.writeListener?.();
      return result;
    } catch (error) {
      this.db.run('ROLLBACK');
      throw error;
    }
  }

  export(): Uint8Array {
    return this.db.export();
  }

  close(): void {
    for (const statement of this.statements.values()) statement.free();
    this.statements.clear();
    this.db.close();
  }

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function toSql(params: readonly BindValue[]): SqlValue[] {
  return params.map((value) => (value === undefined ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value));
}

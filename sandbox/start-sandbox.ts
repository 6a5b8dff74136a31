// startSandbox(): a Pivor-compatible API on loopback over a fresh (or persisted) SQLite database.
import type { AddressInfo } from 'node:net';
import { Database, type BindValue } from './db/database.ts';
import { GroupSaver, loadDatabaseFile } from './db/persist.ts';
import { schemaSql } from './db/schema.ts';
import { FaultInjector } from './faults.ts';
import type { FaultOptions, Sandbox, SandboxOptions } from './options.ts';
import { seedDatabase } from './seed/seed.ts';
import { createSandboxServer } from './server.ts';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const log = options.log ?? (() => {});
  const existing = options.dbFile ? loadDatabaseFile(options.dbFile) : undefined;
  const db = await Database.open(existing);
  if (!existing) {
    db.exec(schemaSql());
    seedDatabase(db, options.seed ?? 'users');
  }

  const saver = options.dbFile
    ? new GroupSaver(options.dbFile, () => db.export(), (error) => log(`sandbox: could not save ${options.dbFile}: ${String(error)}`))
    : undefined;
  if (saver) {
    db.onWrite(() => saver.touch());
    if (!existing) {
      saver.touch();
      await saver.settled();
    }
  }

  const faults = new FaultInjector(options.faults);
  const { server, stats } = createSandboxServer({ db, faults, pageLinks: options.pageLinks ?? 'laravel', log, ...(saver ? { saved: () => saver.settled() } : {}) });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
        .then(() => saver?.settled())
        .then(() => db.close());
      return closing;
    },
    setFaults: (f: FaultOptions) => faults.set(f),
    stats,
    query: (sql, params = []) => db.all(sql, params as BindValue[]),
  };
}

// For the benchmarks that read many records: a sandbox database seeded once without latency (quick), then
// served from its own process with the latency under test, and removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminClient, clientBodies, contactBodies, seed } from '../test/apps-script/harness/pivor-admin.ts';
import { startSandboxProcess, type SandboxProcess } from '../test/helpers/sandbox-process.ts';

/** Runs `use` against a sandbox holding 50 clients and `contacts` contacts, answering after `latencyMs`. */
export async function withSeededSandbox<T>(
  options: { contacts: number; latencyMs: number; log: (line: string) => void },
  use: (sandbox: SandboxProcess) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'pivor-bench-'));
  const dbFile = join(dir, 'bench.sqlite');
  try {
    options.log(`seeding ${options.contacts} contacts…`);
    const seeding = await startSandboxProcess(['--seed', 'users', '--quiet', '--db', dbFile]);
    const seeder = await adminClient(seeding.url);
    const clients = await seed(seeder, 'clients', clientBodies(50));
    await seed(seeder, 'contacts', contactBodies(options.contacts, clients.map((c) => c.id)));
    await seeding.close();

    const sandbox = await startSandboxProcess(['--quiet', '--db', dbFile, '--latency', String(options.latencyMs)]);
    try {
      return await use(sandbox);
    } finally {
      await sandbox.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

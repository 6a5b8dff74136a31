// pivor-csv export (a child process) while others create and delete records on the sandbox: every record that
// existed throughout is in the file exactly once, nothing twice, and the run says whether the export is whole.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchOp, PivorClient } from '../../shared/api/index.ts';
import { readCsv } from '../../shared/csv/index.ts';
import { openSession, type Session } from '../push/sandbox-session.ts';
import { churningProxy } from '../helpers/churning-proxy.ts';
import { finished, runCli, spawnCli } from '../helpers/pivor-csv.ts';

let s: Session;
let scratch: string;

beforeAll(async () => {
  s = await openSession();
  scratch = mkdtempSync(join(tmpdir(), 'pivor-export-churn-'));
});
afterAll(async () => {
  await s?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function createContacts(client: PivorClient, count: number, tag: string): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < count; start += 50) {
    const ops: BatchOp[] = Array.from({ length: Math.min(50, count - start) }, (_, n) => ({
      method: 'POST', path: '/contacts', body: { first_name: `${tag}${start + n}`, last_name: 'Churn' },
    }));
    for (const outcome of await client.sendBatch(ops)) {
      if (!outcome.ok) throw outcome.error;
      ids.push((outcome.data as { id: number }).id);
    }
  }
  return ids;
}

function idsInCsv(path: string): number[] {
  const table = readCsv(readFileSync(path, 'utf8'));
  const at = table.headers.indexOf('id');
  return table.records.map((record) => Number(record.cells[at]));
}

describe('export while records come and go', () => {
  it('has every record that existed throughout exactly once (1,500 contacts, deletions and creations all along)', async () => {
    const initial = await createContacts(s.client, 1_500, 'Before');
    // Half of them may be deleted during the export; the other half must all arrive.
    const doomed = initial.filter((_, i) => i % 2 === 0).sort(() => Math.random() - 0.5);
    s.sandbox.setFaults({ slowPageMs: 200 });
    const out = join(scratch, 'contacts.csv');
    const child = spawnCli(['export', 'contacts', '--out', out], { XDG_CONFIG_HOME: join(scratch, 'config'), PIVOR_URL: s.sandbox.url, PIVOR_TOKEN: s.token });
    const run = finished(child);
    let exited = false;
    void run.then(() => (exited = true));
    const deleted: number[] = [];
    let created = 0;
    const churn = async () => {
      while (!exited && doomed.length > 0) {
        const victims = doomed.splice(0, 5);
        const ops: BatchOp[] = victims.map((id) => ({ method: 'DELETE', path: `/contacts/${id}` }));
        ops.push(...Array.from({ length: 1 }, () => ({ method: 'POST' as const, path: '/contacts', body: { first_name: `During${created++}`, last_name: 'Churn' } })));
        const outcomes = await s.client.sendBatch(ops);
        expect(outcomes.every((o) => o.ok)).toBe(true);
        deleted.push(...victims);
      }
    };
    await Promise.all([churn(), churn(), churn()]);
    const result = await run;
    s.sandbox.setFaults({});

    expect(deleted.length, result.stderr).toBeGreaterThan(100); // the list really moved under the export
    expect(result.stderr).not.toMatch(/incomplete/i);
    expect(result.code).toBe(0);
    const ids = idsInCsv(out);
    expect(ids.length).toBe(new Set(ids).size); // nothing twice
    const gone = new Set(deleted);
    const present = new Set(ids);
    const missing = initial.filter((id) => !gone.has(id) && !present.has(id));
    expect(missing).toEqual([]); // nothing that existed throughout is missing
  }, 120_000);
});

describe('export of a list that moves faster than it can be read', () => {
  it('writes what it read, each record once, says on stderr that the export is incomplete and why, and exits 1', async () => {
    await createContacts(s.client, 300, 'Moving');
    // Another user deletes every contact listed so far and creates as many before each page is answered.
    const proxy = await churningProxy(s.sandbox.url, (sql, params) => s.sandbox.query(sql, params));
    try {
      const out = join(scratch, 'moving.csv');
      const run = await runCli(['export', 'contacts', '--out', out], { XDG_CONFIG_HOME: join(scratch, 'config'), PIVOR_URL: proxy.url, PIVOR_TOKEN: s.token });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/Pivor's contacts list kept changing while it was read \(records created or deleted by others\), so some records may be missing\. Run it again when fewer people are editing\./);
      const ids = idsInCsv(out);
      expect(run.stderr).toContain(`Export incomplete: ${ids.length} contacts written.`);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.length).toBe(new Set(ids).size); // what was read is there once
      expect(proxy.deleted()).toBeGreaterThan(300); // the list really moved, past everything there was at the start
    } finally {
      await proxy.close();
    }
  }, 180_000);
});

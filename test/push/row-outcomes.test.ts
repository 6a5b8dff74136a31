// The one model of what will happen (rowOutcomes), against the sandbox over HTTP: its counts are the plan's, a row the
// plan skips is an error once, a normalization is an info that leaves its row valid, and an unchanged export pushed
// back has no errors even where Pivor holds values its API cannot write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../shared/csv/index.ts';
import { exportCsv } from '../../shared/export/index.ts';
import { OutcomeTally, preparePush, rowOutcomes, type RowOutcomes } from '../../shared/push/index.ts';
import { openSession, type Session } from './sandbox-session.ts';

let s: Session;
beforeAll(async () => {
  s = await openSession();
  await s.client.create('clients', { name: 'Meridian Engineering Ltd' });
});
afterAll(() => s?.close());

const outcome = (model: RowOutcomes, row: number) => model.rows.find((r) => r.row === row)!;

describe('rowOutcomes', () => {
  // rows: 2 new client (created first), 3 the same new client, 4 France → FR, 5 a bad email,
  // 6 the email of row 4 again, 7 a near name of an existing client, 8 plain
  const csv = writeCsv(['first_name', 'last_name', 'email', 'client_name', 'country'], [
    ['Ada', 'Byron', 'ada@nova.test', 'Nova Labs', ''],
    ['Bo', 'Ng', 'bo@nova.test', 'Nova Labs', ''],
    ['Cy', 'Ito', 'cy@example.test', '', 'France'],
    ['Di', 'Roe', 'not-an-email', '', ''],
    ['Ed', 'Ito', 'CY@example.test', '', ''],
    ['Flo', 'Ray', 'flo@example.test', 'Meridian Engineering', ''],
    ['Gus', 'Lam', 'gus@example.test', '', ''],
  ]);

  it('counts what the plan does: sent rows are valid or warnings, skipped and held rows are errors', async () => {
    const { report, plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email', createMissingClients: true, dryRun: true });
    const model = rowOutcomes(report, plan);
    expect(model.counts).toMatchObject({ records: 7, create: plan.counts.create, update: plan.counts.update, unchanged: plan.counts.unchanged });
    expect(model.counts.errors).toBe(plan.counts.skip + plan.counts.duplicate);
    expect(model.counts.valid + model.counts.warnings).toBe(plan.counts.create + plan.counts.update + plan.counts.unchanged);
    expect(model.rows.map((r) => `${r.row}:${r.action}:${r.status}`)).toEqual([
      '2:create:valid', '3:create:valid', '4:create:valid', '5:skip:error', '6:skip:error', '7:skip:error', '8:create:valid',
    ]);
  });

  it('made a slice at a time (as the wizard does between turns), the model is the same as in one go', async () => {
    const { report, plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email', createMissingClients: true, dryRun: true });
    const tally = new OutcomeTally(report, plan);
    let steps = 0;
    while (!tally.complete) {
      tally.add(2);
      steps++;
    }
    // 7 actions indexed two at a time, then 7 rows read two at a time
    expect(steps).toBe(8);
    expect(tally.result()).toEqual(rowOutcomes(report, plan));
  });

  it('says a missing client is created first, and a normalization only on its cell (info)', async () => {
    const { report, plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email', createMissingClients: true, dryRun: true });
    const model = rowOutcomes(report, plan);
    expect(outcome(model, 2).issues).toEqual([expect.objectContaining({ severity: 'info', code: 'client-created-first', column: 'client_name' })]);
    expect(outcome(model, 4).issues).toEqual([expect.objectContaining({ severity: 'info', code: 'country-code', column: 'country' })]);
    expect(model.counts.normalized).toBe(3);
  });

  it('a repeated email the plan skips is one error on its cell, not a warning besides', async () => {
    const { report, plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email', createMissingClients: true, dryRun: true });
    expect(report.rows.find((r) => r.row === 6)!.issues.map((i) => i.code)).toEqual(['duplicate-email']);
    const row6 = outcome(rowOutcomes(report, plan), 6);
    expect(row6.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'not-sent', column: 'email' })]);
    expect(row6.issues[0]!.message).toMatch(/^Row 6: row 4 has the same email/);
  });

  it('a near client name holds the row with the candidate to pick', async () => {
    const { report, plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email', createMissingClients: true, dryRun: true });
    const row7 = outcome(rowOutcomes(report, plan), 7);
    expect(row7.question).toMatchObject({ about: 'reference', field: 'client_name', candidates: [expect.objectContaining({ match: 'near' })] });
    expect(row7.issues.filter((i) => i.severity === 'error')).toHaveLength(1);
    expect(row7.issues[0]!.message).toMatch(/Meridian Engineering Ltd.* is near/);
  });

  it('a near client name the user links is sent, its error now an info', async () => {
    const first = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email', createMissingClients: true, dryRun: true });
    const meridian = outcome(rowOutcomes(first.report, first.plan), 7).question!.candidates[0]!.id!;
    const { report, plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, {
      matchBy: 'email', createMissingClients: true, dryRun: true, choices: { 7: { reference: { use: meridian } } },
    });
    const row7 = outcome(rowOutcomes(report, plan), 7);
    expect(row7).toMatchObject({ action: 'create', status: 'valid' });
    expect(row7.issues).toEqual([expect.objectContaining({ severity: 'info', code: 'reference-chosen', column: 'client_name' })]);
    expect(plan.actions.find((a) => a.row === 7)).toMatchObject({ kind: 'create', body: { client_id: meridian } });
  });

  it('without "create missing clients", rows naming an unknown client are errors on Review and skips on Plan alike', async () => {
    const { report, plan } = await preparePush(s.client, { resource: 'contacts', input: csv }, { matchBy: 'email', dryRun: true });
    const model = rowOutcomes(report, plan);
    expect(outcome(model, 2)).toMatchObject({ action: 'skip', status: 'error' });
    expect(model.counts.errors).toBe(plan.counts.skip + plan.counts.duplicate);
  });

  it('an unchanged export pushed back has no errors, though Pivor holds an archived status its API cannot write', async () => {
    const kept = await s.client.create('clients', { name: 'Old Co', email: 'old@co.test' });
    s.sandbox.query("UPDATE clients SET status = 'archived' WHERE id = ?", [kept.id]);
    const { csv: exported } = await exportCsv(s.client, 'clients');
    const { report, plan } = await preparePush(s.client, { resource: 'clients', input: exported }, { matchBy: 'id' });
    expect(report.counts.errors).toBeGreaterThan(0);
    const model = rowOutcomes(report, plan);
    expect(model.counts).toMatchObject({ errors: 0, unchanged: model.counts.records, create: 0, update: 0 });
    const row = model.rows.find((r) => r.record?.id === kept.id)!;
    expect(row.record).toEqual({ id: kept.id, name: `Old Co (#${kept.id})` });
    expect(row.issues).toEqual([expect.objectContaining({ severity: 'info', code: 'as-in-pivor', column: 'status' })]);
  });

  it('names an update by its record and its fields by label', async () => {
    const ada = await s.client.create('contacts', { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@engine.test', job_title: 'Analyst' });
    const file = writeCsv(['email', 'first_name', 'last_name', 'job_title'], [['ada@engine.test', 'Ada', 'Lovelace', 'Countess']]);
    const { report, plan } = await preparePush(s.client, { resource: 'contacts', input: file }, { matchBy: 'email' });
    expect(rowOutcomes(report, plan).rows[0]).toMatchObject({
      action: 'update', record: { id: ada.id, name: `Ada Lovelace (#${ada.id})` },
      changes: [{ field: 'job_title', label: 'Job title', from: 'Analyst', to: 'Countess' }],
    });
  });
});

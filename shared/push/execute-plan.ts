// Carries out a plan: creates, updates and deletes through client.sendBatch with bounded concurrency, a journal
// so a stopped push resumes without creating twice, cancel, progress, and exactly one result per row.
//
// Concurrency: `concurrency` requests in flight, as `concurrency / batchSize` slots that each send `batchSize`
// requests per transport.send and take the next ones as soon as their answers are in (a sliding window).
// Node and the extension use batchSize 1 (a slow answer holds up only its own slot); Apps Script, whose
// transport is UrlFetchApp.fetchAll and blocks, passes batchSize = concurrency: one fetchAll per window.
import { PivorError, fieldErrorsToColumns, type BatchOp, type Outcome, type PivorClient } from '../api/index.ts';
import { createdEarlier, fingerprint, newJournal, type JournalStore } from './journal.ts';
import { JournalWriter } from './journal-writer.ts';
import { lookupCreated } from './find-created.ts';
import { ProgressMeter } from './progress-meter.ts';
import { runWindow } from './run-window.ts';
import { RefusedValues, isNonAsciiNameAnswer, isServerError, nonAsciiNameMessage, strictRefusalMessage, strictValues } from './server-refusals.ts';
import { WorkQueue } from './work-queue.ts';
import { countOutcomes, type ApiRecord, type Plan, type PlannedAction, type PushProgress, type PushResult, type RowResult } from './types.ts';

export interface ExecuteOptions {
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** Requests per transport.send. Default 1; Apps Script passes `concurrency`. */
  batchSize?: number;
  journal?: JournalStore;
  journalKey?: string;
  /** Stops sending: rows not yet sent end 'skipped' (cancelled); requests in flight finish. */
  signal?: AbortSignal;
  onProgress?: (progress: PushProgress) => void;
  /** After each send's answers, before the rows count as done (the Sheets add-on writes ids back here). */
  onBatchDone?: (results: RowResult[]) => void | Promise<void>;
  now?: () => number;
  /** Rounds of "look up the creates whose answer was lost, create the absent ones". Default 5. */
  maxRecoveryRounds?: number;
  /**
   * Values the server's database refused (priority medium on MySQL): rows carrying one fail unsent. Pass the same
   * object to every step of a push made of several calls; it receives this call's refusals.
   */
  refused?: RefusedValues;
}

type Create = Extract<PlannedAction, { kind: 'create' }>;
/**
 * The second request of a create whose row has update-only fields (completed_at), once the record exists;
 * `earlier`: the record was created by an earlier run of this push, which stopped before this request was done.
 */
type FollowUp = { kind: 'follow-up'; row: number; id: number; body: Record<string, unknown>; earlier?: true };
type Sendable = Extract<PlannedAction, { kind: 'create' | 'update' | 'delete' }> | FollowUp;

// Errors that are about the server or the session, not the row: sending more rows would fail the same way.
const STOPPING = new Set(['unauthenticated', 'network', 'insecure-url', 'bad-response', 'rate-limited']);

export async function executePlan(client: PivorClient, plan: Plan, options: ExecuteOptions = {}): Promise<PushResult> {
  const now = options.now ?? (() => Date.now());
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const batchSize = Math.min(concurrency, Math.max(1, Math.floor(options.batchSize ?? 1)));
  const slots = Math.ceil(concurrency / batchSize);
  const signal = options.signal;
  const resource = plan.resource;
  const singular = resource.slice(0, -1);

  const writer = await openJournal(plan, options.journal, options.journalKey, now);
  const watermark = writer.journal.watermark;
  const results = new Map<string, RowResult>();
  const queue = new WorkQueue<Sendable>();
  let uncertain: Create[] = [];
  const fps = new Map<number, string>();
  const claimed = new Set<number>();
  const lastErrors = new Map<number, PivorError>();
  const refused = options.refused ?? new RefusedValues();
  for (const entry of Object.values(writer.journal.rows)) if (entry.state === 'done' && entry.id !== undefined) claimed.add(entry.id);

  for (const action of plan.actions) {
    switch (action.kind) {
      case 'unchanged':
        results.set(keyOf(action), { row: action.row, outcome: 'unchanged', id: action.id });
        break;
      case 'skip':
        results.set(keyOf(action), { row: action.row, outcome: 'skipped', message: action.reason, ...(action.column ? { column: action.column } : {}) });
        break;
      case 'duplicate': {
        const probably = action.question.candidates[0]?.id;
        results.set(keyOf(action), { row: action.row, outcome: 'unchanged', duplicate: true, message: action.reason, ...(probably !== undefined ? { probably } : {}) });
        break;
      }
      case 'create': {
        const fp = fingerprint(action.body);
        fps.set(action.row, fp);
        const entry = writer.entry(action.row);
        // The plan checked the journal against the server (earlier, replaces); a plan made without it trusts the journal.
        const earlier = action.earlier ?? (action.replaces === undefined ? createdEarlier(writer.journal, action.row, action.body) : undefined);
        if (earlier?.followUpPending && action.afterCreate) {
          queue.push({ kind: 'follow-up', row: action.row, id: earlier.id, body: action.afterCreate, earlier: true });
        } else if (earlier !== undefined) {
          results.set(keyOf(action), { row: action.row, outcome: 'created', id: earlier.id, byEarlierRun: true, message: 'created by an earlier run of this push; not sent again' });
        } else if (entry?.fp === fp && entry.state === 'pending') {
          uncertain.push(action);
        } else {
          queue.push(action);
        }
        break;
      }
      default:
        queue.push(action);
    }
  }

  const meter = new ProgressMeter(plan.actions.length, queue.length + uncertain.length, now);
  let stopped: string | undefined;
  const stop = (reason: string) => {
    stopped ??= reason;
  };
  const report = () => options.onProgress?.(meter.report(results.size));
  // Outcomes ride along with the next save of pending marks, and on their own at most once a second: every save
  // writes the whole journal, so saving per answer would cost O(rows²). An outcome lost to a crash only leaves
  // its row "pending", which the next run looks up instead of resending.
  let lastSave = now();
  const saveSoon = () => {
    if (now() - lastSave < 1000) return;
    lastSave = now();
    writer.saved().catch((error: unknown) => stop(`the push journal could not be saved (${messageOf(error)})`));
  };
  const deliver = async (batch: RowResult[], answered: number) => {
    meter.answer(answered);
    if (batch.length > 0) await options.onBatchDone?.(batch);
    saveSoon();
    report();
  };

  // Creates are marked pending ahead of sending, many per save (about 50 saves for a large push, a few windows'
  // worth for a small one), so a save is not paid per row; a crash leaves at most twice that many to look up.
  const creates = plan.actions.filter((a) => a.kind === 'create').length;
  const markAhead = Math.min(500, Math.max(16, concurrency * 4, Math.ceil(creates / 50)));
  // Row → the journal version holding its pending mark: a row is sent once a save has reached that version.
  const marked = new Map<number, number>();
  // The row in the middle of the last marks: taking it marks the next ones, whose save then runs while the rest of
  // these are sent, so the slots seldom stand waiting for a save (they all did, once per markAhead rows).
  let markNextAt: number | undefined;
  const markPending = (from: Sendable[], most = Infinity) => {
    const fresh: number[] = [];
    for (const action of from) {
      if (fresh.length >= most) break;
      if (action.kind !== 'create' || marked.has(action.row)) continue;
      marked.set(action.row, writer.set(action.row, { state: 'pending', fp: fps.get(action.row)! }));
      fresh.push(action.row);
    }
    if (fresh.length > 0) markNextAt = fresh[Math.floor(fresh.length / 2)];
  };
  const markNext = (batch: Sendable[]) => {
    if (batch.some((a) => a.kind === 'create' && !marked.has(a.row))) markPending([...batch, ...queue.peek(markAhead)]);
    else if (batch.some((a) => a.kind === 'create' && a.row === markNextAt)) {
      markPending(queue.peek(markAhead * 2), markAhead);
      // Not awaited: a slot needing these marks waits for them, and meets (and reports) a save that failed.
      writer.saved().catch(() => undefined);
    }
  };

  // Rows carrying a value this server's database refused earlier in the run fail unsent, with the reason.
  // Synchronous: between taking a batch and marking it pending, no other slot may take from the queue.
  const holdRefused = (taken: Sendable[]): { rest: Sendable[]; held: RowResult[] } => {
    const held: RowResult[] = [];
    const rest = taken.filter((action) => {
      if (action.kind !== 'create' && action.kind !== 'update') return true;
      const reason = refused.notSentReason(resource, action.body);
      if (reason === undefined) return true;
      if (action.kind === 'create' && writer.entry(action.row)?.state === 'pending') writer.forget(action.row);
      const result: RowResult = { row: action.row, outcome: 'failed', ...idPart(action), message: reason, ...strictColumn(plan, action.body) };
      results.set(keyOf(action), result);
      held.push(result);
      return false;
    });
    return { rest, held };
  };

  const next = async (): Promise<Sendable[] | undefined> => {
    let batch: Sendable[] = [];
    while (batch.length === 0) {
      if (signal?.aborted) stop('cancelled');
      if (stopped !== undefined || queue.length === 0) return undefined;
      const { rest, held } = holdRefused(queue.take(batchSize));
      if (held.length > 0) await deliver(held, 0);
      batch = rest;
    }
    if (batch.some((a) => a.kind === 'create')) {
      markNext(batch);
      const needed = Math.max(0, ...batch.map((a) => (a.kind === 'create' ? marked.get(a.row) ?? 0 : 0)));
      try {
        await writer.saved(needed);
      } catch (error) {
        queue.putBack(batch);
        stop(`the push journal could not be saved (${messageOf(error)})`);
        return undefined;
      }
    }
    return batch;
  };

  const send = async (batch: Sendable[]) => {
    const outcomes = await client.sendBatch(batch.map((a) => opOf(resource, a)), signal ? { signal } : {});
    const done: RowResult[] = [];
    batch.forEach((action, i) => {
      const outcome: Outcome = outcomes[i] ?? { ok: false, error: lostAnswer() };
      const result = settle(action, outcome);
      if (result === 'uncertain') {
        uncertain.push(action as Create);
        return;
      }
      if (result === 'follow-up') return;
      results.set(keyOf(action), result);
      done.push(result);
    });
    await deliver(done, batch.length);
  };

  // A created record is journaled done; one whose row has update-only fields gets them in a second request
  // before the row is done, and its entry says so until that request succeeds (a re-run then sends it).
  const created = (action: Create, id: number): boolean => {
    const fp = fps.get(action.row)!;
    if (!action.afterCreate) {
      writer.set(action.row, { state: 'done', id, fp });
      return false;
    }
    writer.set(action.row, { state: 'done', id, fp, followUp: 'pending' });
    queue.pushFront({ kind: 'follow-up', row: action.row, id, body: action.afterCreate });
    return true;
  };

  // Server errors Pivor gives for known reasons (server-refusals.ts). A create refused for a value is first looked
  // up like any create whose answer failed (see failedCreate); a name sent anyway was saved, and stays pending
  // in the journal, so a re-run looks it up instead of sending it again.
  const explainRefusal = (action: Sendable, error: PivorError): RowResult | undefined => {
    if (action.kind !== 'create' && action.kind !== 'update') return undefined;
    if (isNonAsciiNameAnswer(resource, action.body, error)) {
      return { row: action.row, outcome: action.kind === 'create' ? 'created' : 'updated', ...idPart(action), message: nonAsciiNameMessage(action.body, action.kind) };
    }
    const strict = isServerError(error) ? strictValues(resource, action.body) : [];
    if (strict.length === 0) return undefined;
    // From now on no row carrying the value is sent; a create is still looked up before it is called failed.
    refused.add(strict, action.row);
    if (action.kind === 'create') return undefined;
    return { row: action.row, outcome: 'failed', ...idPart(action), message: strictRefusalMessage(strict), ...strictColumn(plan, action.body) };
  };

  // A create looked up after its answer failed, and absent: sent again, unless the failure was a database
  // refusing one of its values (a 500 for priority medium), which sending again would only repeat.
  const failedCreate = (action: Create): RowResult | undefined => {
    const error = lastErrors.get(action.row);
    const strict = error && isServerError(error) ? strictValues(resource, action.body) : [];
    if (strict.length === 0) return undefined;
    writer.forget(action.row);
    return { row: action.row, outcome: 'failed', message: strictRefusalMessage(strict), ...strictColumn(plan, action.body) };
  };

  const settle = (action: Sendable, outcome: Outcome): RowResult | 'uncertain' | 'follow-up' => {
    const row = action.row;
    if (action.kind === 'follow-up') {
      const earlier = action.earlier ? { byEarlierRun: true, message: `created by an earlier run of this push; ${fieldList(action.body)} set now` } : {};
      if (outcome.ok) {
        writer.set(action.row, { state: 'done', id: action.id, fp: fps.get(action.row)! });
        return { row, outcome: 'created', id: action.id, ...earlier, ...recordPart(outcome.data) };
      }
      if (STOPPING.has(outcome.error.kind)) stop(outcome.error.message);
      const { message, column } = describe(outcome.error, plan);
      return {
        row, outcome: 'created', id: action.id, ...earlier,
        message: `created, but ${fieldList(action.body)} could not be set: ${message}`, ...(column ? { column } : {}),
      };
    }
    if (outcome.ok) {
      const id = idOf(outcome.data) ?? (action.kind === 'create' ? undefined : action.id);
      if (action.kind === 'create') {
        if (id === undefined) {
          stop(`Pivor answered a create without an id`);
          return { row, outcome: 'failed', message: `Pivor created the ${singular} but did not say its id; check before pushing again` };
        }
        claimed.add(id);
        return created(action, id) ? 'follow-up' : { row, outcome: 'created', id, ...recordPart(outcome.data) };
      }
      if (action.kind === 'update') return { row, outcome: 'updated', ...(id !== undefined ? { id } : {}), ...recordPart(outcome.data) };
      return { row, outcome: 'deleted', ...(id !== undefined ? { id } : {}) };
    }
    const error = outcome.error;
    const explained = explainRefusal(action, error);
    if (explained) return explained;
    if (action.kind === 'create' && error.maybeProcessed && error.kind !== 'cancelled') {
      lastErrors.set(action.row, error);
      return 'uncertain';
    }
    if (action.kind === 'delete' && error.kind === 'not-found') {
      return { row, outcome: 'deleted', id: action.id, message: `the ${singular} was already deleted` };
    }
    if (error.kind === 'cancelled') {
      if (action.kind === 'create' && !error.maybeProcessed) writer.forget(action.row);
      const maybe = error.maybeProcessed ? ` (its answer was lost: it may have been ${pastTense(action.kind)}; run the push again to check)` : '';
      return { row, outcome: 'skipped', ...idPart(action), message: `cancelled before it was done${maybe}` };
    }
    if (action.kind === 'create') writer.forget(action.row);
    if (STOPPING.has(error.kind)) stop(error.message);
    return { row, outcome: 'failed', ...idPart(action), ...describe(error, plan) };
  };

  // First the rows a previous run left pending, then everything else; then the creates whose answer was lost,
  // looked up and created only if absent, until none is left in doubt.
  const rounds = Math.max(0, options.maxRecoveryRounds ?? 5);
  for (let round = 0; ; round += 1) {
    if (uncertain.length > 0 && stopped === undefined && !signal?.aborted) {
      const checking = uncertain;
      uncertain = [];
      const answers = await lookupCreated(client, resource, checking, {
        watermark, claimed, perSend: concurrency, ...(signal ? { signal } : {}),
      });
      const found: RowResult[] = [];
      answers.forEach((answer, i) => {
        const action = checking[i]!;
        if ('error' in answer) {
          lastErrors.set(action.row, answer.error);
          if (STOPPING.has(answer.error.kind) || answer.error.kind === 'cancelled') stop(answer.error.message);
          uncertain.push(action);
        } else if (answer.id === null) {
          const failed = failedCreate(action);
          if (failed) {
            results.set(keyOf(action), failed);
            found.push(failed);
          } else queue.push(action); // still marked pending: sending it again needs no new mark
        } else {
          if (created(action, answer.id)) return;
          const result: RowResult = { row: action.row, outcome: 'created', id: answer.id, message: 'found on the server after its answer was lost; not sent again' };
          results.set(keyOf(action), result);
          found.push(result);
        }
      });
      await deliver(found, found.length);
    }
    await runWindow(slots, next, send);
    if (uncertain.length === 0 || stopped !== undefined || signal?.aborted || round >= rounds) break;
  }
  if (signal?.aborted) stop('cancelled');

  // Rows never sent: their pending marks go (nothing was sent), and they end skipped with the reason.
  for (const action of queue.drain()) {
    if (action.kind === 'follow-up') {
      results.set(keyOf(action), {
        row: action.row, outcome: 'created', id: action.id, ...(action.earlier ? { byEarlierRun: true } : {}),
        message: `created, but ${fieldList(action.body)} not set: ${stopped ?? 'stopped'}; run the push again to set it`,
      });
      continue;
    }
    if (action.kind === 'create' && writer.entry(action.row)?.state === 'pending') writer.forget(action.row);
    results.set(keyOf(action), { row: action.row, outcome: 'skipped', ...idPart(action), message: `not sent: ${stopped ?? 'stopped'}` });
  }
  // Creates still in doubt stay pending in the journal: the next run looks them up before anything is resent.
  for (const action of uncertain) {
    const cause = lastErrors.get(action.row)?.message ?? "Pivor's answer was lost.";
    results.set(keyOf(action), {
      row: action.row, outcome: 'failed',
      message: `${cause} The ${singular} may have been created: run the push again to check; it will not be created twice.`,
    });
  }
  try {
    // A push that ended with nothing left to resume closes its journal: from now on the server alone says what exists.
    if (stopped === undefined && uncertain.length === 0 && !writer.unfinished()) await writer.close();
    else await writer.saved();
  } catch (error) {
    stop(`the push journal could not be saved (${messageOf(error)})`);
  }
  report();

  const ordered = plan.actions.map(
    (action) => results.get(keyOf(action)) ?? { row: action.row, outcome: 'skipped' as const, message: 'not sent' },
  );
  return { resource, results: ordered, counts: countOutcomes(ordered), ...(stopped !== undefined ? { stopped } : {}) };
}

async function openJournal(plan: Plan, store: JournalStore | undefined, key: string | undefined, now: () => number): Promise<JournalWriter> {
  const fresh = () => newJournal(plan.resource, plan.watermark, new Date(now()).toISOString());
  if (!store || key === undefined) return new JournalWriter(fresh());
  const loaded = await store.load(key);
  // A journal for another resource under this key is not ours to follow.
  const journal = loaded && loaded.resource === plan.resource ? loaded : fresh();
  return new JournalWriter(journal, store, key);
}

function opOf(resource: string, action: Sendable): BatchOp {
  switch (action.kind) {
    case 'create':
      return { method: 'POST', path: `/${resource}`, body: action.body };
    case 'update':
      return { method: 'PATCH', path: `/${resource}/${action.id}`, body: action.body };
    case 'delete':
      return { method: 'DELETE', path: `/${resource}/${action.id}` };
    case 'follow-up':
      return { method: 'PATCH', path: `/${resource}/${action.id}`, body: action.body };
  }
}

function keyOf(action: PlannedAction | FollowUp): string {
  return action.kind === 'delete' ? `d${action.id}` : `r${action.row}`;
}

function idPart(action: Sendable): { id?: number } {
  return action.kind === 'create' ? {} : { id: action.id };
}

/** The file's column holding the first value in the body a strict database may refuse, for marking that cell. */
function strictColumn(plan: Plan, body: Record<string, unknown>): { column?: string } {
  const key = strictValues(plan.resource, body)[0]?.field.key;
  const column = key === undefined ? undefined : plan.columns[key];
  return column === undefined ? {} : { column };
}

function recordPart(data: unknown): { record?: ApiRecord } {
  return typeof (data as { id?: unknown } | null)?.id === 'number' ? { record: data as ApiRecord } : {};
}

function idOf(data: unknown): number | undefined {
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : undefined;
}

function describe(error: PivorError, plan: Plan): { message: string; column?: string } {
  if (error.kind === 'validation' && error.fieldErrors && Object.keys(error.fieldErrors).length > 0) {
    const byColumn = fieldErrorsToColumns(error.fieldErrors, plan.resource, plan.columns);
    const [column] = Object.keys(byColumn);
    const message = Object.values(byColumn).flat().join(' ');
    return column !== undefined ? { message, column } : { message };
  }
  return { message: error.message };
}

function pastTense(kind: Sendable['kind']): string {
  return kind === 'create' ? 'created' : kind === 'delete' ? 'deleted' : 'updated';
}

function fieldList(body: Record<string, unknown>): string {
  return Object.keys(body).join(', ');
}

function lostAnswer(): PivorError {
  return new PivorError('network', 'no answer came back for this request', { maybeProcessed: true });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

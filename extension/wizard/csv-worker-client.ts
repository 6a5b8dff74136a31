// The page's side of the CSV worker: one request at a time, each answered by a promise.
import type { Plan } from '../../shared/push/index.ts';
import type { ValidationReport } from '../../shared/validate/index.ts';
import CsvWorker from './csv-worker.ts?worker';
import type { PlanArgs } from './plan-in-worker.ts';
import type { ParseSummary, WorkerRequest, WorkerResponse } from './worker-protocol.ts';
import type { ValidateArgs, ValidateResult } from './validate-in-worker.ts';
import type { CellEdit } from './table-edits.ts';
import type { ReplacePreview, ReplaceQuery, Replacement } from './find-replace.ts';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** The lists of an answer sent in parts, as received so far. */
  parts: Record<string, unknown[]>;
}

export class CsvWorkerClient {
  #worker = new CsvWorker();
  #next = 1;
  #pending = new Map<number, Pending>();
  /** The id under which the worker holds each report (it keeps the last two). */
  #reportIds = new WeakMap<ValidationReport, number>();

  constructor() {
    this.#worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const answer = event.data;
      const waiting = this.#pending.get(answer.id);
      if (!waiting) return;
      if (answer.ok === 'part') {
        const list = (waiting.parts[answer.list] ??= []);
        for (const item of answer.items) list.push(item);
        return;
      }
      this.#pending.delete(answer.id);
      if (answer.ok) waiting.resolve(answer.result);
      else waiting.reject(new Error(answer.message));
    };
    this.#worker.onerror = (event) => {
      for (const waiting of this.#pending.values()) waiting.reject(new Error(event.message || 'The CSV reader stopped.'));
      this.#pending.clear();
    };
  }

  /** Reads the file; the bytes are moved to the worker, not copied. */
  parse(bytes: Uint8Array): Promise<ParseSummary> {
    const copy = bytes.slice().buffer;
    return this.#call({ id: 0, kind: 'parse', bytes: copy }, [copy]) as Promise<ParseSummary>;
  }

  async validate(args: ValidateArgs): Promise<ValidateResult> {
    const id = this.#next; // the id #call gives this request
    const report = (await this.#call({ id: 0, kind: 'validate', args }, [], { rows: [], issues: [] })) as ValidateResult;
    this.#reportIds.set(report, id);
    return report;
  }

  /** Plans a report this worker made (it says so if it no longer holds it). */
  async plan(report: ValidationReport, args: PlanArgs): Promise<Plan> {
    const held = this.#reportIds.get(report) ?? 0;
    return (await this.#call({ id: 0, kind: 'plan', report: held, args }, [], { actions: [] })) as Plan;
  }

  /** Fixes one cell of the table the worker holds; resolves with the text it replaced. */
  edit(edit: CellEdit): Promise<string> {
    return this.#call({ id: 0, kind: 'edit', edit }) as Promise<string>;
  }

  /** Fixes several cells at once; resolves with the texts they replaced. */
  edits(edits: CellEdit[]): Promise<string[]> {
    return this.#call({ id: 0, kind: 'edits', edits }) as Promise<string[]>;
  }

  /** How many cells a find and replace in a column would change, and the first few. */
  previewReplace(query: ReplaceQuery): Promise<ReplacePreview> {
    return this.#call({ id: 0, kind: 'replace', query, apply: false }) as Promise<ReplacePreview>;
  }

  /** Replaces in the column; resolves with every cell changed and its text before. */
  replace(query: ReplaceQuery): Promise<Replacement[]> {
    return this.#call({ id: 0, kind: 'replace', query, apply: true }) as Promise<Replacement[]>;
  }

  /** The cells fixed so far, the last text of each, in row and column order. */
  fixes(): Promise<CellEdit[]> {
    return this.#call({ id: 0, kind: 'fixes' }) as Promise<CellEdit[]>;
  }

  /** The table as corrected so far, as CSV text. */
  corrected(): Promise<string> {
    return this.#call({ id: 0, kind: 'corrected' }) as Promise<string>;
  }

  terminate(): void {
    this.#worker.terminate();
  }

  /** `lists`: the lists the answer sends in parts (see worker-protocol.ts), put back into its result. */
  #call(request: WorkerRequest, transfer: Transferable[] = [], lists: Record<string, unknown[]> = {}): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      // an answer that is no object (the corrected CSV's text, a list of cells) has no lists to put back
      const whole = (result: unknown) => (typeof result === 'object' && result !== null && !Array.isArray(result) ? { ...result, ...pending.parts } : result);
      const pending: Pending = { resolve: (result) => resolve(whole(result)), reject, parts: lists };
      this.#pending.set(id, pending);
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }
}

// The page's side of the CSV worker: one request at a time, each answered by a promise.
import CsvWorker from './csv-worker.ts?worker';
import type { ParseSummary, WorkerRequest, WorkerResponse } from './worker-protocol.ts';
import type { ValidateArgs, ValidateResult } from './validate-in-worker.ts';

export class CsvWorkerClient {
  #worker = new CsvWorker();
  #next = 1;
  #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor() {
    this.#worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const answer = event.data;
      const waiting = this.#pending.get(answer.id);
      if (!waiting) return;
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

  validate(args: ValidateArgs): Promise<ValidateResult> {
    return this.#call({ id: 0, kind: 'validate', args }) as Promise<ValidateResult>;
  }

  terminate(): void {
    this.#worker.terminate();
  }

  #call(request: WorkerRequest, transfer: Transferable[] = []): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }
}

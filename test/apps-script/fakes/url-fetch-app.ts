// A synchronous UrlFetchApp that makes real HTTP calls: a worker thread does the requests (in parallel
// for fetchAll) while this thread blocks on Atomics.wait, then reads the replies with
// receiveMessageOnPort. The server must live in another process, or the blocked thread deadlocks it.
// It keeps the real service's behaviour: HTTP errors throw unless muteHttpExceptions, a network failure
// of any request makes fetchAll throw, redirects are followed by default, header names keep their case.
// Faults for tests: kill the execution after N calls (everything after throws, as when Apps Script
// stops a script), or refuse all connections.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { CallCounter, instrument } from './call-counter.ts';

type Params = {
  method?: string;
  headers?: Record<string, string>;
  payload?: string;
  contentType?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
};

type WireReply = { status: number; rawHeaders: string[]; body: string } | { error: 'dns' | 'refused' | 'reset' | 'timeout' | 'invalid-url'; detail?: string };

export interface SentRequest { method: string; url: string; headers: Record<string, string>; body?: string }

export class FakeHttpResponse {
  constructor(readonly _counter: CallCounter, private readonly code: number, private readonly rawHeaders: string[], private readonly bytes: Buffer) {}
  getResponseCode(): number { return this.code; }
  getContentText(charset?: string): string { return new TextDecoder(charset ?? 'utf-8').decode(this.bytes); }
  getContent(): number[] { return Array.from(this.bytes, (b) => (b > 127 ? b - 256 : b)); }
  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i + 1 < this.rawHeaders.length; i += 2) out[this.rawHeaders[i]!] = this.rawHeaders[i + 1]!;
    return out;
  }
  getAllHeaders(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (let i = 0; i + 1 < this.rawHeaders.length; i += 2) {
      const k = this.rawHeaders[i]!;
      const v = this.rawHeaders[i + 1]!;
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }
}

export interface UrlFetchFaults {
  /** After this many fetch/fetchAll calls, the next one kills the execution before anything is sent. */
  killAfterCalls?: number;
  /** After this many calls, the next one is sent and answered, then the execution dies before it sees the answers. */
  killDuringCall?: number;
  /** Every connection is refused (the server is down). */
  refuseAll?: boolean;
}

export class FakeUrlFetchApp {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  /** Every request sent, in order (tests compare what went out). */
  readonly sent: SentRequest[] = [];
  private _faults: UrlFetchFaults = {};
  private callsSinceFault = 0;
  /** Sets the faults; call counts for them start from zero. */
  set faults(faults: UrlFetchFaults) {
    this._faults = faults;
    this.callsSinceFault = 0;
  }
  get faults(): UrlFetchFaults {
    return this._faults;
  }
  timeoutMs = 60_000;
  /** Called before each fetch or fetchAll (a test moving the script's clock, say). */
  _onCall: (() => void) | null = null;

  constructor(readonly _counter: CallCounter) {}

  private _start(): void {
    if (this.worker) return;
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(new URL('./sync-http-worker.mjs', import.meta.url));
    this.worker.unref();
    this.worker.postMessage({ port: port2, signal: this.signal.buffer }, [port2]);
    this.port = port1;
  }

  _stop(): Promise<number> {
    this.port?.close();
    const w = this.worker;
    this.worker = null;
    return w ? w.terminate() : Promise.resolve(0);
  }

  private _normalize(url: string, params: Params = {}): SentRequest & { followRedirects: boolean; mute: boolean } {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) throw new Error(`Exception: Invalid argument: ${String(url)}`);
    const method = (params.method ?? 'get').toUpperCase();
    if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) throw new Error(`Exception: Invalid argument: method`);
    const headers: Record<string, string> = { ...(params.headers ?? {}) };
    let body: string | undefined;
    if (params.payload !== undefined && method !== 'GET') {
      if (typeof params.payload !== 'string') throw new Error('Exception: the fake only sends string payloads');
      body = params.payload;
      if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = params.contentType ?? 'application/x-www-form-urlencoded';
    }
    return { method, url, headers, body, followRedirects: params.followRedirects ?? true, mute: params.muteHttpExceptions ?? false };
  }

  private _exchange(requests: ReturnType<FakeUrlFetchApp['_normalize']>[]): FakeHttpResponse[] {
    this._onCall?.();
    this.callsSinceFault += 1;
    if (this.faults.killAfterCalls !== undefined && this.callsSinceFault > this.faults.killAfterCalls) {
      this._counter.killed = 'Exceeded maximum execution time';
      throw new Error(this._counter.killed);
    }
    const dieAfterSending = this.faults.killDuringCall !== undefined && this.callsSinceFault > this.faults.killDuringCall;
    for (const r of requests) this.sent.push({ method: r.method, url: r.url, headers: r.headers, body: r.body });
    let replies: WireReply[];
    if (this.faults.refuseAll) {
      replies = requests.map(() => ({ error: 'refused' as const }));
    } else {
      this._start();
      Atomics.store(this.signal, 0, 0);
      this.port!.postMessage({
        requests: requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, body: r.body, followRedirects: r.followRedirects })),
        timeoutMs: this.timeoutMs,
      });
      const waited = Atomics.wait(this.signal, 0, 0, this.timeoutMs + 5_000);
      const msg = receiveMessageOnPort(this.port!);
      if (waited === 'timed-out' || !msg) throw new Error('Exception: Timeout');
      replies = msg.message as WireReply[];
    }
    if (dieAfterSending) {
      this._counter.killed = 'Exceeded maximum execution time';
      throw new Error(this._counter.killed);
    }
    return replies.map((reply, i) => {
      const req = requests[i]!;
      if ('error' in reply) {
        const what = { dns: 'DNS error', refused: 'Address unavailable', reset: 'Unexpected error', timeout: 'Timeout', 'invalid-url': 'Invalid argument' }[reply.error];
        throw new Error(`Exception: ${what}: ${req.url}`);
      }
      const bytes = Buffer.from(reply.body, 'base64');
      if (reply.status >= 400 && !req.mute) {
        const text = bytes.toString('utf8');
        throw new Error(`Exception: Request failed for ${req.url} returned code ${reply.status}. Truncated server response: ${text.slice(0, 100)}${text.length > 100 ? '...' : ''} (use muteHttpExceptions option to examine full response)`);
      }
      return new FakeHttpResponse(this._counter, reply.status, reply.rawHeaders, bytes);
    });
  }

  fetch(url: string, params?: Params): FakeHttpResponse {
    return this._exchange([this._normalize(url, params)])[0]!;
  }
  fetchAll(requests: (Params & { url: string })[]): FakeHttpResponse[] {
    if (!Array.isArray(requests)) throw new Error('Exception: Invalid argument: requests');
    return this._exchange(requests.map((r) => this._normalize(r.url, r)));
  }
}

instrument(FakeUrlFetchApp, (s: FakeUrlFetchApp) => s._counter, 'UrlFetchApp');
instrument(FakeHttpResponse, (s: FakeHttpResponse) => s._counter, 'HTTPResponse');

// PivorClient: Pivor's REST API as typed methods (tokens, user, list/get/create/update/delete, batches),
// on top of any Transport. Retries, pagination and error mapping happen here, once for every runtime.
import type { ResourceName } from '../resources/index.ts';
import { defaultSleep } from './backoff.ts';
import { createdResource, withCreateDefaults } from './create-defaults.ts';
import { normalizeBaseUrl } from './base-url.ts';
import { PivorError, messages } from './errors.ts';
import { findExisting } from './find-existing.ts';
import type { Outcome } from './interpret-response.ts';
import { listQueryString, nextPageNumber, type ListQuery } from './list-query.ts';
import { defaultRetryOptions, type RetryOptions } from './retry-policy.ts';
import { sendWithRetries, type PreparedRequest, type RetryInfo } from './send-with-retries.ts';
import type { HttpMethod, Transport } from './transport.ts';
import type { WaitingInfo } from './waiting-notice.ts';
import { WholeListing } from './listing/whole-listing.ts';
import type { UnreadableRecord } from './listing/unreadable.ts';

export interface PivorUser {
  id: number;
  name: string;
  email: string;
  role: string;
  [field: string]: unknown;
}

/** A record as the API returns it; fields as in pivor-api.md ("Read"). */
export type PivorRecord = { id: number } & Record<string, unknown>;

export interface PageMeta {
  current_page: number;
  last_page: number;
  /** Laravel prints the requested per_page as given: "50" (a string) when it came from the query. */
  per_page: number | string;
  total: number;
  from: number | null;
  to: number | null;
}

export interface Page<T = PivorRecord> {
  data: T[];
  meta: PageMeta;
  links: { first?: string | null; last?: string | null; prev?: string | null; next: string | null };
}

export interface ListProgress {
  /** Records received so far. */
  loaded: number;
  /** Records the server says match (meta.total of the latest page). */
  total: number;
  page: number;
  lastPage: number;
}

export interface ListAllOptions {
  filters?: Record<string, string>;
  sort?: string;
  /** Default and maximum 100. */
  perPage?: number;
  onProgress?: (progress: ListProgress) => void;
  signal?: AbortSignal;
  /** Pages requested at a time after the first, which says how many there are. Default 4. */
  pagesAhead?: number;
  /** listAll: told of the records left out because Pivor answers them only with a 500 (named, with how to fix them). */
  onUnreadable?: (records: UnreadableRecord[]) => void;
}

export interface BatchOp {
  method: HttpMethod;
  /** Below the API base: /clients or /clients/42 */
  path: string;
  /** Sent as JSON (a string is taken as JSON already). */
  body?: unknown;
}

export interface PivorClientOptions {
  /** Pivor's address, with or without /api: https://crm.example.com */
  baseUrl: string;
  token?: string;
  transport: Transport;
  /** How to wait between retries. Required where there are no timers (Apps Script: wrap Utilities.sleep). */
  sleep?: (ms: number) => Promise<void>;
  /** For the backoff jitter; Math.random by default. */
  random?: () => number;
  /** For Retry-After dates; Date.now by default. */
  now?: () => number;
  retry?: Partial<RetryOptions>;
  /**
   * The longest wait before a retry still worth making, asked before each wait (Apps Script: the time left
   * in the step). A longer Retry-After or backoff is not waited out: the failure goes back to the caller.
   */
  waitBudgetMs?: () => number;
  onRetry?: (info: RetryInfo) => void;
  /** Told every few seconds while Pivor has not answered (where timers exist): "Waiting for Pivor at …". */
  onWaiting?: (info: WaitingInfo) => void;
  /** How often onWaiting is told. Default 5 s. */
  waitingNoticeMs?: number;
}

export class PivorClient {
  /** https://crm.example.com/api, no trailing slash. */
  readonly apiBase: string;
  /** https://crm.example.com, for messages. */
  readonly origin: string;
  #token: string | undefined;
  readonly #transport: Transport;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #now: () => number;
  readonly #retry: RetryOptions;
  readonly #onRetry: ((info: RetryInfo) => void) | undefined;
  readonly #waitBudgetMs: (() => number) | undefined;
  readonly #onWaiting: ((info: WaitingInfo) => void) | undefined;
  readonly #waitingNoticeMs: number | undefined;

  constructor(options: PivorClientOptions) {
    const { apiBase, origin } = normalizeBaseUrl(options.baseUrl);
    this.apiBase = apiBase;
    this.origin = origin;
    this.#token = options.token || undefined;
    this.#transport = options.transport;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
    this.#retry = { ...defaultRetryOptions, ...options.retry };
    this.#onRetry = options.onRetry;
    this.#waitBudgetMs = options.waitBudgetMs;
    this.#onWaiting = options.onWaiting;
    this.#waitingNoticeMs = options.waitingNoticeMs;
  }

  get hasToken(): boolean {
    return this.#token !== undefined;
  }

  /** Replaces the token used from now on (undefined: none). */
  setToken(token: string | undefined): void {
    this.#token = token || undefined;
  }

  /** Signs in; the client uses the new token from then on. Wrong credentials: PivorError 'validation', "Wrong email or password." */
  async createToken(email: string, password: string, deviceName: string): Promise<{ token: string; user: PivorUser }> {
    const outcome = await this.#one({ method: 'POST', path: '/tokens/create', body: { email, password, device_name: deviceName } }, undefined, false);
    const body = outcome.body as { token?: unknown; user?: unknown } | null;
    if (!body || typeof body.token !== 'string' || !isUser(body.user)) throw this.#badShape('the sign-in answer has no token');
    this.#token = body.token;
    return { token: body.token, user: body.user };
  }

  /** Revokes the token in use on the server and forgets it. */
  async revokeToken(): Promise<void> {
    await this.#one({ method: 'DELETE', path: '/tokens/revoke' });
    this.#token = undefined;
  }

  async currentUser(): Promise<PivorUser> {
    const outcome = await this.#one({ method: 'GET', path: '/user' });
    if (!isUser(outcome.data)) throw this.#badShape('/user did not return a user');
    return outcome.data;
  }

  async listPage(resource: ResourceName, query: ListQuery = {}, signal?: AbortSignal): Promise<Page> {
    const [page] = await this.listPages(resource, [query], { ...(signal ? { signal } : {}) });
    if (page instanceof PivorError) throw page;
    return page!;
  }

  /**
   * Several list requests in one batch; each comes back as its page or its error. `attempts` overrides the
   * tries per request (a listing narrowing down a page that fails does not wait out five tries at every step).
   */
  async listPages(resource: ResourceName, queries: readonly ListQuery[], options: { signal?: AbortSignal; attempts?: number } = {}): Promise<(Page | PivorError)[]> {
    const requests = queries.map((query) => this.#prepare({ method: 'GET', path: `/${resource}?${listQueryString(resource, query)}` }, true));
    const retry = options.attempts !== undefined ? { ...this.#retry, attempts: options.attempts } : this.#retry;
    const outcomes = await this.#send(requests, options.signal, retry);
    return outcomes.map((outcome) => {
      if (!outcome.ok) return outcome.error;
      const page = outcome.body as Partial<Page> | null;
      if (!page || !Array.isArray(page.data) || !isMeta(page.meta)) return this.#badShape(`the ${resource} list is not a paginated list`);
      return { data: page.data, meta: page.meta, links: { ...page.links, next: page.links?.next ?? null } };
    });
  }

  /** One record by id with its own tries, as an outcome: for probing which record a failing page holds. */
  async probe(resource: ResourceName, id: number, attempts: number, signal?: AbortSignal): Promise<Outcome> {
    const [outcome] = await this.#send([this.#prepare({ method: 'GET', path: `/${resource}/${encodeId(id)}` }, true)], signal, { ...this.#retry, attempts });
    return outcome!;
  }

  /**
   * Page after page, in order, until links.next is null: for exports that write as they go. Once the first page
   * has said how many there are, the next ones are asked for `pagesAhead` at a time (a long listing then waits
   * for a quarter of the round trips); past that count, or when the first page's next link is not page 2,
   * links.next is followed one page at a time.
   */
  async *pages(resource: ResourceName, options: ListAllOptions = {}): AsyncGenerator<Page, void, undefined> {
    const query: ListQuery = { perPage: options.perPage ?? 100 };
    if (options.filters) query.filters = options.filters;
    if (options.sort !== undefined) query.sort = options.sort;
    const signal = options.signal;
    const fetchPage = async (pageNumber: number): Promise<Page> => {
      if (signal?.aborted) throw new PivorError('cancelled', messages.cancelled);
      const page = await this.listPage(resource, { ...query, page: pageNumber }, signal);
      if (page.meta.current_page !== pageNumber) throw this.#badShape(`page ${pageNumber} came back as page ${page.meta.current_page}`);
      return page;
    };
    let pageNumber = 1;
    let page = await fetchPage(pageNumber);
    yield page;

    const last = page.meta.last_page;
    if (this.#nextPage(page) === 2 && last > 2) {
      const ahead = Math.max(1, Math.floor(options.pagesAhead ?? 4));
      const inFlight: Promise<Page>[] = [];
      let requested = 1;
      while (pageNumber < last) {
        while (requested < last && inFlight.length < ahead) {
          const next = fetchPage(++requested);
          next.catch(() => {}); // awaited in its turn; a listing left early must not leave a rejection unhandled
          inFlight.push(next);
        }
        page = await inFlight.shift()!;
        pageNumber += 1;
        yield page;
      }
    }
    for (;;) {
      const next = this.#nextPage(page);
      if (next === undefined) return;
      if (next <= pageNumber) throw this.#badShape(`its next page link goes back to page ${next}`);
      pageNumber = next;
      page = await fetchPage(pageNumber);
      yield page;
    }
  }

  /** The page links.next points at; undefined when there is none. */
  #nextPage(page: Page): number | undefined {
    if (page.links.next === null) return undefined;
    return nextPageNumber(page.links.next) ?? (page.meta.current_page < page.meta.last_page ? page.meta.current_page + 1 : undefined);
  }

  /**
   * Every record once, even while others create and delete records (see listing/whole-listing.ts). Records Pivor
   * cannot answer (a 500 on every page holding them) are left out and handed to onUnreadable; a list that kept
   * changing faster than it could be read throws 'incomplete'.
   */
  async listAll(resource: ResourceName, options: ListAllOptions = {}): Promise<PivorRecord[]> {
    const listing = new WholeListing(this, resource, options);
    const records: PivorRecord[] = [];
    for await (const batch of listing.records()) records.push(...batch);
    const { complete, problem, unreadable } = listing.result;
    if (unreadable.length > 0) options.onUnreadable?.(unreadable);
    if (!complete) throw new PivorError('incomplete', problem ?? 'The list could not be read whole.');
    return records;
  }

  async get(resource: ResourceName, id: number | string): Promise<PivorRecord> {
    return this.#record(await this.#one({ method: 'GET', path: `/${resource}/${encodeId(id)}` }), resource);
  }

  async create(resource: ResourceName, body: Record<string, unknown>): Promise<PivorRecord> {
    return this.#record(await this.#one({ method: 'POST', path: `/${resource}`, body }), resource);
  }

  /** PATCH: only the fields given are validated and changed. */
  async update(resource: ResourceName, id: number | string, body: Record<string, unknown>): Promise<PivorRecord> {
    return this.#record(await this.#one({ method: 'PATCH', path: `/${resource}/${encodeId(id)}`, body }), resource);
  }

  /** Soft delete: the record disappears from the API. */
  async delete(resource: ResourceName, id: number | string): Promise<void> {
    await this.#one({ method: 'DELETE', path: `/${resource}/${encodeId(id)}` });
  }

  /**
   * Records whose matchKey field equals value (trimmed; emails without regard to case), found with the API's
   * filters: what to check after a create came back maybeProcessed, before creating again. Empty when absent.
   */
  findExisting(resource: ResourceName, matchKey: string, value: string, signal?: AbortSignal): Promise<PivorRecord[]> {
    return findExisting(this, resource, matchKey, value, signal);
  }

  /**
   * The push engine's primitive: one transport.send for the whole batch, then rounds re-sending only the
   * requests that failed in a retryable way. Never throws for HTTP or network failures: each op gets an Outcome.
   */
  sendBatch(ops: readonly BatchOp[], options: { signal?: AbortSignal } = {}): Promise<Outcome[]> {
    return this.#send(ops.map((op) => this.#prepare(op, true)), options.signal);
  }

  async #one(op: BatchOp, signal?: AbortSignal, authorize = true): Promise<Extract<Outcome, { ok: true }>> {
    const [outcome] = await this.#send([this.#prepare(op, authorize)], signal);
    if (!outcome) throw new PivorError('cancelled', messages.cancelled);
    if (!outcome.ok) throw outcome.error;
    return outcome;
  }

  async #send(requests: PreparedRequest[], signal: AbortSignal | undefined, retry: RetryOptions = this.#retry): Promise<Outcome[]> {
    const outcomes = await sendWithRetries(requests, {
      transport: this.#transport, sleep: this.#sleep, random: this.#random, now: this.#now, retry,
      origin: this.origin,
      ...(this.#onRetry ? { onRetry: this.#onRetry } : {}),
      ...(this.#waitBudgetMs ? { waitBudgetMs: this.#waitBudgetMs } : {}),
      ...(this.#onWaiting ? { onWaiting: this.#onWaiting } : {}),
      ...(this.#waitingNoticeMs !== undefined ? { waitingNoticeMs: this.#waitingNoticeMs } : {}),
      ...(signal ? { signal } : {}),
    });
    return outcomes.map((outcome, i) => completeCreated(requests[i]!, outcome));
  }

  #prepare(op: BatchOp, authorize: boolean): PreparedRequest {
    // Only paths below our own API base: the token must never be sent anywhere else.
    if (/^[a-z][a-z0-9+.-]*:/i.test(op.path) || op.path.startsWith('//')) {
      throw new RangeError(`Batch paths are relative to the API base (/clients/42), not URLs: ${op.path.slice(0, 40)}`);
    }
    const path = op.path.startsWith('/') ? op.path : `/${op.path}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (authorize && this.#token) headers['Authorization'] = `Bearer ${this.#token}`;
    const http: PreparedRequest['http'] = { method: op.method, url: `${this.apiBase}${path}`, headers };
    if (op.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      http.body = typeof op.body === 'string' ? op.body : JSON.stringify(op.body);
    }
    return { method: op.method, path, http };
  }

  #record(outcome: Extract<Outcome, { ok: true }>, resource: ResourceName): PivorRecord {
    const data = outcome.data as { id?: unknown } | null;
    if (!data || typeof data !== 'object' || (typeof data.id !== 'number' && typeof data.id !== 'string')) {
      throw this.#badShape(`the answer has no ${resource} record`);
    }
    return data as PivorRecord;
  }

  #badShape(detail: string): PivorError {
    return new PivorError('bad-response', messages.badResponse(this.origin, detail));
  }
}

// A create's answer holds nulls for the columns the database fills: the record as it will read from now on.
function completeCreated(request: PreparedRequest, outcome: Outcome): Outcome {
  const resource = createdResource(request.method, request.path);
  if (!resource || !outcome.ok || typeof outcome.data !== 'object' || outcome.data === null || Array.isArray(outcome.data)) return outcome;
  return { ...outcome, data: withCreateDefaults(resource, outcome.data as Record<string, unknown>) };
}

function isUser(value: unknown): value is PivorUser {
  const user = value as Partial<PivorUser> | null;
  return !!user && typeof user === 'object' && user.id !== undefined && typeof user.email === 'string';
}

function isMeta(value: unknown): value is PageMeta {
  const meta = value as Partial<PageMeta> | null;
  return !!meta && typeof meta.current_page === 'number' && typeof meta.last_page === 'number' && typeof meta.total === 'number';
}

function encodeId(id: number | string): string {
  return encodeURIComponent(String(id));
}

// Every record of a list exactly once, while others create and delete records. Offset pages shift when records
// come and go: read one after another, they drop the records that slid back across a page edge and repeat
// those pushed forward. So the windows read here overlap, and a window is only taken when it holds a record
// already read (or starts the list): then nothing can hide between it and what came before, whatever moved in
// between. A window that holds none means records slid back past its edge: the gap is read again further back.
// Records are kept once by id. Windows that answer 500 are narrowed down (read-window.ts) and only the records
// Pivor cannot answer are left out, named. A list that keeps moving faster than it can be read ends
// "incomplete", never silently short.
import type { ListProgress, PivorClient, PivorRecord } from '../client.ts';
import { PivorError, messages } from '../errors.ts';
import type { ListQuery } from '../list-query.ts';
import type { ResourceName } from '../../resources/index.ts';
import { endOf, offsetOf, windowAfter, windowAround, type ListWindow } from './list-window.ts';
import { readWindow, type ListingContext, type WindowRead } from './read-window.ts';
import { nameUnreadable, type UnreadableRecord } from './unreadable.ts';

export interface ListingOptions {
  filters?: Record<string, string>;
  sort?: string;
  signal?: AbortSignal;
  /** Windows asked for at once once the first has said how many records there are. Default 4. */
  pagesAhead?: number;
  onProgress?: (progress: ListProgress) => void;
}

export interface ListingResult {
  /** Every record that existed throughout the listing was read (records Pivor cannot answer aside). */
  complete: boolean;
  /** Why not, for people, when not complete. */
  problem?: string;
  unreadable: UnreadableRecord[];
  /** Windows read (requests, narrowing aside). */
  windowsRead: number;
}

/** Windows read again (or dropped unread) allowed per window of the list, before giving up as "incomplete". */
const REREADS_PER_WINDOW = 1;
const REREADS_EXTRA = 20;

export class WholeListing {
  readonly #context: ListingContext;
  readonly #options: ListingOptions;
  readonly #seen = new Set<unknown>();
  readonly #unreadable = new Map<string, UnreadableRecord>();
  #windowsRead = 0;
  #rereads = 0;
  #result: ListingResult | undefined;

  constructor(client: PivorClient, resource: ResourceName, options: ListingOptions = {}) {
    const query: ListQuery = {};
    if (options.filters) query.filters = options.filters;
    if (options.sort !== undefined) query.sort = options.sort;
    this.#context = { client, resource, query, ...(options.signal ? { signal: options.signal } : {}) };
    this.#options = options;
  }

  /** How the listing ended; set once `records()` has run to its end. */
  get result(): ListingResult {
    if (!this.#result) throw new Error('The listing has not finished.');
    return this.#result;
  }

  /** Records never yielded before, a window's worth at a time, in list order. */
  async *records(): AsyncGenerator<PivorRecord[], void, undefined> {
    const first = await this.#read(windowAfter(0));
    yield* this.#take(first);
    if (first.reachedEnd) return this.#finish(true);
    const budget = Math.ceil(first.total / 90) * REREADS_PER_WINDOW + REREADS_EXTRA;
    const size = Math.max(1, Math.floor(this.#options.pagesAhead ?? 4));
    let ahead = new Lookahead((window) => this.#read(window), size, first.total);
    ahead.planFrom(endOf(first.window));
    let gapAt: number | undefined; // where a window did not join: records slid back past its start
    let back = 0;
    while (this.#rereads <= budget) {
      const read = gapAt === undefined ? await ahead.next() : await this.#reread(windowAround(gapAt - back));
      if (!this.#links(read)) {
        if (gapAt === undefined) {
          this.#rereads += ahead.drop();
          gapAt = offsetOf(read.window);
        }
        back = back === 0 ? 50 : back * 2;
        continue;
      }
      yield* this.#take(read);
      if (read.reachedEnd) return this.#finish(true);
      if (gapAt !== undefined) {
        gapAt = undefined;
        back = 0;
        ahead = new Lookahead((window) => this.#read(window), size, read.total);
      }
      ahead.planFrom(endOf(read.window));
    }
    this.#rereads += ahead.drop();
    return this.#finish(false, `Pivor's ${this.#context.resource} list kept changing while it was read (records created or deleted by others), so some records may be missing. Run it again when fewer people are editing.`);
  }

  #reread(window: ListWindow): Promise<WindowRead> {
    this.#rereads += 1;
    return this.#read(window);
  }

  async #read(window: ListWindow): Promise<WindowRead> {
    if (this.#context.signal?.aborted) throw new PivorError('cancelled', messages.cancelled);
    this.#windowsRead += 1;
    const read = await readWindow(this.#context, window);
    if (read.unreadable.length > 0) {
      for (const record of await nameUnreadable(this.#context, read)) {
        this.#unreadable.set(record.id !== undefined ? `#${record.id}` : `@${record.position}`, record);
      }
    }
    return read;
  }

  /** A window joins the chain when it starts the list or holds a record already read, and was read in one piece. */
  #links(read: WindowRead): boolean {
    if (read.unsettled) return false;
    return offsetOf(read.window) === 0 || read.records.some(({ record }) => this.#seen.has(record.id));
  }

  *#take(read: WindowRead): Generator<PivorRecord[], void, undefined> {
    const fresh = read.records.map((r) => r.record).filter((record) => !this.#seen.has(record.id));
    for (const record of fresh) this.#seen.add(record.id);
    const windows = Math.max(1, Math.ceil(read.total / 90));
    this.#options.onProgress?.({ loaded: this.#seen.size, total: Math.max(read.total, this.#seen.size), page: Math.min(windows, this.#windowsRead), lastPage: windows });
    if (fresh.length > 0) yield fresh;
  }

  #finish(complete: boolean, problem?: string): void {
    this.#result = {
      complete, unreadable: [...this.#unreadable.values()].sort((a, b) => a.position - b.position),
      windowsRead: this.#windowsRead, ...(problem ? { problem } : {}),
    };
  }
}

/** Windows planned one after another from a point, `size` of them read at once, handed out in order. */
class Lookahead {
  readonly #queue: { window: ListWindow; read: Promise<WindowRead> }[] = [];
  #plannedEnd = 0;

  constructor(readonly read: (window: ListWindow) => Promise<WindowRead>, readonly size: number, readonly total: number) {}

  /** Keeps `size` windows in flight, planned from `end` on, none starting past the list's last known end. */
  planFrom(end: number): void {
    this.#plannedEnd = Math.max(this.#plannedEnd, end);
    while (this.#queue.length < this.size && (this.#queue.length === 0 || this.#plannedEnd < this.total)) {
      const window = windowAfter(this.#plannedEnd);
      const read = this.read(window);
      read.catch(() => {}); // awaited in its turn; a listing left early must not leave a rejection unhandled
      this.#queue.push({ window, read });
      this.#plannedEnd = endOf(window);
    }
  }

  next(): Promise<WindowRead> {
    const head = this.#queue.shift();
    if (!head) {
      this.planFrom(this.#plannedEnd);
      return this.next();
    }
    return head.read;
  }

  /** Forgets the windows planned; returns how many were in flight. */
  drop(): number {
    const dropped = this.#queue.length;
    this.#queue.length = 0;
    return dropped;
  }
}

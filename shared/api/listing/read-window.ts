// Reads one window of a list. A window Pivor answers with a 500 is narrowed down, pieces of 10 then single
// records, so that only the records Pivor cannot answer are left out (its initials bug: every answer holding a
// contact whose name starts with a non-ASCII character fails) and their positions are known.
import type { ResourceName } from '../../resources/index.ts';
import type { Page, PivorClient, PivorRecord } from '../client.ts';
import { PivorError } from '../errors.ts';
import type { ListQuery } from '../list-query.ts';
import { endOf, offsetOf, windowsCovering, type ListWindow } from './list-window.ts';

export interface WindowRead {
  window: ListWindow;
  /** The records read, in list order, each with its position in the list when it was read. */
  records: { position: number; record: PivorRecord }[];
  /** Positions whose record Pivor answers only with a 500. */
  unreadable: number[];
  /** meta.total as the (last) answer said. */
  total: number;
  /** The list ended inside this window. */
  reachedEnd: boolean;
  /** The narrowed pieces disagreed on the total: records came or went while they were read. */
  unsettled: boolean;
}

export interface ListingContext {
  client: PivorClient;
  resource: ResourceName;
  query: ListQuery;
  signal?: AbortSignal;
}

/** Tries for a piece of a narrowed window (one retry, in case the 500 was a passing one), and for one record. */
const PIECE_ATTEMPTS = 2;
const RECORD_ATTEMPTS = 4;

export async function readWindow(context: ListingContext, window: ListWindow): Promise<WindowRead> {
  return (await readWindows(context, [window]))[0]!;
}

/** Several windows in one batch (Apps Script: one fetchAll); only those answering 500 are narrowed down. */
export async function readWindows(context: ListingContext, windows: readonly ListWindow[]): Promise<WindowRead[]> {
  const answers = await context.client.listPages(context.resource, windows.map((window) => queryFor(context, window)), optionsOf(context));
  const reads: WindowRead[] = [];
  for (const [index, window] of windows.entries()) {
    const answer = answers[index];
    reads.push(isServerError(answer) ? await narrow(context, window) : fromPages(window, [[window, pageOrThrow(answer)]], []));
  }
  return reads;
}

async function narrow(context: ListingContext, window: ListWindow): Promise<WindowRead> {
  const from = offsetOf(window);
  const to = endOf(window);
  const pages: [ListWindow, Page][] = [];
  let failing = window.perPage > 10 ? windowsCovering(from, to, 10) : [window];
  if (window.perPage > 10) failing = await readPieces(context, failing, PIECE_ATTEMPTS, pages);
  const singles = failing.flatMap((piece) => windowsCovering(Math.max(from, offsetOf(piece)), Math.min(to, endOf(piece)), 1));
  const unreadable = (await readPieces(context, singles, RECORD_ATTEMPTS, pages)).map(offsetOf);
  return fromPages(window, pages, unreadable);
}

/** Reads the pieces in one batch; keeps the pages read, returns the pieces that answered 500. */
async function readPieces(context: ListingContext, pieces: ListWindow[], attempts: number, pages: [ListWindow, Page][]): Promise<ListWindow[]> {
  const answers = await context.client.listPages(context.resource, pieces.map((piece) => queryFor(context, piece)), { ...optionsOf(context), attempts });
  const failing: ListWindow[] = [];
  answers.forEach((answer, index) => {
    if (isServerError(answer)) failing.push(pieces[index]!);
    else pages.push([pieces[index]!, pageOrThrow(answer)]);
  });
  return failing;
}

/** Puts the pieces together: records by position inside the window, up to where the list ended. */
function fromPages(window: ListWindow, pages: [ListWindow, Page][], unreadable: number[]): WindowRead {
  const from = offsetOf(window);
  const to = endOf(window);
  let end = Infinity;
  const totals = new Set<number>();
  const byPosition = new Map<number, PivorRecord>();
  for (const [piece, page] of pages) {
    totals.add(page.meta.total);
    const offset = offsetOf(piece);
    if (page.data.length < piece.perPage) end = Math.min(end, offset + page.data.length);
    page.data.forEach((record, index) => {
      const position = offset + index;
      if (position >= from && position < to) byPosition.set(position, record);
    });
  }
  const total = pages.length > 0 ? pages[pages.length - 1]![1].meta.total : Math.max(from + unreadable.length, 0);
  const inList = (position: number) => position < end;
  const records = [...byPosition].filter(([position]) => inList(position)).sort((a, b) => a[0] - b[0]).map(([position, record]) => ({ position, record }));
  const lastPosition = Math.max(-1, ...records.map((r) => r.position), ...unreadable);
  return {
    window, records, unreadable: unreadable.filter(inList).sort((a, b) => a - b), total,
    reachedEnd: end !== Infinity || lastPosition + 1 >= total,
    unsettled: totals.size > 1,
  };
}

function queryFor(context: ListingContext, window: ListWindow): ListQuery {
  return { ...context.query, page: window.page, perPage: window.perPage };
}

function optionsOf(context: ListingContext): { signal?: AbortSignal } {
  return context.signal ? { signal: context.signal } : {};
}

function isServerError(answer: Page | PivorError | undefined): boolean {
  return answer instanceof PivorError && answer.kind === 'server' && answer.status === 500;
}

function pageOrThrow(answer: Page | PivorError | undefined): Page {
  if (answer === undefined) throw new PivorError('cancelled', 'Cancelled.');
  if (answer instanceof PivorError) throw answer;
  return answer;
}

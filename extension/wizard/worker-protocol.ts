// Messages between the wizard page and its CSV worker. The worker keeps the parsed table and its reports, so a
// 100,000-row file is read, validated and planned off the page's thread. A large answer may come in parts before
// its result: each part's copy takes the page a few milliseconds, where one message would hold it for a second.
import type { CsvEncoding, Delimiter, ReadProblem } from '../../shared/csv/index.ts';
import type { ResourceDetection } from '../../shared/map/index.ts';
import type { ReplaceQuery } from './find-replace.ts';
import type { CellEdit } from './table-edits.ts';

export interface ParseSummary {
  headers: string[];
  records: number;
  /** Data rows in the file, including those the reader could not use (their problems say why). */
  rows: number;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  problems: ReadProblem[];
  /** Up to three distinct non-empty values per column, from the first rows, for the mapping step. */
  samples: string[][];
  /** Per column, how many records hold a value in it (0: an empty column, hidden on the mapping step). */
  filled: number[];
  /** The first rows' values per column, which the mapping looks at as validation does (see columnSamples). */
  mappingSamples: string[][];
  detection: ResourceDetection;
}

export type WorkerRequest =
  | { id: number; kind: 'parse'; bytes: ArrayBuffer }
  | { id: number; kind: 'validate'; args: unknown }
  /** Plans a report the worker made and still holds: `report` is the id of the validate request (plan-in-worker.ts). */
  | { id: number; kind: 'plan'; report: number; args: unknown }
  /** A cell fixed in the review grid: the table takes it (answers the text it replaced). */
  | { id: number; kind: 'edit'; edit: CellEdit }
  /** Several cells at once (an undone replacement): the table takes them all (answers the texts they replaced). */
  | { id: number; kind: 'edits'; edits: CellEdit[] }
  /** What a find and replace in a column would change (answers a ReplacePreview); `apply`: change it (answers the Replacements). */
  | { id: number; kind: 'replace'; query: ReplaceQuery; apply: boolean }
  /** The table as corrected, as CSV text. */
  | { id: number; kind: 'corrected' }
  /** The cells fixed since the file was read, the last text of each, in row and column order (CellEdit[]). */
  | { id: number; kind: 'fixes' };

export type WorkerResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string }
  /** Items of one of the answer's lists (its property `list`), in order, sent ahead of the rest of it. */
  | { id: number; ok: 'part'; list: string; items: unknown[] };

/**
 * Items per part: each part's copy then takes a few milliseconds of the page's thread (a part of 2,000 checked rows
 * took 40-90 ms of its CPU, with the garbage collection it set off).
 */
const PART_SIZE = 500;

/** Sends the listed properties of `answer` in parts; returns the rest, to be sent as the result. */
export function inParts<T extends object, K extends keyof T & string>(
  answer: T, lists: readonly K[], sendPart: (list: string, items: unknown[]) => void,
): Omit<T, K> {
  const rest: Partial<T> = { ...answer };
  for (const list of lists) {
    const items = answer[list] as unknown[];
    for (let i = 0; i < items.length; i += PART_SIZE) sendPart(list, items.slice(i, i + PART_SIZE));
    delete rest[list];
  }
  return rest as Omit<T, K>;
}

// Messages between the wizard page and its push worker. The worker sends the requests; the page keeps what only
// it can reach (chrome.storage, where the journal lives) and shows progress.
import type { Plan, PushJournal, PushProgress, PushResult } from '../../shared/push/index.ts';
import type { PushTimings } from '../../shared/push/push-timeline.ts';

export type ToPushWorker =
  /** The plan's actions, a slice at a time: one message of 100,000 would hold the page while it is copied. */
  | { kind: 'actions'; actions: Plan['actions'] }
  | {
      kind: 'push';
      baseUrl: string;
      token: string;
      /** The plan, its actions sent before in 'actions' messages. */
      plan: Omit<Plan, 'actions'>;
      journalKey: string;
      /** The journal of an earlier run of this push, read by the page. */
      journal: PushJournal | null;
      concurrency: number;
    }
  | { kind: 'cancel' }
  /** The page has done the journal write `seq` (or could not: `error`). */
  | { kind: 'written'; seq: number; error?: string };

export type FromPushWorker =
  /** Write this journal, already serialized (a string crosses threads and reaches chrome.storage cheaply). */
  | { kind: 'save'; seq: number; key: string; json: string }
  /** Delete this journal: the push is over and nothing in it is left to resume. */
  | { kind: 'clear'; seq: number; key: string }
  | { kind: 'progress'; progress: PushProgress }
  /** The push is over; `timings` say where its time went (the benchmark reads them). */
  | { kind: 'done'; result: PushResult; timings: PushTimings }
  | { kind: 'failed'; message: string };

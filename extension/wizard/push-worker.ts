// The push, off the page's thread: the core's executePlan over plain fetch, in a dedicated worker. The page's thread
// stays free for the progress and the Cancel button however many rows go, and the requests never wait for a render.
// The journal is kept by the page (chrome.storage is not reachable from here): each save is handed over as JSON,
// and each save or clear counts as done only when the page says it is written.
import { PivorClient } from '../../shared/api/client.ts';
import { createFetchTransport } from '../../shared/api/fetch-transport.ts';
import { executePlan, type JournalStore, type Plan, type PushJournal, type PushProgress } from '../../shared/push/index.ts';
import { PushTimeline } from '../../shared/push/push-timeline.ts';
import type { FromPushWorker, ToPushWorker } from './push-protocol.ts';

// Progress at most twice a second. Each one re-renders the wizard and animates the bar's width for 0.2 s: ten a
// second kept the bar animating without pause (style, layout and paint every frame), which took about a fifth of
// the CPU the whole push used per row (measured by process in bench/extension-push.ts); two a second still read
// as steady progress.
const PROGRESS_EVERY_MS = 500;

const controller = new AbortController();
const actions: Plan['actions'] = [];
const waitingWrites = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
let nextSeq = 1;

const post = (message: FromPushWorker) => postMessage(message);

/** Asks the page for a journal write and waits for its answer. */
function pageWrite(write: { kind: 'save'; key: string; json: string } | { kind: 'clear'; key: string }): Promise<void> {
  const seq = nextSeq++;
  return new Promise<void>((resolve, reject) => {
    waitingWrites.set(seq, { resolve, reject });
    post({ ...write, seq });
  });
}

function pageJournal(earlier: PushJournal | null, timeline: PushTimeline): JournalStore {
  return {
    load: async () => earlier,
    // Serialized now: the push keeps changing the journal while the page writes it.
    save: (key, journal) => {
      const json = JSON.stringify(journal);
      timeline.wrote(json.length);
      return pageWrite({ kind: 'save', key, json });
    },
    clear: (key) => pageWrite({ kind: 'clear', key }),
  };
}

function throttled(report: (progress: PushProgress) => void): (progress: PushProgress) => void {
  let last = 0;
  return (progress) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && progress.done < progress.total) return;
    last = now;
    report(progress);
  };
}

async function push(request: Extract<ToPushWorker, { kind: 'push' }>): Promise<void> {
  // Where the time goes (requests in flight, journal saves), for the benchmark: a few counters per request.
  const timeline = new PushTimeline(request.concurrency);
  const transport = timeline.transport(createFetchTransport({ concurrency: Math.max(6, request.concurrency) }));
  const client = new PivorClient({ baseUrl: request.baseUrl, token: request.token, transport });
  try {
    const result = await executePlan(client, { ...request.plan, actions }, {
      concurrency: request.concurrency,
      journal: timeline.journal(pageJournal(request.journal, timeline)),
      journalKey: request.journalKey,
      signal: controller.signal,
      onProgress: throttled((progress) => post({ kind: 'progress', progress })),
    });
    post({ kind: 'done', result, timings: timeline.timings() });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

self.onmessage = (event: MessageEvent<ToPushWorker>) => {
  const message = event.data;
  if (message.kind === 'actions') for (const action of message.actions) actions.push(action);
  else if (message.kind === 'push') void push(message);
  else if (message.kind === 'cancel') controller.abort();
  else {
    const waiting = waitingWrites.get(message.seq);
    waitingWrites.delete(message.seq);
    if (message.error === undefined) waiting?.resolve();
    else waiting?.reject(new Error(message.error));
  }
};

// The page's side of a push: starts the push worker, does the journal writes it hands over in chrome.storage,
// passes progress on, and cancels it when asked. One worker per push, ended with it.
import type { Plan, PushProgress, PushResult } from '../../shared/push/index.ts';
import type { Session } from '../storage/session-store.ts';
import { chromeJournalStore, saveJournalJson } from '../storage/journal-store.ts';
import { nextTurn } from '../lib/next-turn.ts';
import type { FromPushWorker, ToPushWorker } from './push-protocol.ts';
import PushWorker from './push-worker.ts?worker';

export interface PushInWorkerOptions {
  journalKey: string;
  concurrency: number;
  onProgress: (progress: PushProgress) => void;
  signal: AbortSignal;
}

// Actions per message; each copy then takes a few milliseconds of the page's thread, with a turn between them.
const SLICE = 2000;

async function sendActions(send: (message: ToPushWorker) => void, actions: Plan['actions']): Promise<void> {
  for (let i = 0; i < actions.length; i += SLICE) {
    send({ kind: 'actions', actions: actions.slice(i, i + SLICE) });
    await nextTurn();
  }
}

export async function pushInWorker(session: Pick<Session, 'baseUrl' | 'token'>, plan: Plan, options: PushInWorkerOptions): Promise<PushResult> {
  const journal = await chromeJournalStore.load(options.journalKey);
  const worker = new PushWorker();
  const send = (message: ToPushWorker) => worker.postMessage(message);
  const cancel = () => send({ kind: 'cancel' });
  options.signal.addEventListener('abort', cancel);
  const { actions, ...rest } = plan;
  try {
    // Where the sending starts, after the lock, the re-plan and the journal read: the benchmark reads this mark.
    performance.mark('pivor-push-sending');
    await sendActions(send, actions);
    // Time the page's chrome.storage writes took, apart from the round trip the worker sees.
    let storageWriteMs = 0;
    return await new Promise<PushResult>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromPushWorker>) => {
        const message = event.data;
        if (message.kind === 'save' || message.kind === 'clear') {
          const began = performance.now();
          const write = message.kind === 'save' ? saveJournalJson(message.key, message.json) : chromeJournalStore.clear(message.key);
          write.then(
            () => {
              storageWriteMs += performance.now() - began;
              send({ kind: 'written', seq: message.seq });
            },
            (error: unknown) => send({ kind: 'written', seq: message.seq, error: error instanceof Error ? error.message : String(error) }),
          );
        } else if (message.kind === 'progress') options.onProgress(message.progress);
        else if (message.kind === 'done') {
          performance.mark('pivor-push-timings', { detail: { ...message.timings, storageWriteMs } });
          resolve(message.result);
        }
        else reject(new Error(message.message));
      };
      worker.onerror = (event) => reject(new Error(event.message || 'The push stopped unexpectedly.'));
      send({ kind: 'push', baseUrl: session.baseUrl, token: session.token, plan: rest, journalKey: options.journalKey, journal, concurrency: options.concurrency });
      if (options.signal.aborted) cancel();
    });
  } finally {
    options.signal.removeEventListener('abort', cancel);
    worker.terminate();
  }
}

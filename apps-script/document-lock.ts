// The document lock around reads-then-writes of document properties that two executions may do at once
// (two people, or one person in two tabs): the push mark and the push journal. Held only for the
// property work itself, never across a request to Pivor.
import { UserError } from './rpc-result.ts';

const WAIT_MS = 10_000;

export function withDocumentLock<T>(work: (props: GoogleAppsScript.Properties.Properties) => T): T {
  // null outside a document's context, where no second execution can reach the sheet anyway
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  if (!lock) return work(PropertiesService.getDocumentProperties());
  if (!lock.tryLock(WAIT_MS)) throw new UserError('The spreadsheet is busy: try again in a moment.');
  try {
    return work(PropertiesService.getDocumentProperties());
  } finally {
    lock.releaseLock();
  }
}

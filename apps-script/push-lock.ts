// One person pushing a sheet at a time. Two people pushing the same sheet at once would both send its new
// rows (each push saves its journal between its own steps, not the other's), so a push in progress keeps a
// mark in the document's properties: for whom (Apps Script's per-user key, and the Pivor user's name for
// the message), refreshed by every step, removed when the push ends. Someone else's push is refused while
// the mark is fresh; the same person may always push again (after a step Apps Script cut short, say: the
// journal keeps that safe). A mark left by a sidebar closed mid-push stops counting after five minutes.
// LockService makes reading and setting the mark one step.
import { currentUser } from './pivor-session.ts';
import { UserError } from './rpc-result.ts';

/** How long a push's last step keeps the sheet from other people: far longer than a step takes. */
export const PUSH_MARK_FRESH_MS = 5 * 60 * 1000;

interface PushMark { user: string; who: string; at: number }

function key(sheetId: number): string {
  return `pivor.push.${sheetId}`;
}

function readMark(props: GoogleAppsScript.Properties.Properties, sheetId: number): PushMark | null {
  const text = props.getProperty(key(sheetId));
  if (!text) return null;
  try {
    const mark = JSON.parse(text) as Partial<PushMark>;
    return typeof mark.user === 'string' && typeof mark.at === 'number' ? { user: mark.user, who: String(mark.who ?? 'Someone'), at: mark.at } : null;
  } catch {
    return null;
  }
}

function withDocumentLock<T>(work: (props: GoogleAppsScript.Properties.Properties) => T): T {
  // null outside a document's context, where no second person can reach the sheet anyway
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  if (!lock) return work(PropertiesService.getDocumentProperties());
  if (!lock.tryLock(10_000)) throw new UserError('The spreadsheet is busy: try again in a moment.');
  try {
    return work(PropertiesService.getDocumentProperties());
  } finally {
    lock.releaseLock();
  }
}

/**
 * Refuses when someone else's push of the sheet is under way. With `claim`, the sheet is this person's
 * from now on (each step claims it again, which keeps the mark fresh).
 */
export function holdSheetForPush(sheetId: number, claim: boolean): void {
  withDocumentLock((props) => {
    const mark = readMark(props, sheetId);
    const user = Session.getTemporaryActiveUserKey();
    const now = Date.now();
    if (mark && mark.user !== user && now - mark.at < PUSH_MARK_FRESH_MS) {
      const minutes = Math.floor((now - mark.at) / 60_000);
      const when = minutes < 1 ? 'less than a minute ago' : `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
      throw new UserError(
        `${mark.who} is pushing this sheet (last step ${when}). Wait until that push ends, then review again; ` +
        'a push whose sidebar was closed stops holding the sheet after five minutes.',
      );
    }
    if (claim) {
      const signedIn = currentUser();
      const who = signedIn ? `${signedIn.name} (${signedIn.email})` : 'Someone';
      props.setProperty(key(sheetId), JSON.stringify({ user, who, at: now } satisfies PushMark));
    }
  });
}

/** This person's push of the sheet ended: the sheet is free for others (someone else's mark is left alone). */
export function releaseSheetAfterPush(sheetId: number): void {
  withDocumentLock((props) => {
    if (readMark(props, sheetId)?.user === Session.getTemporaryActiveUserKey()) props.deleteProperty(key(sheetId));
  });
}

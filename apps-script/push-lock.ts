// One push of a sheet at a time. Two pushes of the same sheet at once would both send its new rows (each
// saves its journal between its own steps, not the other's), so a push in progress keeps a mark in the
// document's properties: its execution token (made when the push was reviewed, carried by the sidebar from
// step to step), for whom (Apps Script's per-user key, and the Pivor user's name for the message), and the
// time of its last step. Any other push is refused while the mark is fresh: another person's, and the same
// person's from another window or tab. A mark left by a sidebar closed mid-push stops counting after five
// minutes; the push that made it may always take its next step (after a step Apps Script cut short, say:
// the journal keeps that safe). A scheduled refresh holds the same mark while it pulls, so no push starts
// from a sheet being rewritten under it. The document lock makes reading and setting the mark one step.
import { currentUser } from './pivor-session.ts';
import { withDocumentLock } from './document-lock.ts';
import { UserError } from './rpc-result.ts';

/** How long a push's last step keeps the sheet from other people: far longer than a step takes. */
export const PUSH_MARK_FRESH_MS = 5 * 60 * 1000;

/** What holds the sheet: a push, or a scheduled refresh pulling it. */
export type SheetHolder = 'push' | 'refresh';

interface PushMark { user: string; who: string; at: number; token: string; what: SheetHolder }

function key(sheetId: number): string {
  return `pivor.push.${sheetId}`;
}

function readMark(props: GoogleAppsScript.Properties.Properties, sheetId: number): PushMark | null {
  const text = props.getProperty(key(sheetId));
  if (!text) return null;
  try {
    const mark = JSON.parse(text) as Partial<PushMark>;
    return typeof mark.user === 'string' && typeof mark.at === 'number'
      ? { user: mark.user, who: String(mark.who ?? 'Someone'), at: mark.at, token: String(mark.token ?? ''), what: mark.what === 'refresh' ? 'refresh' : 'push' }
      : null;
  } catch {
    return null;
  }
}

/** A token for a new push: what its steps show to prove they belong to it. */
export function newPushToken(): string {
  return Utilities.getUuid();
}

function since(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000);
  return minutes < 1 ? 'less than a minute ago' : `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
}

/**
 * Refuses when another push of the sheet is under way (another person's, or this person's in another
 * window), or a scheduled refresh is pulling it. With `claim`, the sheet is this push's (or this refresh's)
 * from now on (each step claims it again, which keeps the mark fresh).
 */
export function holdSheetForPush(sheetId: number, token: string, claim: boolean, what: SheetHolder = 'push'): void {
  withDocumentLock((props) => {
    const mark = readMark(props, sheetId);
    const user = Session.getTemporaryActiveUserKey();
    const now = Date.now();
    if (mark && (mark.token !== token || mark.user !== user) && now - mark.at < PUSH_MARK_FRESH_MS) throw new UserError(heldBy(mark, user, now));
    if (claim) {
      const signedIn = currentUser();
      const who = signedIn ? `${signedIn.name} (${signedIn.email})` : 'Someone';
      props.setProperty(key(sheetId), JSON.stringify({ user, who, at: now, token, what } satisfies PushMark));
    }
  });
}

function heldBy(mark: PushMark, user: string, now: number): string {
  if (mark.what === 'refresh') {
    return `A scheduled refresh is getting this sheet from Pivor (last step ${since(mark.at, now)}). ` +
      'Review your changes again when it has finished, in a minute or two.';
  }
  if (mark.user === user) {
    return `You are already pushing this sheet in another window or tab (last step ${since(mark.at, now)}). Let that push finish there; ` +
      'if you closed it, the sheet is free again five minutes after its last step.';
  }
  return `${mark.who} is pushing this sheet (last step ${since(mark.at, now)}). Wait until that push ends, then review again; ` +
    'a push whose sidebar was closed stops holding the sheet after five minutes.';
}

/** This push ended: the sheet is free for others (another push's mark is left alone). */
export function releaseSheetAfterPush(sheetId: number, token: string): void {
  withDocumentLock((props) => {
    const mark = readMark(props, sheetId);
    if (mark?.token === token && mark.user === Session.getTemporaryActiveUserKey()) props.deleteProperty(key(sheetId));
  });
}

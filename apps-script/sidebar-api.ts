// The functions the sidebar calls through google.script.run. Each returns an RpcResult (never a Date or
// anything JSON cannot carry) and takes plain JSON arguments, checked here: the sidebar is a web page.
import { isResourceName, type ResourceName } from '../shared/resources/index.ts';
import { currentUser, lastBaseUrl, signInWithPassword, signInWithToken, signOut as revokeAndForget } from './pivor-session.ts';
import { pullSlice as runPullSlice, pullStart as runPullStart, type PullJob } from './pull.ts';
import { rpc, UserError } from './rpc-result.ts';
import { registeredSheets } from './sheet-registry.ts';

function resourceArg(value: unknown): ResourceName {
  if (typeof value !== 'string' || !isResourceName(value)) throw new UserError(`Unknown resource: ${String(value)}`);
  return value;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UserError(`Enter ${what}.`);
  return value;
}

export function getSidebarState() {
  return rpc(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return {
      user: currentUser(),
      lastBaseUrl: lastBaseUrl(),
      timeZone: ss.getSpreadsheetTimeZone(),
      sheets: registeredSheets(ss).map(({ sheetId, name, resource, pulledAt, rows, imported }) => ({ sheetId, name, resource, pulledAt: pulledAt ?? null, rows: rows ?? null, imported: !!imported })),
    };
  });
}

export function signIn(form: { baseUrl?: unknown; email?: unknown; password?: unknown; token?: unknown }) {
  return rpc(() => {
    const baseUrl = text(form?.baseUrl, "Pivor's address");
    if (typeof form.token === 'string' && form.token.trim() !== '') return signInWithToken(baseUrl, form.token);
    return signInWithPassword(baseUrl, text(form.email, 'your email'), text(form.password, 'your password'));
  }, false);
}

export function signOut() {
  return rpc(() => revokeAndForget());
}

export function pullStart(resource: unknown) {
  return rpc(() => runPullStart(resourceArg(resource)));
}

export function pullSlice(job: PullJob) {
  return rpc(() => {
    resourceArg(job?.resource);
    return runPullSlice(job);
  });
}

// Plays the sidebar's part against the vm: the same server calls in the same order (sign in, pull slice
// after slice, review then push slice after slice), for tests that look at the sheet rather than the page.
import { expect } from 'vitest';
import type { PullProgress, PushProgress, PushSummary } from '../../../apps-script/sidebar/types.ts';
import type { GasEnvironment } from './gas-environment.ts';

type Rpc<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

export async function rpc<T>(gas: GasEnvironment, name: string, ...args: unknown[]): Promise<T> {
  const result = (await gas.run(name, ...args)) as Rpc<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

export async function signInAdmin(gas: GasEnvironment, url: string, email = 'admin@pivor.dev'): Promise<{ email: string; name: string }> {
  return rpc(gas, 'signIn', { baseUrl: url, email, password: 'password' });
}

export async function pullAll(gas: GasEnvironment, resource: string): Promise<PullProgress[]> {
  const slices = [await rpc<PullProgress>(gas, 'pullStart', resource)];
  while (!slices.at(-1)!.finished) slices.push(await rpc<PullProgress>(gas, 'pullSlice', slices.at(-1)!.job));
  return slices;
}

export function sheetIdOf(gas: GasEnvironment, name: string): number {
  const sheet = gas.spreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  expect(sheet, `sheet ${name}`).not.toBeNull();
  return sheet!.getSheetId();
}

export interface PushOutcome {
  summary: PushSummary;
  slices: PushProgress[];
  last: PushProgress;
}

/** The token of the last push each environment's "sidebar" ran, handed back at review as the sidebar does. */
const lastToken = new WeakMap<GasEnvironment, string>();

/** Review (with names Pivor cannot handle sent anyway when asked), then push with the given deletes confirmed ('all', none by default), slice after slice. */
export async function pushAll(
  gas: GasEnvironment, sheetName: string, options: { deletes?: 'all' | number[]; maxSlices?: number; sendNonAsciiNames?: boolean } = {},
): Promise<PushOutcome> {
  const summary = await rpc<PushSummary>(gas, 'pushPrepare', sheetIdOf(gas, sheetName), lastToken.get(gas) ?? null, options.sendNonAsciiNames === true);
  lastToken.set(gas, summary.run.token);
  const ids = options.deletes === 'all' ? summary.deletes.map((d) => d.id) : options.deletes ?? [];
  const slices = [await rpc<PushProgress>(gas, 'pushStart', summary.run, ids)];
  while (!slices.at(-1)!.finished && !slices.at(-1)!.stopped && slices.length < (options.maxSlices ?? 100)) {
    slices.push(await rpc<PushProgress>(gas, 'pushSlice', slices.at(-1)!.run));
  }
  return { summary, slices, last: slices.at(-1)! };
}

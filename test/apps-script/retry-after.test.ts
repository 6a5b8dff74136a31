// A Retry-After longer than an Apps Script run has left is not waited out: the step ends at once saying
// when to go on, instead of sleeping into Apps Script's 6-minute limit and dying mid-step. A short one
// is waited, as Google's Utilities.sleep blocks.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { buildOnce } from './harness/build-once.ts';
import { GasEnvironment } from './harness/gas-environment.ts';

let sandbox: SandboxProcess | undefined;
let gas: GasEnvironment | undefined;

afterEach(async () => {
  await gas?.close();
  await sandbox?.close();
});

/** Every request of this sandbox is answered 429 with the given Retry-After. */
async function rateLimited(seconds: number, extraTime?: { ms: number }): Promise<GasEnvironment> {
  buildOnce();
  sandbox = await startSandboxProcess(['--seed', 'users', '--quiet', '--rate-limit-rate', '1', '--retry-after', String(seconds)]);
  gas = new GasEnvironment(extraTime ? { extraTime } : {});
  // Signed in before the limit began (sign-in itself would be refused).
  gas.properties.getUserProperties().setProperties({
    'pivor.baseUrl': sandbox.url, 'pivor.token': '1|token', 'pivor.user': JSON.stringify({ name: 'Admin', email: 'admin@pivor.dev', role: 'admin' }),
  });
  return gas;
}

describe('Retry-After in an Apps Script step', () => {
  it('is not waited when it is longer than the step has left: the answer says when to try again', async () => {
    // The request itself takes the step to 5 minutes: 30 s more would leave no time to write anything.
    const extraTime = { ms: 0 };
    const env = await rateLimited(30, extraTime);
    env.urlFetch._onCall = () => { extraTime.ms += 5 * 60_000; };
    const result = (await env.run('pullStart', 'contacts')) as { ok: boolean; error: { kind: string; message: string } };
    expect(result).toEqual({ ok: false, error: { kind: 'rate-limited', message: 'Pivor is rate limiting requests; try again in 30 s.' } });
    expect(env.utilities._sleptMs).toBe(0);
    expect(env.urlFetch.sent).toHaveLength(1);
  }, 60_000);

  it('is waited when the step has time for it', async () => {
    const env = await rateLimited(1);
    const result = (await env.run('pullStart', 'contacts')) as { ok: boolean; error: { kind: string } };
    expect(result.ok).toBe(false);
    expect(result.error.kind).toBe('rate-limited');
    // Five tries, four waits of the second asked for.
    expect(env.utilities._sleptMs).toBe(4_000);
    expect(env.urlFetch.sent).toHaveLength(5);
  }, 60_000);
});

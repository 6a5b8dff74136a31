// Test helper: a fresh Pivor sandbox per test, on a free port, and clients signed in to it over real HTTP.
import { afterEach, beforeEach } from 'vitest';
import type { Sandbox as SandboxHandle } from '../../sandbox/index.ts';
import { onRealPivor, startTestServer } from '../helpers/test-server.ts';
import { createFetchTransport, PivorClient, PivorError, type PivorClientOptions } from '../../shared/api/index.ts';

export type Sandbox = SandboxHandle;
type Seed = 'users' | 'demo' | 'none';

/** Starts a sandbox before each test of the file and closes it after; read `.current` inside a test. */
export function useSandbox(seed: Seed = 'users'): { current: Sandbox } {
  const holder = {} as { current: Sandbox };
  beforeEach(async () => {
    holder.current = await startTestServer({ seed });
  });
  afterEach(async () => {
    await holder.current.close();
  });
  return holder;
}

/** A client with no token, waits really slept but kept short (tests assert on what was asked). */
export function clientFor(sandbox: Sandbox, options: Partial<PivorClientOptions> = {}): PivorClient {
  return new PivorClient({
    baseUrl: sandbox.url,
    // Real Pivor hashes passwords with bcrypt (12 rounds): a sign-in may take seconds on a busy machine.
    transport: createFetchTransport({ timeoutMs: onRealPivor ? 30_000 : 5_000 }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5))),
    ...options,
  });
}

export async function signIn(sandbox: Sandbox, email = 'admin@pivor.dev', options: Partial<PivorClientOptions> = {}): Promise<PivorClient> {
  const client = clientFor(sandbox, options);
  await client.createToken(email, 'password', 'vitest');
  return client;
}

/** The PivorError a promise rejects with (fails the test if it resolves or throws something else). */
export async function failure(promise: Promise<unknown>): Promise<PivorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PivorError) return error;
    throw error;
  }
  throw new Error('expected a PivorError, but the call succeeded');
}

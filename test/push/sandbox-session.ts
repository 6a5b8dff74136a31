// Test plumbing for the push and export suites: a sandbox in this process and a signed-in PivorClient on it.
// Everything goes over real HTTP (the ky transport), as the CLI does.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestServer } from '../helpers/test-server.ts';
import type { FaultOptions, Sandbox, SeedName } from '../../sandbox/options.ts';
import { createFetchTransport, PivorClient } from '../../shared/api/index.ts';

export interface Session {
  sandbox: Sandbox;
  client: PivorClient;
  token: string;
  close(): Promise<void>;
}

export async function openSession(options: { seed?: SeedName; faults?: FaultOptions; concurrency?: number } = {}): Promise<Session> {
  const sandbox = await startTestServer({ seed: options.seed ?? 'users', ...(options.faults ? { faults: options.faults } : {}) });
  const client = await signIn(sandbox.url, options.concurrency);
  return { sandbox, client, token: tokenOf(client), close: () => sandbox.close() };
}

const tokens = new WeakMap<PivorClient, string>();

export async function signIn(url: string, concurrency = 8, email = 'admin@pivor.dev'): Promise<PivorClient> {
  // Fast retries: the faults are injected on purpose, waiting out a real backoff only slows the suite.
  const client = new PivorClient({
    baseUrl: url, transport: createFetchTransport({ concurrency: Math.max(6, concurrency) }),
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
  });
  const { token } = await client.createToken(email, 'password', 'vitest');
  tokens.set(client, token);
  return client;
}

function tokenOf(client: PivorClient): string {
  return tokens.get(client)!;
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/${name}.csv`, import.meta.url))));
}

/** Requests the sandbox has answered on one route ('POST /api/contacts'), 0 when none. */
export function routeCount(sandbox: Sandbox, route: string): number {
  return sandbox.stats().byRoute[route] ?? 0;
}

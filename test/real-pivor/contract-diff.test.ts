// The differential contract test: every scenario of contract-cases.ts runs on a fresh sandbox and on real Pivor
// with a fresh database, and each reply must be the same on both: status, the headers a client can see,
// and the body byte for byte (JSON escaping and pretty-printing included) once the values that differ by
// nature are masked (addresses, uuids, times, token secrets). Runs under `npm run test:pivor` only.
import { beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index.ts';
import { realServerUrl } from '../helpers/test-server.ts';
import { scenarios, type Role, type Scenario, type Step } from './contract-cases.ts';

interface Seen {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const comparedHeaders = ['content-type', 'cache-control', 'location', 'allow', 'vary', 'retry-after', 'access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age'];

async function send(base: string, step: Step, token: string | undefined): Promise<Seen> {
  const headers: Record<string, string> = { ...(step.json === false ? {} : { Accept: 'application/json' }), ...step.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (step.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
  }
  const response = await fetch(base + step.path, { method: step.method, headers, body, redirect: 'manual' });
  const text = await response.text();
  const seen: Record<string, string> = {};
  for (const name of comparedHeaders) {
    const value = response.headers.get(name);
    if (value !== null) seen[name] = mask(value, base);
  }
  return { status: response.status, headers: seen, body: mask(text, base) };
}

function mask(text: string, base: string): string {
  const { host } = new URL(base);
  return text
    .replaceAll(host, '{host}')
    .replace(/"uuid":"[0-9a-f-]{36}"/g, '"uuid":"{uuid}"')
    .replace(/"token":"\d+\|[A-Za-z0-9]{40,}"/g, '"token":"{id}|{secret}"')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?(Z|[+-]\d\d:\d\d)/g, (t) => `{time${t.slice(19)}}`);
}

async function signIn(base: string, role: Role): Promise<string> {
  const response = await fetch(`${base}/api/tokens/create`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: `${role}@pivor.dev`, password: 'password', device_name: 'differential' }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${role} on ${base}: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Runs a scenario's steps on one server; tokens are made before the first step, for every role it uses. */
async function run(base: string, scenario: Scenario): Promise<Seen[]> {
  const roles = [...new Set(scenario.steps.map((s) => s.as === undefined ? 'admin' : s.as).filter((r): r is Role => r !== null))];
  const tokens = new Map<Role, string>();
  for (const role of roles) tokens.set(role, await signIn(base, role));
  const seen: Seen[] = [];
  for (const step of scenario.steps) seen.push(await send(base, step, step.as === null ? undefined : tokens.get(step.as ?? 'admin')));
  return seen;
}

beforeAll(async () => {
  await realServerUrl('users'); // the server is up before the first timed test
});

describe('the sandbox answers as real Pivor does', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', { timeout: 120_000 }, async (_name, scenario) => {
    const sandbox = await startSandbox({ port: 0, seed: 'users' });
    try {
      const real = await run(await realServerUrl('users'), scenario);
      const ours = await run(sandbox.url, scenario);
      const described = (seen: Seen[]) => seen.map((s, i) => ({ step: `${scenario.steps[i]!.method} ${scenario.steps[i]!.path.slice(0, 80)}`, ...s }));
      expect(described(ours)).toEqual(described(real));
    } finally {
      await sandbox.close();
    }
  });
});

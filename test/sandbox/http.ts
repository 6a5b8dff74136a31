// Test helpers for the sandbox's contract tests: a fresh in-process sandbox per test and a thin fetch
// wrapper that signs in as one of the demo users and sends JSON the way API clients do.
import { afterEach, beforeEach } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.ts';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Default true: send Accept: application/json. */
  json?: boolean;
  headers?: Record<string, string>;
}

export async function call<T = any>(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(options.json === false ? {} : { Accept: 'application/json' }), ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(new URL(path, baseUrl), { method, headers, body, redirect: 'manual' });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export type Role = 'admin' | 'manager' | 'user';

export interface TestSandbox {
  sandbox: Sandbox;
  url: string;
  /** Signs in (POST /api/tokens/create) and returns the bearer token. */
  login(role: Role): Promise<string>;
  /** A request as the given role (token cached per test). */
  as(role: Role): {
    get: <T = any>(path: string) => Promise<Reply<T>>;
    post: <T = any>(path: string, body?: unknown) => Promise<Reply<T>>;
    put: <T = any>(path: string, body?: unknown) => Promise<Reply<T>>;
    patch: <T = any>(path: string, body?: unknown) => Promise<Reply<T>>;
    delete: <T = any>(path: string) => Promise<Reply<T>>;
  };
}

export const userIds: Record<Role, number> = { admin: 1, manager: 2, user: 3 };

/** Registers beforeEach/afterEach hooks: every test gets its own sandbox on a free port and a fresh database. */
export function useSandbox(options: SandboxOptions = {}): TestSandbox {
  let sandbox: Sandbox | undefined;
  const tokens = new Map<Role, string>();
  beforeEach(async () => {
    sandbox = await startSandbox({ seed: 'users', ...options });
    tokens.clear();
  });
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });
  const current = () => {
    if (!sandbox) throw new Error('no sandbox: use inside a test');
    return sandbox;
  };
  const login = async (role: Role) => {
    const reply = await call(current().url, 'POST', '/api/tokens/create', { body: { email: `${role}@pivor.dev`, password: 'password' } });
    if (reply.status !== 200) throw new Error(`login as ${role} failed: ${reply.status} ${reply.text}`);
    return reply.body.token as string;
  };
  const token = async (role: Role) => {
    let t = tokens.get(role);
    if (!t) {
      t = await login(role);
      tokens.set(role, t);
    }
    return t;
  };
  return {
    get sandbox() {
      return current();
    },
    get url() {
      return current().url;
    },
    login,
    as(role) {
      const send = async (method: string, path: string, body?: unknown) => call(current().url, method, path, { token: await token(role), body });
      return {
        get: (path) => send('GET', path),
        post: (path, body) => send('POST', path, body),
        put: (path, body) => send('PUT', path, body),
        patch: (path, body) => send('PATCH', path, body),
        delete: (path) => send('DELETE', path),
      };
    },
  };
}

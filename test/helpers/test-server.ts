// The server the server-facing suites talk to. `npm test`: the sandbox, as always. `npm run test:pivor`: a real
// Pivor, either one the global setup started from PIVOR_SERVER_DIR for this worker (a fresh database for every
// server a test asks for) or the one PIVOR_TEST_URL names (yours: a throwaway install, since the tests
// create, change and delete records there). Either way the test gets the
// sandbox's handle, through a proxy that counts requests and can add latency.
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.ts';
import { inject } from 'vitest';
import { startPivorProxy, type AdminCredentials } from './pivor-proxy.ts';
import { attachRealPivor, type RealPivorServer } from './real-pivor.ts';

const serverDir = process.env.PIVOR_SERVER_DIR;
const testUrl = process.env.PIVOR_TEST_URL;

/** True under `npm run test:pivor`. */
export const onRealPivor = Boolean(serverDir || testUrl);

/** What a real server cannot do that the sandbox can (inject faults, read its database without a file). */
export class NeedsSandbox extends Error {}

let real: Promise<RealPivorServer> | undefined;

/** This worker's server: one the global setup started (by VITEST_POOL_ID), or the one PIVOR_TEST_URL names. */
function realServer(): Promise<RealPivorServer> {
  if (real) return real;
  if (serverDir) {
    const servers = inject('realPivorServers');
    if (!servers.length) throw new Error('no real Pivor was started: run these tests with `npm run test:pivor`');
    const worker = Math.max(1, Number(process.env.VITEST_POOL_ID) || 1);
    real = attachRealPivor(servers[(worker - 1) % servers.length]!);
  } else {
    const url = testUrl!.replace(/\/+$/, '');
    const unavailable = () => {
      throw new NeedsSandbox('reading the database needs a server started from PIVOR_SERVER_DIR, not PIVOR_TEST_URL');
    };
    real = Promise.resolve({ url, reset: async () => {}, query: unavailable });
  }
  return real;
}

/** The server's own address, without the proxy: for a client that blocks its thread (the Sheets harness). */
export async function realServerUrl(seed: 'users' | 'demo'): Promise<string> {
  const server = await realServer();
  await server.reset(seed);
  return server.url;
}

function adminCredentials(): AdminCredentials | undefined {
  const email = process.env.PIVOR_TEST_EMAIL;
  const password = process.env.PIVOR_TEST_PASSWORD;
  return testUrl && email && password ? { email, password } : undefined;
}


/** The sandbox, or real Pivor with a fresh database ('none' is 'users' there: Pivor always has its admin). */
export async function startTestServer(options: SandboxOptions = {}): Promise<Sandbox> {
  if (!onRealPivor) return startSandbox({ port: 0, ...options });
  const server = await realServer();
  await server.reset(options.seed === 'demo' ? 'demo' : 'users');
  const admin = adminCredentials();
  const proxy = await startPivorProxy(server.url, { latencyMs: options.faults?.latencyMs ?? 0, ...(admin ? { admin } : {}) });
  return {
    url: proxy.url,
    port: proxy.port,
    close: () => proxy.close(),
    setFaults(faults) {
      const { latencyMs = 0, ...others } = faults;
      if (Object.values(others).some((v) => v !== undefined && v !== 0)) throw new NeedsSandbox(`real Pivor cannot inject ${Object.keys(others).join(', ')}`);
      proxy.setLatency(latencyMs);
    },
    stats: () => proxy.stats(),
    query: (sql, params) => server.query(sql, params),
  };
}

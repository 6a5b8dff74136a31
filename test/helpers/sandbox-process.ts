// Starts the sandbox in its own process (`node --import tsx sandbox/main.ts …`, no build needed) and
// reads the {"url","port"} line it prints once listening. For tests and benchmarks that must not share
// the event loop with the server (a synchronous client, a load test).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface SandboxProcess {
  url: string;
  port: number;
  /** The process's stderr so far (its request log and errors). */
  stderr(): string;
  /** SIGTERM, then wait for the exit (SIGKILL after 5 s). */
  close(): Promise<void>;
  /** SIGKILL at once (kill -9): no chance to save anything. */
  crash(): Promise<void>;
}

export function startSandboxProcess(args: readonly string[] = [], env: Record<string, string> = {}): Promise<SandboxProcess> {
  if (process.env.PIVOR_SERVER_DIR || process.env.PIVOR_TEST_URL) return realPivorProcess(args);
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise<SandboxProcess>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    let started = false;
    const fail = (reason: string) => {
      if (started) return;
      lines.close();
      reject(new Error(`sandbox process ${reason}\n${stderr}`));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail('did not start within 20 s');
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(`exited with code ${code} before listening`);
    });
    lines.on('line', (line) => {
      let parsed: { url?: unknown; port?: unknown };
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        return;
      }
      if (typeof parsed.url !== 'string' || typeof parsed.port !== 'number') return;
      clearTimeout(timer);
      started = true;
      const { url, port } = parsed as { url: string; port: number };
      resolve({
        url,
        port,
        stderr: () => stderr,
        async crash() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGKILL');
          await exited;
        },
        async close() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

/**
 * Under test:pivor: real Pivor, already a process of its own, with a fresh database. Asked for latency
 * (--latency MS), it is reached through the counting proxy, which runs in this process: fine for a CLI
 * child, not for a client that blocks this thread.
 */
async function realPivorProcess(args: readonly string[]): Promise<SandboxProcess> {
  const { realServerUrl, startTestServer } = await import('./test-server.ts'); // the test runner's: not for benchmarks
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const seed = option('--seed') === 'demo' ? 'demo' : 'users';
  const latencyMs = Number(option('--latency') ?? 0);
  if (latencyMs > 0) {
    const server = await startTestServer({ seed, faults: { latencyMs } });
    return { url: server.url, port: server.port, stderr: () => '', close: () => server.close(), crash: () => server.close() };
  }
  const url = await realServerUrl(seed);
  return { url, port: Number(new URL(url).port), stderr: () => '', close: async () => {}, crash: async () => {} };
}

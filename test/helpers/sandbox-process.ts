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
}

export function startSandboxProcess(args: readonly string[] = [], env: Record<string, string> = {}): Promise<SandboxProcess> {
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

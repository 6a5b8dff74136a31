// Runs the built pivor-csv binary in a child process, as a user runs the command:
// its own environment (config folder, PIVOR_URL, PIVOR_TOKEN), stdin, exit code and output.
// The binary is built once per test run by test/global-setup.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const pivorCsvBin = join(root, 'dist/node/pivor-csv.mjs');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function spawnCli(args: readonly string[], env: Record<string, string | undefined> = {}): ChildProcess {
  return spawn(process.execPath, [pivorCsvBin, ...args], {
    cwd: root,
    env: { ...process.env, PIVOR_URL: undefined, PIVOR_TOKEN: undefined, NO_COLOR: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}, stdin = ''): Promise<CliRun> {
  const child = spawnCli(args, env);
  const done = finished(child);
  child.stdin?.end(stdin);
  return done;
}

// Builds the add-on (the same `npm run build:sheets` a deploy uses) once per test run, so every test
// exercises the real bundle. Test files run in parallel processes: a lock directory serialises them,
// and a build newer than every source file is reused.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
export const distDir = join(root, 'dist', 'apps-script');
const lockDir = join(root, 'dist', '.apps-script-build.lock');

export function builtFile(name: string): string {
  return join(distDir, name);
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function upToDate(): boolean {
  const outputs = ['Code.js', 'Sidebar.html', 'appsscript.json'].map(builtFile);
  if (!outputs.every(existsSync)) return false;
  // A build for deployment (no http://localhost) is no use to the tests.
  const info = builtFile('.build.json');
  if (!existsSync(info) || (JSON.parse(readFileSync(info, 'utf8')) as { dev?: boolean }).dev !== true) return false;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return built > Math.max(newestSource(join(root, 'apps-script')), newestSource(join(root, 'shared')));
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function buildOnce(): void {
  if (upToDate()) return;
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than two minutes belongs to a build that died: take it over.
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 120_000) rmdirSync(lockDir);
      if (waited > 180_000) throw new Error('Timed out waiting for another build of the add-on');
      Atomics.wait(sleeper, 0, 0, 200);
    }
  }
  try {
    if (!upToDate()) {
      try {
        // A development build: the sandbox listens on http://127.0.0.1.
        execFileSync('npm', ['run', '--silent', 'build:sheets'], { cwd: root, stdio: 'pipe', encoding: 'utf8', env: { ...process.env, PIVOR_DEV_BUILD: '1' } });
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string };
        throw new Error(`npm run build:sheets failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
      }
    }
  } finally {
    rmdirSync(lockDir);
  }
}

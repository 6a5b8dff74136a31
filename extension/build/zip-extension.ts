// Packs dist/extension into dist/pivor-bridge-extension-<version>.zip, the file the Chrome Web Store takes.
// Uses fflate when it is installed, else the `zip` command; without either it says so and leaves the unpacked build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const source = join(repo, 'dist/extension');
const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
const target = join(repo, `dist/pivor-bridge-extension-${version}.zip`);

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

async function withFflate(): Promise<boolean> {
  // The module name sits in a variable so type-checking does not need fflate installed.
  const name = 'fflate';
  const fflate = (await import(name).catch(() => null)) as null | {
    zipSync(entries: Record<string, [Uint8Array, { level: number; mtime: Date }]>): Uint8Array;
  };
  if (!fflate) return false;
  const mtime = new Date('2026-01-01T00:00:00Z'); // fixed, so the same build gives the same zip
  const entries = Object.fromEntries(
    files(source).map((path) => [relative(source, path).split('\\').join('/'), [readFileSync(path), { level: 9, mtime }] as const]),
  ) as Record<string, [Uint8Array, { level: number; mtime: Date }]>;
  writeFileSync(target, fflate.zipSync(entries));
  return true;
}

function withZipCommand(): boolean {
  try {
    execFileSync('zip', ['-q', '-r', '-X', '-9', target, '.'], { cwd: source, stdio: ['ignore', 'ignore', 'inherit'] });
    return true;
  } catch {
    return false;
  }
}

if (!existsSync(join(source, 'manifest.json'))) throw new Error('dist/extension has no manifest.json: build the extension first');
rmSync(target, { force: true });
if ((await withFflate()) || withZipCommand()) {
  console.log(`${relative(repo, target)} (${Math.round(statSync(target).size / 1024)} kB)`);
} else {
  console.warn('zip skipped: install fflate (npm i -D fflate) or the zip command to make the Web Store package');
}

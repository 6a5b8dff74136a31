// Packs dist/extension into dist/pivor-bridge-extension-<version>.zip, the file the Chrome Web Store takes.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';

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

if (!existsSync(join(source, 'manifest.json'))) throw new Error('dist/extension has no manifest.json: build the extension first');
rmSync(target, { force: true });
const mtime = new Date('2026-01-01T00:00:00Z'); // fixed, so the same build gives the same zip
const entries: Zippable = {};
for (const path of files(source)) entries[relative(source, path).split('\\').join('/')] = [readFileSync(path), { level: 9, mtime }];
writeFileSync(target, zipSync(entries));
console.log(`${relative(repo, target)} (${Math.round(statSync(target).size / 1024)} kB)`);

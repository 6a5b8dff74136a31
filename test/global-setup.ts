// Builds the Node entry points once before any test file runs: the CLI tests run the built pivor-csv,
// as users do, and building per file would race on dist/node.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build:node'], { stdio: 'inherit' });
}

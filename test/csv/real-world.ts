// The real-world shaped fixtures of test/fixtures/real-world, as bytes.
import { readFileSync } from 'node:fs';

export function realWorld(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/real-world/${name}`, import.meta.url)));
}

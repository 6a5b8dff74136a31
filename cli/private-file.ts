// Writes a file only its owner can read (0600), atomically: a temporary file renamed over the old one,
// so a crash mid-write leaves the previous version, never half a file.
import { chmod, rename, writeFile } from 'node:fs/promises';

export async function writePrivateFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

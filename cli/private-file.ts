// Writes a file only its owner can read (0600), atomically: a temporary file renamed over the old one,
// so a crash mid-write leaves the previous version, never half a file. A write that fails (disk full, the
// folder gone) removes its temporary file: nothing is left behind.
import { chmod, rename, rm, writeFile } from 'node:fs/promises';

export async function writePrivateFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, text, { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

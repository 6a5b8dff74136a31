// Where pivor-csv keeps per-user state (the stored login, push journals): $XDG_CONFIG_HOME/pivor-bridge,
// else ~/.config/pivor-bridge. The folder is private to the user (0700) because it holds a token.
import { chmod, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export function configDir(env: Env = process.env): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(env.HOME ?? homedir(), '.config');
  return join(base, 'pivor-bridge');
}

/** Creates a private folder (or tightens an existing one) and returns its path. */
export async function privateDir(path: string): Promise<string> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
  return path;
}

// The stored login: Pivor's address and a token in credentials.json under the config folder (0600 in a 0700 folder).
// Never printed: commands report the address and the email, not the token.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { configDir, privateDir, type Env } from './config-dir.ts';
import { writePrivateFile } from './private-file.ts';

export interface StoredLogin {
  url: string;
  token: string;
  email?: string;
  savedAt: string;
}

export function credentialsPath(env: Env = process.env): string {
  return join(configDir(env), 'credentials.json');
}

export async function readLogin(env: Env = process.env): Promise<StoredLogin | null> {
  let text: string;
  try {
    text = await readFile(credentialsPath(env), 'utf8');
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text) as Partial<StoredLogin>;
    if (typeof data.url !== 'string' || typeof data.token !== 'string') return null;
    return { url: data.url, token: data.token, email: data.email, savedAt: data.savedAt ?? '' };
  } catch {
    return null;
  }
}

export async function writeLogin(login: StoredLogin, env: Env = process.env): Promise<void> {
  await privateDir(configDir(env));
  await writePrivateFile(credentialsPath(env), JSON.stringify(login, null, 2) + '\n');
}

export async function removeLogin(env: Env = process.env): Promise<void> {
  await rm(credentialsPath(env), { force: true });
}

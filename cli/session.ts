// Which Pivor to talk to and with which token: --url, else PIVOR_URL, else the stored login's address;
// PIVOR_TOKEN, else the stored login's token — the stored token only for the address it was made for.
import { normalizeBaseUrl, type PivorClient } from '../shared/api/index.ts';
import { cliClient } from './pivor-client.ts';
import { readLogin } from './credentials-store.ts';
import { UsageError, envOf, type CommandIo } from './command-io.ts';

export interface Session {
  client: PivorClient;
  /** The API base (https://crm.example.com/api): part of journal keys, shown in messages. */
  server: string;
}

export async function openSession(io: CommandIo, options: { url?: string; concurrency?: number }): Promise<Session> {
  const env = envOf(io);
  const stored = await readLogin(env);
  const url = options.url ?? (env.PIVOR_URL || undefined) ?? stored?.url;
  if (!url) throw new UsageError('No Pivor address: pass --url, set PIVOR_URL, or run `pivor-csv login`.');
  const base = normalizeBaseUrl(url);
  let token = env.PIVOR_TOKEN || undefined;
  if (!token && stored && normalizeBaseUrl(stored.url).apiBase === base.apiBase) token = stored.token;
  if (!token) throw new UsageError(`Not signed in to ${base.origin}: run \`pivor-csv login\` or set PIVOR_TOKEN.`);
  const client = cliClient(io, { url, token, ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}) });
  return { client, server: base.apiBase };
}

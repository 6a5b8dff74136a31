// `pivor-csv logout`: revokes the stored token on the server, then forgets it. If Pivor cannot be reached the
// login is kept (the token would stay valid with nothing left to revoke it with); a token the server no longer
// knows is simply forgotten.
import { parseArgs } from 'node:util';
import { isPivorError } from '../shared/api/index.ts';
import { cliClient } from './pivor-client.ts';
import { readLogin, removeLogin } from './credentials-store.ts';
import { UsageError, envOf, type CommandIo } from './command-io.ts';

export const logoutUsage = 'usage: pivor-csv logout';

export async function logoutCommand(argv: string[], io: CommandIo): Promise<number> {
  parseArgs({ args: argv, options: {} });
  const env = envOf(io);
  const login = await readLogin(env);
  if (!login) {
    io.stdout.write('Not signed in.\n');
    return 0;
  }
  const client = cliClient(io, { url: login.url, token: login.token });
  try {
    await client.revokeToken();
  } catch (error) {
    if (!isPivorError(error) || error.kind !== 'unauthenticated') {
      throw new UsageError(`Could not revoke the token (${error instanceof Error ? error.message : String(error)}); still signed in. Try again when Pivor can be reached.`);
    }
  }
  await removeLogin(env);
  io.stdout.write(`Signed out of ${client.origin}.\n`);
  return 0;
}

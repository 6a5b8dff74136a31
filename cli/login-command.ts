// `pivor-csv login`: signs in with email and password, and stores Pivor's address and the token
// (never the password) in the per-user credentials file. Prompts on a terminal; --email and --password-stdin otherwise.
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { isPivorError, normalizeBaseUrl } from '../shared/api/index.ts';
import { cliClient } from './pivor-client.ts';
import { credentialsPath, writeLogin } from './credentials-store.ts';
import { UsageError, envOf, type CommandIo } from './command-io.ts';
import { prompt, readAll } from './prompt.ts';

export const loginUsage = 'usage: pivor-csv login [--url URL] [--email EMAIL] [--password-stdin]';

export async function loginCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { url: { type: 'string' }, email: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  });
  const env = envOf(io);
  const stdin = io.stdin ?? process.stdin;
  const interactive = stdin.isTTY === true && !values['password-stdin'];
  const ask = (question: string, hidden = false) => prompt(stdin, io.stderr, question, { hidden });

  let url = values.url ?? (env.PIVOR_URL || undefined);
  if (!url && interactive) url = (await ask("Pivor's address (https://…): ")).trim();
  if (!url) throw new UsageError(`No Pivor address: pass --url or set PIVOR_URL.\n${loginUsage}`);
  const base = normalizeBaseUrl(url);

  let email = values.email;
  if (!email && interactive) email = (await ask('Email: ')).trim();
  if (!email) throw new UsageError(`No email: pass --email.\n${loginUsage}`);

  let password: string;
  if (values['password-stdin']) password = await readAll(stdin);
  else if (interactive) password = await ask('Password: ', true);
  else throw new UsageError(`No terminal to ask the password on: pipe it with --password-stdin.\n${loginUsage}`);
  if (password === '') throw new UsageError('The password is empty.');

  const client = cliClient(io, { url });
  try {
    const { token, user } = await client.createToken(email, password, `pivor-csv on ${hostname()}`);
    await writeLogin({ url: url.trim(), token, email: user.email, savedAt: new Date().toISOString() }, env);
    io.stdout.write(`Signed in to ${base.origin} as ${user.email} (${user.role}). Token stored in ${credentialsPath(env)}.\n`);
    return 0;
  } catch (error) {
    if (isPivorError(error)) throw new UsageError(error.message);
    throw error;
  }
}

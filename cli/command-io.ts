// What a pivor-csv command talks to: output streams, and optionally stdin and the environment (tests pass their own).
import type { CliIo } from './run-cli.ts';
import type { Env } from './config-dir.ts';

export interface CommandIo extends CliIo {
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env?: Env;
}

export function envOf(io: CommandIo): Env {
  return io.env ?? process.env;
}

export function isTty(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/** A failure that ends the command with exit code 2 (unusable input or call, unreachable server, no sign-in). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

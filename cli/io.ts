// Small helpers the commands share: exit codes, writing output, colour on terminals (reading input: read-input.ts).
import { writeFile } from 'node:fs/promises';
import { describeFsError } from './read-input.ts';
import type { CliIo } from './run-cli.ts';

/** 0: done, no row errors. 1: some rows have errors. 2: the input cannot be read or the call is wrong. */
export const EXIT = { ok: 0, rowErrors: 1, unusable: 2 } as const;

/** Writes a message (and the usage line, if given) to stderr; returns exit code 2. */
export function fail(io: CliIo, message: string, usage?: string): number {
  io.stderr.write(`pivor-csv: ${message}\n${usage ? `${usage}\n` : ''}`);
  return EXIT.unusable;
}

export async function writeOutput(path: string, text: string): Promise<string | null> {
  try {
    await writeFile(path, text);
    return null;
  } catch (error) {
    return `cannot write ${path}: ${describeFsError(error)}`;
  }
}

export interface Paint { red(s: string): string; yellow(s: string): string; green(s: string): string; dim(s: string): string; bold(s: string): string }

/** ANSI colours only when the stream is a terminal and NO_COLOR is not set. */
export function paint(stream: NodeJS.WritableStream, env: Readonly<Record<string, string | undefined>> = process.env): Paint {
  const on = (stream as { isTTY?: boolean }).isTTY === true && !env.NO_COLOR;
  const wrap = (code: number, reset: number) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[${reset}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

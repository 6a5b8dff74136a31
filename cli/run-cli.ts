// Parses the command line and dispatches to a command; returns the exit code (0 ok, 1 row errors, 2 unusable input or call).
// A new command is one entry in `commands`: its usage line and a function (argv after the command name, io) → exit code.
import { checkCommand, checkUsage } from './check-command.ts';
import { exportCommand, exportUsage } from './export-command.ts';
import { loginCommand, loginUsage } from './login-command.ts';
import { logoutCommand, logoutUsage } from './logout-command.ts';
import { pushCommand, pushUsage } from './push-command.ts';
import { EXIT } from './io.ts';
import { templateCommand, templateUsage } from './template-command.ts';

export interface CliIo { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }

export interface Command {
  usage: string;
  summary: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

export const commands: Record<string, Command> = {
  template: { usage: templateUsage, summary: "print Pivor's template CSV with an example row", run: templateCommand },
  check: { usage: checkUsage, summary: 'check a CSV row by row without sending anything', run: checkCommand },
  push: { usage: pushUsage, summary: 'push a CSV (or several, in dependency order) to Pivor: create, update changed fields, resume after a crash', run: pushCommand },
  export: { usage: exportUsage, summary: "export records as CSV like Pivor's own export, with id and updated_at", run: exportCommand },
  login: { usage: loginUsage, summary: 'sign in and store the token for the commands that talk to Pivor', run: loginCommand },
  logout: { usage: logoutUsage, summary: 'revoke the stored token and forget it', run: logoutCommand },
};

export function usageText(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}\n    ${c.usage.replace(/^usage: /, '')}`);
  return `usage: pivor-csv <command> [arguments]\n\n${lines.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout).write(usageText());
    return name === undefined ? EXIT.unusable : EXIT.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr.write(`pivor-csv: unknown command "${name}".\n${usageText()}`);
    return EXIT.unusable;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // node:util parseArgs (unknown or malformed options) and commands' UsageError: a wrong call, exit 2
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`pivor-csv: ${(error as Error).message}\n${command.usage}\n`);
      return EXIT.unusable;
    }
    if (error instanceof Error && error.name === 'UsageError') {
      io.stderr.write(`pivor-csv: ${error.message}\n`);
      return EXIT.unusable;
    }
    io.stderr.write(`pivor-csv: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.unusable;
  }
}

// Parses the command line and dispatches to a command; returns the exit code (0 ok, 1 row errors, 2 unusable input or call).
import { getResource, isResourceName, templateFields, columnName } from '../shared/resources/index.ts';

export interface CliIo { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, resource] = argv;
  if (command === 'template' && resource && isResourceName(resource)) {
    io.stdout.write(templateFields(getResource(resource)).map(columnName).join(',') + '\n');
    return 0;
  }
  io.stderr.write('usage: pivor-csv template <clients|contacts|communications>\n');
  return 2;
}

// `pivor-csv check <resource|auto> <file>`: reads, maps, normalizes and validates a CSV without sending anything.
// Exit 0 when no row has errors, 1 when some do, 2 when the file cannot be read or the call is wrong.
import { parseArgs } from 'node:util';
import { isValidTimeZone } from '../shared/normalize/index.ts';
import { isResourceName } from '../shared/resources/index.ts';
import { CheckError, checkCsv, type CheckOptions } from '../shared/validate/index.ts';
import { EXIT, fail, paint } from './io.ts';
import { readInput } from './read-input.ts';
import { nonAsciiHint, SEND_NON_ASCII_FLAG } from './non-ascii-names.ts';
import { reportJson } from './report-json.ts';
import { reportText } from './report-text.ts';
import type { CliIo } from './run-cli.ts';

export const checkUsage =
  'usage: pivor-csv check <clients|contacts|communications|auto> <file|-> [--json] [--day-first|--month-first] [--tz ZONE]\n' +
  '         [--send-non-ascii-names]   check as a push with that flag would (see pivor-csv push --help)';

export async function checkCommand(argv: string[], io: CliIo & { stdin?: NodeJS.ReadableStream }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      'day-first': { type: 'boolean' },
      'month-first': { type: 'boolean' },
      tz: { type: 'string' },
      [SEND_NON_ASCII_FLAG]: { type: 'boolean' },
    },
  });
  const [resource, file, extra] = positionals;
  if (!resource || !file || extra !== undefined) return fail(io, 'check needs a resource and a file.', checkUsage);
  if (resource !== 'auto' && !isResourceName(resource)) return fail(io, `unknown resource "${resource}".`, checkUsage);
  if (values['day-first'] && values['month-first']) return fail(io, 'choose one of --day-first and --month-first.', checkUsage);
  if (values.tz !== undefined && !isValidTimeZone(values.tz)) {
    return fail(io, `unknown time zone "${values.tz}": use an IANA name such as Europe/Paris or UTC.`);
  }

  const input = await readInput(file, io.stdin);
  if (!input.ok) return fail(io, input.message);
  const options: CheckOptions = {};
  if (values['day-first']) options.dateOrder = 'day-first';
  if (values['month-first']) options.dateOrder = 'month-first';
  if (values.tz !== undefined) options.timeZone = values.tz;
  if (values[SEND_NON_ASCII_FLAG]) options.sendNonAsciiInitials = true;

  let report;
  try {
    report = checkCsv(input.bytes, resource, options);
  } catch (error) {
    if (error instanceof CheckError) return fail(io, `${file === '-' ? 'standard input' : file}: ${error.message}`);
    throw error;
  }
  if (values.json) io.stdout.write(JSON.stringify(reportJson(report), null, 2) + '\n');
  else io.stdout.write(reportText(report, file === '-' ? 'stdin' : file, paint(io.stdout)) + nonAsciiHint(report.issues));
  return report.counts.errors > 0 ? EXIT.rowErrors : EXIT.ok;
}

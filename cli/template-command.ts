// `pivor-csv template <resource> [--out FILE]`: Pivor's own template columns with one example row,
// so a filled template imports here and through Pivor's screen alike.
import { parseArgs } from 'node:util';
import { writeCsv } from '../shared/csv/index.ts';
import { columnName, getResource, isResourceName, templateFields } from '../shared/resources/index.ts';
import { EXIT, fail, writeOutput } from './io.ts';
import type { CliIo } from './run-cli.ts';

export const templateUsage = 'usage: pivor-csv template <clients|contacts|communications> [--out FILE]';

export async function templateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  const [resource, extra] = positionals;
  if (!resource || !isResourceName(resource) || extra !== undefined) return fail(io, 'template needs one resource.', templateUsage);
  const fields = templateFields(getResource(resource));
  const headers = fields.map(columnName);
  const example = fields.map((f) => f.example ?? '');
  if (values.out === undefined) {
    io.stdout.write(writeCsv(headers, [example], { bom: false }));
    return EXIT.ok;
  }
  // A file gets the UTF-8 byte-order mark, as Pivor's own template has, so Excel reads accents right.
  const problem = await writeOutput(values.out, writeCsv(headers, [example]));
  if (problem) return fail(io, problem);
  io.stderr.write(`Wrote ${values.out}\n`);
  return EXIT.ok;
}

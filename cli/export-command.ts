// `pivor-csv export <resource> [--out FILE] [--filter key=value]...`: every record (or the filtered ones) as a CSV
// like Pivor's own export, with id and updated_at so the file can be edited and pushed back. Exit 0 when the
// export is whole, 1 when it is written but not whole (records Pivor cannot answer, a list that kept changing:
// each said on stderr), 2 when nothing could be exported.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isPivorError } from '../shared/api/index.ts';
import { exportCsv } from '../shared/export/index.ts';
import { getResource, isResourceName } from '../shared/resources/index.ts';
import { UsageError, type CommandIo } from './command-io.ts';
import { EXIT } from './io.ts';
import { progressDisplay } from './progress-display.ts';
import { openSession } from './session.ts';

export const exportUsage = 'usage: pivor-csv export <clients|contacts|communications> [--out FILE] [--filter key=value]... [--sort FIELD] [--url URL]';

export async function exportCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, filter: { type: 'string', multiple: true }, sort: { type: 'string' }, url: { type: 'string' } },
  });
  const [resource, extra] = positionals;
  if (!resource || !isResourceName(resource) || extra !== undefined) throw new UsageError(exportUsage);
  const filters: Record<string, string> = {};
  for (const pair of values.filter ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--filter takes key=value (got "${pair}").\n${exportUsage}`);
    const key = pair.slice(0, at).trim();
    if (!getResource(resource).filters.includes(key)) {
      throw new UsageError(`${resource} cannot be filtered by "${key}" (only ${getResource(resource).filters.join(', ')}).`);
    }
    filters[key] = pair.slice(at + 1);
  }
  const { client } = await openSession(io, values.url !== undefined ? { url: values.url } : {});
  const display = progressDisplay(io.stderr, `export ${resource}`);
  try {
    const result = await exportCsv(client, resource, {
      filters,
      ...(values.sort !== undefined ? { sort: values.sort } : {}),
      onProgress: (p) => display.update(p.loaded, p.total),
    });
    display.stop();
    if (values.out) {
      await writeFile(values.out, result.csv);
      io.stderr.write(`Wrote ${values.out}\n`);
    } else {
      io.stdout.write(result.csv);
    }
    for (const notice of result.notices) io.stderr.write(`${notice}\n`);
    if (result.complete) return EXIT.ok;
    const left = result.unreadable.length;
    io.stderr.write(`Export incomplete: ${result.rows} ${resource} written${left > 0 ? `, ${left} left out (above)` : ''}.\n`);
    return EXIT.rowErrors;
  } catch (error) {
    display.stop();
    if (isPivorError(error) || error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

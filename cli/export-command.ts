// `pivor-csv export <resource> [--out FILE] [--filter key=value]...`: every record (or the filtered ones) as a CSV
// like Pivor's own export, with id and updated_at so the file can be edited and pushed back.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isPivorError } from '../shared/api/index.ts';
import { exportCsv } from '../shared/export/index.ts';
import { getResource, isResourceName } from '../shared/resources/index.ts';
import { UsageError, type CommandIo } from './command-io.ts';
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
    const csv = await exportCsv(client, resource, {
      filters,
      ...(values.sort !== undefined ? { sort: values.sort } : {}),
      onProgress: (p) => display.update(p.loaded, p.total),
    });
    display.stop();
    if (values.out) {
      await writeFile(values.out, csv);
      io.stderr.write(`Wrote ${values.out}\n`);
    } else {
      io.stdout.write(csv);
    }
    return 0;
  } catch (error) {
    display.stop();
    if (isPivorError(error) || error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

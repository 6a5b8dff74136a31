import { readFileSync, readdirSync } from 'node:fs';
import { checkCsv } from './shared/validate/index.ts';
const only = process.argv[2];
for (const f of readdirSync('test/fixtures/real-world')) {
  if (only && !f.includes(only)) continue;
  try {
    const r = checkCsv(readFileSync('test/fixtures/real-world/' + f), 'auto');
    console.log('==', f, r.resource, JSON.stringify(r.counts));
    for (const c of [...r.mapping.columns, ...(r.mapping.extra ?? [])]) console.log('  ', c.header, '→', c.field, c.reason, c.detail ?? '');
    for (const row of r.rows) console.log('  row', row.row, JSON.stringify(row.values));
    for (const i of r.issues) console.log('  !', i.severity, i.message);
  } catch (e) { console.log('==', f, 'ERR', (e as Error).message); }
}

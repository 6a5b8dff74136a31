// The readable form of a check: one line per row (number, status, messages), then file-level notes,
// the counts, and how each column was mapped and why.
import { withoutRowPrefix, type Severity, type ValidationReport } from '../shared/validate/index.ts';
import type { Paint } from './io.ts';

const reasonWords: Record<string, string> = {
  key: 'field name', label: 'field label', alias: 'known alias', fuzzy: 'close spelling', user: 'your mapping', content: 'its values',
};

export function reportText(report: ValidationReport, source: string, p: Paint): string {
  const out: string[] = [];
  const delimiter = report.delimiter === '\t' ? 'tab' : `"${report.delimiter}"`;
  out.push(p.bold(`${source}: ${report.resource}, ${report.encoding}, delimiter ${delimiter}`), '');

  const width = Math.max(3, String(report.rows.at(-1)?.row ?? 0).length);
  out.push(p.dim(`${'Row'.padStart(width)}  Status   Messages`));
  for (const row of report.rows) {
    const status = row.status === 'valid' ? p.green('ok     ') : row.status === 'warning' ? p.yellow('warning') : p.red('error  ');
    const messages = row.issues.map((i) => {
      const text = withoutRowPrefix(i.message);
      return i.severity === 'error' ? text : p.dim(text);
    });
    const indent = ' '.repeat(width + 11);
    out.push(`${String(row.row).padStart(width)}  ${status}  ${messages.join(`\n${indent}`)}`.trimEnd());
  }

  const fileIssues = report.issues.filter((i) => !report.rows.some((r) => r.row === i.row));
  if (fileIssues.length) {
    out.push('', 'File:');
    for (const i of fileIssues) out.push(`  ${level(i.severity, p)}  ${i.message}`);
  }

  const { records, valid, warnings, errors } = report.counts;
  out.push('', `${records} ${records === 1 ? 'row' : 'rows'}: ${p.green(`${valid} valid`)}, ${p.yellow(`${warnings} with warnings`)}, ${p.red(`${errors} with errors`)}` +
    (errors ? ` (rows with errors are not sent)` : ''));

  out.push('', 'Mapping:');
  const headerWidth = Math.min(30, Math.max(...report.mapping.columns.map((c) => c.header.length), 6));
  for (const c of [...report.mapping.columns, ...(report.mapping.extra ?? [])]) {
    const header = (c.header || '(no header)').padEnd(headerWidth);
    if (c.reason === 'combined') {
      // read together with the column that fills the field: imported, through that one
      out.push(`  ${header}  + ${c.candidate ?? ''} ${p.dim(`(${c.detail ?? 'read with another column'})`)}`);
    } else if (c.field) {
      const why = reasonWords[c.reason] ?? c.reason;
      out.push(`  ${header}  → ${c.field} ${p.dim(`(${why}${c.detail ? `: ${c.detail}` : ''})`)}`);
    } else {
      out.push(`  ${header}  ✗ ${p.yellow('not imported')} ${p.dim(`(${c.detail ?? c.reason})`)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** An issue's level as the report prints it: infos (normalizations) dim, as they count against nothing. */
export function level(severity: Severity, p: Paint): string {
  return severity === 'error' ? p.red('error') : severity === 'warning' ? p.yellow('warning') : p.dim('info');
}

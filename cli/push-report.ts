// What `pivor-csv push` prints: the plan (in detail for a dry run), the results summary, and the --json document.
import { rowOutcomes, type FilePush, type PushResult } from '../shared/push/index.ts';
import type { Issue } from '../shared/validate/index.ts';
import type { Paint } from './io.ts';
import { nonAsciiHint } from './non-ascii-names.ts';
import { outcomesText, reviewCountsText } from './outcomes-text.ts';

export function planText(push: FilePush, label: string, detailed: boolean, p: Paint): string {
  const { plan, report, missingClients } = push;
  // The counts of the one model the wizard shows, so the command line and the wizard say the same of a file.
  const outcomes = rowOutcomes(report, plan);
  const c = outcomes.counts;
  const lines = [
    p.bold(`${plan.resource} (${label}): ${c.records} rows, matched by ${plan.matchBy}: ` +
      `${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${plan.counts.delete} to delete, ${c.skip} skipped` +
      (c.held ? `, ${c.held} already in Pivor (not created)` : '')),
  ];
  for (const m of missingClients) {
    lines.push(m.id !== undefined ? `  created missing client "${m.name}" (id ${m.id})` : `  missing client "${m.name}": ${m.message ?? 'not created'}`);
  }
  for (const warning of plan.warnings) lines.push(p.yellow(`  ${warning}`));
  const hint = nonAsciiHint(report.issues);
  if (hint) lines.push(p.yellow(`  ${hint.trimEnd()}`));
  if (detailed) {
    lines.push(...outcomesText(outcomes, p));
    for (const action of plan.actions) if (action.kind === 'delete') lines.push(`  delete ${action.label}`);
  }
  lines.push(reviewCountsText(c, p));
  return lines.join('\n') + '\n';
}

export function resultText(result: PushResult, failuresFile: string | undefined, p: Paint): string {
  const c = result.counts;
  const earlier = result.results.filter((r) => r.byEarlierRun).length;
  const held = result.results.filter((r) => r.duplicate).length;
  const parts = [
    `${c.created} created${earlier ? ` (${earlier} by an earlier run)` : ''}`, `${c.updated} updated`,
    `${c.unchanged} unchanged${held ? ` (${held} already in Pivor, not created again)` : ''}`, `${c.deleted} deleted`,
  ];
  if (c.skipped) parts.push(p.yellow(`${c.skipped} skipped`));
  if (c.failed) parts.push(p.red(`${c.failed} failed`));
  const lines = [`${result.resource}: ${parts.join(', ')}`];
  if (result.stopped) lines.push(p.red(`  stopped: ${result.stopped}`));
  for (const r of result.results) {
    if (r.duplicate) lines.push(`  row ${r.row} not created: ${r.message ?? ''}`);
    if (r.outcome !== 'failed' && r.outcome !== 'skipped') continue;
    const where = r.row === null ? `record ${r.id}` : `row ${r.row}`;
    // Validation messages already name their row and column: say each once.
    const message = r.message ?? '';
    lines.push(message.startsWith(`Row ${r.row}`) ? `  ${r.outcome}: ${message}` : `  ${where} ${r.outcome}: ${message}`);
  }
  if (held) lines.push(`  rows that are new records all the same: push again with --allow-duplicates`);
  if (failuresFile) lines.push(`  rows to fix and push again: ${failuresFile}`);
  return lines.join('\n') + '\n';
}

export function pushJson(pushes: readonly FilePush[], files: Readonly<Record<string, { path: string; failuresFile?: string }>>) {
  return {
    files: pushes.map((push) => ({
      resource: push.plan.resource,
      file: files[push.plan.resource]?.path,
      plan: { matchBy: push.plan.matchBy, counts: push.plan.counts, warnings: push.plan.warnings },
      missingClients: push.missingClients,
      ...(push.result
        ? { counts: push.result.counts, stopped: push.result.stopped ?? null, results: push.result.results.map(({ record: _record, ...result }) => result), failuresFile: files[push.plan.resource]?.failuresFile ?? null }
        : { actions: push.plan.actions, outcomes: outcomesJson(push) }),
    })),
  };
}

/** A dry run's rows as the one model has them: what each will do and its issues by level, and the wizard's counts. */
function outcomesJson(push: FilePush) {
  const { rows, counts, fileIssues } = rowOutcomes(push.report, push.plan);
  const issue = ({ row, column, field, severity, code, message }: Issue) => ({ row, column, field, severity, code, message });
  return {
    counts,
    rows: rows.map((row) => ({ ...row, issues: row.issues.map(issue) })),
    fileIssues: fileIssues.map(issue),
  };
}

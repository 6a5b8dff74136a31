// What `pivor-csv push` prints: the plan (in detail for a dry run), the results summary, and the --json document.
import type { FilePush, PlannedAction, PushResult } from '../shared/push/index.ts';
import type { Paint } from './io.ts';
import { nonAsciiHint } from './non-ascii-names.ts';

export function planText(push: FilePush, label: string, detailed: boolean, p: Paint): string {
  const { plan, report, missingClients } = push;
  const c = plan.counts;
  const lines = [
    p.bold(`${plan.resource} (${label}): ${report.counts.records} rows, matched by ${plan.matchBy}: ` +
      `${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${c.delete} to delete, ${c.skip} skipped` +
      (c.duplicate ? `, ${c.duplicate} already in Pivor (not created)` : '')),
  ];
  for (const m of missingClients) {
    lines.push(m.id !== undefined ? `  created missing client "${m.name}" (id ${m.id})` : `  missing client "${m.name}": ${m.message ?? 'not created'}`);
  }
  for (const warning of plan.warnings) lines.push(p.yellow(`  ${warning}`));
  const hint = nonAsciiHint(report.issues);
  if (hint) lines.push(p.yellow(`  ${hint.trimEnd()}`));
  if (detailed) for (const action of plan.actions) lines.push(`  ${actionText(action)}`);
  return lines.join('\n') + '\n';
}

function actionText(action: PlannedAction): string {
  switch (action.kind) {
    case 'create':
      return `row ${action.row}: create${action.notices.length ? ` (${action.notices.join('; ')})` : ''}`;
    case 'update':
      return `row ${action.row}: update ${action.id}: ${action.changes.map((ch) => `${ch.field} ${show(ch.from)} → ${show(ch.to)}`).join(', ')}`;
    case 'unchanged':
      return `row ${action.row}: unchanged (${action.id})`;
    case 'delete':
      return `delete ${action.label}`;
    case 'skip':
      return `row ${action.row}: skip: ${action.reason}`;
    case 'duplicate':
      return `row ${action.row}: not created: ${action.reason}`;
  }
}

function show(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(empty)' : JSON.stringify(value);
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
        : { actions: push.plan.actions }),
    })),
  };
}

// Planning inside the CSV worker: the core's planChanges on a report the worker made and holds, against the
// server's records the page has read.
import { planChanges, type ApiRecord, type Plan, type PlanOptions } from '../../shared/push/index.ts';
import type { ValidationReport } from '../../shared/validate/index.ts';

export interface PlanArgs {
  /** The resource's records in Pivor now. */
  baseline: readonly ApiRecord[];
  options: PlanOptions;
}

export function planInWorker(report: ValidationReport, args: unknown): Plan {
  const { baseline, options } = args as PlanArgs;
  return planChanges(report, baseline, options);
}

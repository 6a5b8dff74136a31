// The one model (rowOutcomes) made on the page a slice of rows at a time, with a turn between slices: over a
// 100,000-row file it is one task of a few hundred milliseconds in one go, which holds the page that long.
import { OutcomeTally, type Plan, type RowOutcomes } from '../../shared/push/index.ts';
import type { ValidationReport } from '../../shared/validate/index.ts';
import { nextTurn } from '../lib/next-turn.ts';

/** Actions or rows per slice: a few milliseconds of the page's thread each. */
const SLICE = 2000;

export async function outcomesInSlices(report: ValidationReport, plan: Plan): Promise<RowOutcomes> {
  const tally = new OutcomeTally(report, plan);
  while (!tally.complete) {
    tally.add(SLICE);
    await nextTurn();
  }
  return tally.result();
}

// Validation inside the worker: the core's validateTable on the table the worker holds.
// (Placeholder shape until shared/validate lands.)
import type { CsvTable } from '../../shared/csv/index.ts';

export type ValidateArgs = unknown;
export type ValidateResult = unknown;

export function validateInWorker(_table: CsvTable, _args: ValidateArgs): ValidateResult {
  throw new Error('validation is not available yet');
}

// Validation inside the worker: the core's validateTable on the table the worker holds, as plain data to post back.
import type { CsvTable } from '../../shared/csv/index.ts';
import { getResource, type ResourceName } from '../../shared/resources/index.ts';
import { plainReport } from '../../shared/validate/checked-row.ts';
import type { ValidateOptions, ValidationReport } from '../../shared/validate/types.ts';
import { validateTable } from '../../shared/validate/validate-table.ts';

export interface ValidateArgs {
  resource: ResourceName;
  options: ValidateOptions;
}

export type ValidateResult = ValidationReport;

export function validateInWorker(table: CsvTable, args: unknown): ValidateResult {
  const { resource, options } = args as ValidateArgs;
  // plain rows: postMessage copies data properties only, and a row's values are read through a getter
  return plainReport(validateTable(getResource(resource), table, options));
}

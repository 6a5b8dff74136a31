// From a file to a plan against the live server: read the referenced records once (names → ids), validate,
// optionally create the clients the file names but Pivor lacks, read the resource's records (the baseline),
// and plan. planPush is the last two steps for a report that is already validated.
import type { PivorClient } from '../api/index.ts';
import type { ResourceName } from '../resources/index.ts';
import { checkCsv, type CheckOptions } from '../validate/check-csv.ts';
import type { ValidationReport } from '../validate/types.ts';
import { createMissingClients, type MissingClientResult } from './create-missing-clients.ts';
import { missingClientNames } from './reference-choices.ts';
import { planChanges, type PlanOptions } from './plan-changes.ts';
import { ReferenceBook, referencedResources } from './reference-book.ts';
import type { ApiRecord, Plan } from './types.ts';

export interface PushFileInput {
  resource: ResourceName;
  input: string | Uint8Array | ArrayBuffer;
  /** For messages: the file's name. */
  name?: string;
}

export interface PreparePushOptions extends PlanOptions {
  /** How to read the file (date order, time zone, user mapping, delimiter, encoding); references are added here. */
  check?: Omit<CheckOptions, 'references'>;
  /** Plan only: clients that would be created get placeholder ids instead. */
  dryRun?: boolean;
  concurrency?: number;
  signal?: AbortSignal;
  /** The run's known records; pass the same book to every file of a run. */
  book?: ReferenceBook;
  /** While a listing is read: which resource, records so far, records in all. */
  onLoading?: (resource: ResourceName, loaded: number, total: number) => void;
}

export interface PreparedPush {
  file: PushFileInput;
  report: ValidationReport;
  plan: Plan;
  /** Clients created (or, in a dry run, to be created) for names the file has and Pivor had not. */
  missingClients: MissingClientResult[];
}

/** Reads the resource's records (unless a baseline is given) and plans the report against them. */
export async function planPush(
  client: PivorClient,
  report: ValidationReport,
  options: PlanOptions & { baseline?: readonly ApiRecord[]; book?: ReferenceBook; signal?: AbortSignal },
): Promise<Plan> {
  const book = options.book ?? new ReferenceBook();
  const baseline = options.baseline ?? (await book.load(client, report.resource, options.signal ? { signal: options.signal } : {}));
  return planChanges(report, baseline, options);
}

export async function preparePush(client: PivorClient, file: PushFileInput, options: PreparePushOptions): Promise<PreparedPush> {
  const book = options.book ?? new ReferenceBook();
  const loadOptions = (resource: ResourceName) => ({
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onLoading ? { onLoaded: (loaded: number, total: number) => options.onLoading!(resource, loaded, total) } : {}),
  });
  for (const resource of referencedResources(file.resource)) await book.load(client, resource, loadOptions(resource));
  let references = book.references(file.resource);
  const check = () => checkCsv(file.input, file.resource, { ...options.check, references });
  let report = check();

  let missingClients: MissingClientResult[] = [];
  const missing = options.createMissingClients ? missingClientNames(report, references, options.choices) : [];
  if (missing.length > 0) {
    if (options.dryRun) {
      missingClients = missing.map((name) => ({ name, message: 'would be created' }));
      let placeholder = -1;
      for (const name of missing) book.add('clients', { id: placeholder--, name });
    } else {
      missingClients = await createMissingClients(client, missing, book, {
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    }
    references = book.references(file.resource);
    report = check();
  }
  const baseline = await book.load(client, file.resource, loadOptions(file.resource));
  return { file, report, plan: planChanges(report, baseline, { ...options, references }), missingClients };
}

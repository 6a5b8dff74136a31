// Planning and pushing: rows → plan (create / update changed fields / unchanged / delete / skip) → requests with a
// journal, bounded concurrency, cancel and progress → one result per row, and the files that report them.
export * from './types.ts';
export { planChanges, countActions, heldRowsWarning, type PlanOptions } from './plan-changes.ts';
export { planPush, preparePush, type PreparePushOptions, type PreparedPush, type PushFileInput } from './prepare-push.ts';
export { executePlan, type ExecuteOptions } from './execute-plan.ts';
export { pushFiles, type PushFilesOptions, type FilePush } from './push-files.ts';
export { ReferenceBook, referencedResources } from './reference-book.ts';
export { createMissingClients, type MissingClientResult } from './create-missing-clients.ts';
export { missingClientNames, nameCandidates } from './reference-choices.ts';
export { looseName, nameKey } from './name-match.ts';
export { memoryJournalStore, newJournal, fingerprint, createdEarlier, earlierRun, type JournalStore, type PushJournal, type JournalEntry } from './journal.ts';
export { failuresCsv, resultsCsv, ERROR_COLUMN, ORIGINAL_ROW_COLUMN, type ReportRows } from './results-csv.ts';
export { sameValue } from './compare-values.ts';
export { OutcomeTally, rowOutcomes, type RowOutcome, type RowOutcomes, type RowAction, type OutcomeCounts, type LabelledChange } from './row-outcomes.ts';
export { recordName } from './look-alikes.ts';

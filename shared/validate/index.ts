// Validation: the row-numbered report on a CSV table, the one-call checkCsv, and request bodies from validated values.
export * from './types.ts';
export { validateTable } from './validate-table.ts';
export { plainReport, plainRow } from './checked-row.ts';
export { rowByNumber } from './row-by-number.ts';
export { checkCsv, CheckError, type CheckOptions } from './check-csv.ts';
export { toApiBody } from './api-body.ts';
export { referenceIndex, type Resolution, type ReferenceIndex } from './references.ts';
export { nonAsciiInitial, writesNonAsciiInitial, NON_ASCII_INITIAL } from './ascii-initial.ts';
export { noticeLevel, statusOf } from './levels.ts';
export { issueText, withoutRowPrefix } from './messages.ts';

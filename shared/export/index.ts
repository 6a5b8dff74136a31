// Export: Pivor records → export rows (for sheets) and CSV files like Pivor's own export.
export { exportHeaders, recordToExportRow, needsLookup, pivorDate, type ExportLookups } from './export-row.ts';
export { exportRecords, exportCsv, buildExportLookups, type ExportOptions, type ExportResult, type ExportSummary } from './export-records.ts';
export { readPath } from './read-path.ts';

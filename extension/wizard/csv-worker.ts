// The wizard's worker: reads the CSV (the core's readCsv), validates it (the core's validateTable) and plans it
// (the core's planChanges) off the page's thread, so the tab stays responsive on large files. It holds the last
// table read and the last two reports made from it (the rows as checked, and as planned with clients to create).
import { readCsv, type CsvTable } from '../../shared/csv/index.ts';
import { detectResource, tableSamples } from '../../shared/map/index.ts';
import type { ValidationReport } from '../../shared/validate/index.ts';
import { inParts, type ParseSummary, type WorkerRequest, type WorkerResponse } from './worker-protocol.ts';
import { planInWorker } from './plan-in-worker.ts';
import { validateInWorker } from './validate-in-worker.ts';
import { applyEdit, correctedCsv, fixesInOrder, type CellEdit } from './table-edits.ts';
import { previewOf, replacementsIn } from './find-replace.ts';

let table: CsvTable | null = null;
/** Every cell fixed since the table was read ("row:column"), its last text: kept with an interrupted push. */
let fixes = new Map<string, CellEdit>();
/** Reports by the id of the request that made them, oldest first. */
const reports = new Map<number, ValidationReport>();
const KEPT_REPORTS = 2;

function keep(id: number, report: ValidationReport): ValidationReport {
  reports.set(id, report);
  for (const old of reports.keys()) if (reports.size > KEPT_REPORTS) reports.delete(old);
  return report;
}

function parse(bytes: ArrayBuffer): ParseSummary {
  table = readCsv(new Uint8Array(bytes));
  reports.clear();
  fixes = new Map();
  return {
    headers: table.headers,
    records: table.records.length,
    rows: table.records.length + new Set(table.problems.filter((p) => p.severity === 'error' && p.row > 1).map((p) => p.row)).size,
    encoding: table.encoding,
    delimiter: table.delimiter,
    problems: table.problems,
    samples: samplesOf(table),
    filled: filledCounts(table),
    mappingSamples: tableSamples(table),
    detection: detectResource(table.headers),
  };
}

/** Non-blank cells per column, over every record: a column of blanks is empty however long the file. */
function filledCounts(t: CsvTable): number[] {
  const counts = t.headers.map(() => 0);
  for (const record of t.records) {
    const cells = record.cells;
    for (let i = 0; i < counts.length; i++) if (cells[i] !== undefined && cells[i]!.trim() !== '') counts[i]!++;
  }
  return counts;
}

function samplesOf(t: CsvTable): string[][] {
  const samples = t.headers.map(() => [] as string[]);
  for (const record of t.records.slice(0, 200)) {
    record.cells.forEach((cell, index) => {
      const value = cell.trim();
      const column = samples[index];
      if (value && column && column.length < 3 && !column.includes(value)) column.push(value);
    });
  }
  return samples;
}

/** A cell fixed, and noted among the fixes; answers the text it replaced. */
function fix(into: CsvTable, edit: CellEdit): string {
  const before = applyEdit(into, edit);
  fixes.set(`${edit.row}:${edit.column}`, { row: edit.row, column: edit.column, value: edit.value });
  return before;
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  const post = (message: WorkerResponse) => postMessage(message);
  const sendPart = (list: string, items: unknown[]) => post({ id: request.id, ok: 'part', list, items });
  try {
    if (request.kind === 'parse') response = { id: request.id, ok: true, result: parse(request.bytes) };
    else if (!table) throw new Error('No file has been read yet.');
    else if (request.kind === 'validate') {
      const report = keep(request.id, validateInWorker(table, request.args));
      response = { id: request.id, ok: true, result: inParts(report, ['rows', 'issues'], sendPart) };
    } else if (request.kind === 'edit') {
      // the reports made before hold the old text: a plan asks for a report made after it
      reports.clear();
      response = { id: request.id, ok: true, result: fix(table, request.edit) };
    } else if (request.kind === 'edits') {
      reports.clear();
      response = { id: request.id, ok: true, result: request.edits.map((e) => fix(table!, e)) };
    } else if (request.kind === 'replace') {
      const found = replacementsIn(table, request.query);
      if (request.apply && found.length > 0) {
        reports.clear();
        for (const r of found) fix(table, r);
      }
      response = { id: request.id, ok: true, result: request.apply ? found : previewOf(found) };
    } else if (request.kind === 'fixes') {
      response = { id: request.id, ok: true, result: fixesInOrder(fixes) };
    } else if (request.kind === 'corrected') {
      response = { id: request.id, ok: true, result: correctedCsv(table) };
    } else {
      const report = reports.get(request.report);
      if (!report) throw new Error('The rows changed while the plan was being made; check them again.');
      response = { id: request.id, ok: true, result: inParts(planInWorker(report, request.args), ['actions'], sendPart) };
    }
  } catch (error) {
    response = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  post(response);
};

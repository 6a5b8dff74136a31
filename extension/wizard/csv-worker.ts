// The wizard's worker: reads the CSV (the core's readCsv) and validates it (the core's validateTable) off the
// page's thread, so the tab stays responsive on large files. It holds the last table read.
import { readCsv, type CsvTable } from '../../shared/csv/index.ts';
import { detectResource, tableSamples } from '../../shared/map/index.ts';
import type { ParseSummary, WorkerRequest, WorkerResponse } from './worker-protocol.ts';
import { validateInWorker } from './validate-in-worker.ts';

let table: CsvTable | null = null;

function parse(bytes: ArrayBuffer): ParseSummary {
  table = readCsv(new Uint8Array(bytes));
  return {
    headers: table.headers,
    records: table.records.length,
    rows: table.records.length + new Set(table.problems.filter((p) => p.severity === 'error' && p.row > 1).map((p) => p.row)).size,
    encoding: table.encoding,
    delimiter: table.delimiter,
    problems: table.problems,
    samples: samplesOf(table),
    mappingSamples: tableSamples(table),
    detection: detectResource(table.headers),
  };
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

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  try {
    if (request.kind === 'parse') response = { id: request.id, ok: true, result: parse(request.bytes) };
    else if (!table) throw new Error('No file has been read yet.');
    else response = { id: request.id, ok: true, result: validateInWorker(table, request.args) };
  } catch (error) {
    response = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  postMessage(response);
};

// Benchmark: the whole check pipeline (read → detect → map → normalize → validate) on a generated 100,000-row
// contacts CSV, against papaparse's plain parse of the same text in the same run. Target: within 2× the plain parse.
// Run: node --import tsx bench/pipeline.ts [rows]   (add --expose-gc for steadier memory figures)
import Papa from 'papaparse';
import { pathToFileURL } from 'node:url';
import { readCsv } from '../shared/csv/index.ts';
import { checkCsv } from '../shared/validate/index.ts';
import { mulberry32 } from '../sandbox/seed/prng.ts';

export interface PipelineBenchResult {
  rows: number;
  bytes: number;
  parseMs: number;
  /** readCsv alone, the first stage of the pipeline: how much of pipelineMs is reading. */
  readMs: number;
  pipelineMs: number;
  /** pipelineMs / parseMs */
  ratio: number;
  parseRowsPerSecond: number;
  pipelineRowsPerSecond: number;
  peakRssMb: number;
  peakHeapMb: number;
  counts: { records: number; valid: number; warnings: number; errors: number };
}

const FIRST = ['John', 'Priya', 'Marc', 'Ana', 'Tom', 'Li', 'Sara', 'Kim', 'Omar', 'Eva', 'Ravi', 'Jane', 'Lukas', 'Chloé', 'Mateo', 'Aiko', 'Noah'];
const LAST = ['Doe', 'Patel', 'Dubois', 'García', "O'Neill", 'Wei', 'Novak', 'Lee', 'Haddad', 'Kumar', 'Smith', 'Müller', 'Rossi', 'Nakamura'];
const TITLES = ['CEO', 'CFO', 'Head of Ops', 'Buyer', 'Engineer', 'Sales Manager', 'Office Manager', ''];
const COMPANY_A = ['Acme', 'Bright', 'Nordic', 'Blue', 'Golden', 'Silver', 'Green', 'Urban', 'Alpine', 'Coastal', 'Prime', 'Vertex'];
const COMPANY_B = ['Futures', 'Logistics', 'Foods', 'Systems', 'Studios', 'Partners', 'Labs', 'Energy', 'Textiles', 'Health'];
const COMPANY_C = ['Ltd', 'GmbH', 'Inc', 'SA', 'AS', 'LLC', 'BV', 'Corp'];
const CITY = ['New York', 'London', 'Paris', 'München', 'Oslo', 'Madrid', 'Berlin', 'Lyon', 'Tokyo', ''];

function quoteCell(value: string): string {
  return /[",\n\r]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A contacts export as CRMs write them: mostly clean, with what real files carry: about one row in five
 * needs a normalization (yes/no spellings, status case, country names, web addresses without https://, stray
 * spaces), and about one in fifty has an error (bad email, missing last name) or repeats an email.
 */
export function generateContactsCsv(rows: number, seed = 42): string {
  const next = mulberry32(seed); // deterministic: every run measures the same file
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  const companies = Array.from({ length: Math.max(1, Math.floor(rows / 20)) }, (_, i) => `${pick(COMPANY_A)} ${pick(COMPANY_B)} ${pick(COMPANY_C)} ${i}`);
  const lines = ['first_name,last_name,email,phone,job_title,client_name,is_primary,status,country,city,linkedin_url'];
  const emails: string[] = [];
  for (let i = 0; i < rows; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const handle = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    let email = `${handle}.${i}@example.com`;
    if (chance(0.005)) email = `${handle}.at.example.com`;
    else if (chance(0.003) && emails.length) email = pick(emails);
    emails.push(email);
    const cells = [
      first,
      chance(0.01) ? '' : last,
      email,
      chance(0.6) ? `+1 212 555 ${String(1000 + (i % 9000))}` : '',
      pick(TITLES),
      chance(0.9) ? pick(companies) : '',
      chance(0.03) ? pick(['YES', 'Oui', 'TRUE', 'y']) : chance(0.05) ? 'yes' : chance(0.9) ? 'no' : '',
      chance(0.05) ? 'Active' : chance(0.8) ? 'active' : chance(0.5) ? 'inactive' : '',
      chance(0.08) ? pick(['Germany', 'United States', 'UK', 'España', 'france']) : chance(0.85) ? pick(['US', 'GB', 'FR', 'DE', 'ES', 'JP']) : '',
      chance(0.01) ? ` ${pick(CITY)} ` : pick(CITY),
      chance(0.05) ? `linkedin.com/in/${handle}-${i}` : chance(0.3) ? `https://www.linkedin.com/in/${handle}-${i}` : '',
    ];
    lines.push(cells.map(quoteCell).join(','));
  }
  return lines.join('\n') + '\n';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function runPipelineBench(options: { rows?: number; runs?: number; log?: (line: string) => void } = {}): PipelineBenchResult {
  const rows = options.rows ?? 100_000;
  // medians of 7 alternating runs: single runs on a shared 2-core machine vary by ±15%
  const runs = options.runs ?? 7;
  const log = options.log ?? (() => {});
  const gc = (globalThis as { gc?: () => void }).gc;
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };

  // Each timed call starts from a collected heap and its result is dropped before the next one, so no run pays
  // for what an earlier one left behind.
  function timed<T>(run: () => T, check: (result: T) => void): number {
    gc?.();
    const start = performance.now();
    const result = run();
    const ms = performance.now() - start;
    sample();
    check(result);
    return ms;
  }

  const text = generateContactsCsv(rows);
  sample();
  log(`generated ${rows.toLocaleString('en')} rows, ${(text.length / 1e6).toFixed(1)} MB of text`);

  // warm-up: let both paths be compiled before timing
  Papa.parse(text.slice(0, 200_000));
  checkCsv(text.slice(0, text.indexOf('\n', 200_000) + 1), 'auto');

  const parseTimes: number[] = [];
  const readTimes: number[] = [];
  const pipelineTimes: number[] = [];
  let counts = { records: 0, valid: 0, warnings: 0, errors: 0 };
  for (let i = 0; i < runs; i++) {
    parseTimes.push(timed(() => Papa.parse(text), (parsed) => {
      if (parsed.data.length < rows) throw new Error('papaparse read fewer rows than generated');
    }));
    readTimes.push(timed(() => readCsv(text), (table) => {
      if (table.records.length !== rows) throw new Error('readCsv misread the file');
    }));
    pipelineTimes.push(timed(() => checkCsv(text, 'auto'), (report) => {
      if (report.resource !== 'contacts' || report.counts.records !== rows) throw new Error('the pipeline misread the file');
      counts = report.counts;
    }));
  }
  const parseMs = median(parseTimes);
  const pipelineMs = median(pipelineTimes);
  const result: PipelineBenchResult = {
    rows,
    bytes: text.length,
    parseMs: Math.round(parseMs),
    readMs: Math.round(median(readTimes)),
    pipelineMs: Math.round(pipelineMs),
    ratio: Math.round((pipelineMs / parseMs) * 100) / 100,
    parseRowsPerSecond: Math.round(rows / (parseMs / 1000)),
    pipelineRowsPerSecond: Math.round(rows / (pipelineMs / 1000)),
    peakRssMb: Math.round(peakRss / 1e6),
    peakHeapMb: Math.round(peakHeap / 1e6),
    counts,
  };
  log(`papaparse plain parse: ${result.parseMs} ms (median of ${runs}), ${result.parseRowsPerSecond.toLocaleString('en')} rows/s`);
  log(`readCsv alone:         ${result.readMs} ms (median of ${runs}), ${(result.readMs / result.parseMs).toFixed(2)}× the plain parse`);
  log(`checkCsv pipeline:     ${result.pipelineMs} ms (median of ${runs}), ${result.pipelineRowsPerSecond.toLocaleString('en')} rows/s`);
  log(`ratio: ${result.ratio}× the plain parse (target ≤ 2×)`);
  log(`peak memory sampled: rss ${result.peakRssMb} MB, heap used ${result.peakHeapMb} MB`);
  log(`rows: ${counts.valid} valid, ${counts.warnings} with warnings, ${counts.errors} with errors`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? 100_000);
  runPipelineBench({ rows: Number.isFinite(rows) && rows > 0 ? rows : 100_000, log: (line) => console.log(line) });
}

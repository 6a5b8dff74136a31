// The CSV reader: bytes or text in, header + numbered records + problems out,
// through callbacks, one chunk at a time. readCsv is this reader fed at once.
// Papa Parse does the quote/delimiter work; this module adds what it lacks:
// encoding and layout detection, spreadsheet row numbers, blank-line and
// column-count rules, and parsing in batches so huge inputs and huge rows
// stay linear in time and bounded in memory.
//
// Speed: a line with no quote character in it is a row of cells split on the
// delimiter, which is exactly what Papa Parse makes of it; such lines are split
// here directly. From a line holding a quote, Papa Parse reads on (one call for
// the whole quoted stretch, row by row) until the next line is quote-free again.
// So every row containing a quote is Papa Parse's reading, and the rest agrees
// with it by construction (test/csv checks the two against each other).

import Papa from 'papaparse';
import { checkHeader } from './check-header.ts';
import { IncrementalDecoder } from './decode-bytes.ts';
import { detectLayout } from './detect-delimiter.ts';
import { headerRowScore } from '../map/header-row-score.ts';
import { findHeader, HEADER_SEARCH_ROWS, looksLikeValue, type SearchedRow } from './find-header.ts';
import { binaryHint, problems } from './read-problems.ts';
import { unescapeCell } from './spreadsheet-safe.ts';
import { StrayBytes } from './stray-bytes.ts';
import type { InvalidByte } from './text-decoders.ts';
import {
  DELIMITERS,
  ENCODINGS,
  type CsvEncoding,
  type CsvRecord,
  type CsvStreamReader,
  type CsvStreamSummary,
  type Delimiter,
  type ReadOptions,
  type ReadProblem,
} from './types.ts';

/** ReadOptions plus tuning knobs; the defaults suit files of any size. */
export interface StreamReadOptions extends ReadOptions {
  /** Bytes looked at before choosing an encoding (default 64 KiB; Infinity: the whole input). */
  sampleBytes?: number;
  /** Characters of text looked at to choose the delimiter and line ending (default 64 KiB). */
  sampleChars?: number;
  /** Characters gathered before they are parsed (default 1 MiB); rows may be longer. */
  batchChars?: number;
}

/**
 * One record: its spreadsheet row and cells. For a record read from a line holding no quote, also that line:
 * the text it lies in and where (its line break left out), so a caller may keep those instead of the cells and
 * make the same cells again later with quoteFreeLineCells.
 */
export type CsvRowCallback = (row: number, cells: string[], text?: string, lineStart?: number, lineEnd?: number) => void;

const NO_STRAY_BYTES: readonly InvalidByte[] = [];
const QUOTE = 34;
const CR = 13;
const LF = 10;
const BOM = 0xfeff;

interface StepResult {
  data: string[][];
  errors: StepError[];
  meta: { cursor: number };
}

interface StepError { code?: string; message?: string }

/** A row kept for the header search, with what placing it later needs. */
interface SearchedLine extends SearchedRow {
  row: number;
  error: StepError | undefined;
  linesTaken: number;
  /** For a quote-free line: the text it lies in, from `start` to `lineEnd`. */
  text: string | undefined;
  start: number;
  lineEnd: number;
}

/** For tests: with `splitQuoteFreeLines` false every row goes through Papa Parse, the reference the fast path must match. */
export const readerTuning = { splitQuoteFreeLines: true };

/**
 * Starts an incremental read. Feed it with pushBytes (file bytes) or pushText
 * (decoded text), then call end(). Each record reaches `onRecord` as soon as
 * it is complete; nothing is kept here, so memory stays bounded by the
 * longest row, whatever the file size.
 */
export function createCsvStreamReader(
  options: StreamReadOptions,
  onHeader: (headers: string[]) => void,
  onRecord: (record: CsvRecord) => void,
  onProblem: (problem: ReadProblem) => void,
): CsvStreamReader {
  return createCsvRowReader(options, onHeader, (row, cells) => onRecord({ row, cells }), onProblem);
}

/**
 * The same reader, handing each record over as its row number and cells, without a CsvRecord object:
 * for callers that consume records as they come (checkCsv) rather than keep them.
 */
export function createCsvRowReader(
  options: StreamReadOptions,
  onHeader: (headers: string[], delimiter: Delimiter) => void,
  onRow: CsvRowCallback,
  onProblem: (problem: ReadProblem) => void,
): CsvStreamReader {
  if (options.delimiter !== undefined && !DELIMITERS.includes(options.delimiter)) {
    throw new TypeError(`Unsupported delimiter ${JSON.stringify(options.delimiter)}: use one of , ; tab |.`);
  }
  if (options.encoding !== undefined && !ENCODINGS.includes(options.encoding)) {
    throw new TypeError(`Unsupported encoding ${JSON.stringify(options.encoding)}: use one of ${ENCODINGS.join(', ')}.`);
  }
  return new StreamReader({ ...options, headerScore: options.headerScore ?? headerRowScore() }, onHeader, onRow, onProblem);
}

class StreamReader implements CsvStreamReader {
  private readonly batchChars: number;
  private readonly sampleChars: number;
  private input: 'bytes' | 'text' | undefined;
  private decoder: IncrementalDecoder | undefined;
  private hadBom = false;
  private phase: 'sniff' | 'parse' | 'stopped' | 'ended' = 'sniff';
  private summary: CsvStreamSummary | undefined;

  /** Text not parsed yet; it always begins at the start of a row. */
  private pending = '';
  /** Characters of text before `pending`, to place decoder findings on rows. */
  private consumed = 0;
  /** Pending length at which layout detection is (re)tried. */
  private sniffAt: number;
  /** Pending length at which the next parse is tried. */
  private parseAt: number;

  private delimiter: Delimiter;
  private newline: '\n' | '\r' = '\n';
  /** Papa Parse's settings, made once the layout is known; a parser is made per quoted stretch. */
  private parserConfig: Papa.ParseConfig | undefined;

  private headers: string[] | undefined;
  /** Rows read while the header is searched for (see find-header.ts); null once it is chosen. */
  private searched: SearchedLine[] | null = [];
  private nextRow = 1;
  private records = 0;
  private skippedRows = 0;
  /** Bytes of a UTF-8 input that were not valid UTF-8, until tied to their rows. */
  private readonly stray = new StrayBytes();
  private encodingTold = false;

  // The text being parsed right now, for the per-row callback.
  private slice = '';
  private sliceStart = 0;
  private sliceIsLast = false;
  // The Papa Parse run over a quoted stretch: its parser, where its next row starts, the next quote after that.
  private quoted: Papa.Parser | undefined;
  private rowStart = 0;
  private quoteAfter = -1;

  constructor(
    private readonly options: StreamReadOptions,
    private readonly onHeader: (headers: string[], delimiter: Delimiter) => void,
    private readonly onRecord: CsvRowCallback,
    private readonly onProblem: (problem: ReadProblem) => void,
  ) {
    this.sampleChars = Math.max(1, options.sampleChars ?? 64 * 1024);
    this.sniffAt = this.sampleChars;
    this.batchChars = Math.max(1, options.batchChars ?? 1024 * 1024);
    this.parseAt = this.batchChars;
    this.delimiter = options.delimiter ?? ',';
  }

  pushBytes(chunk: Uint8Array): void {
    this.use('bytes');
    if (this.phase !== 'sniff' && this.phase !== 'parse') return;
    this.decoder ??= new IncrementalDecoder(this.options.encoding, this.options.sampleBytes);
    const text = this.decoder.push(chunk);
    this.tellEncoding(text);
    this.accept(text, this.decoder.invalid);
  }

  pushText(chunk: string): void {
    this.use('text');
    if (this.phase !== 'sniff' && this.phase !== 'parse') return;
    if (this.consumed === 0 && this.pending === '' && chunk.charCodeAt(0) === BOM && !this.hadBom) {
      this.hadBom = true;
      chunk = chunk.slice(1);
    }
    this.accept(chunk, NO_STRAY_BYTES);
  }

  end(): CsvStreamSummary {
    if (this.summary) return this.summary;
    if (this.decoder && (this.phase === 'sniff' || this.phase === 'parse')) {
      const text = this.decoder.end();
      this.tellEncoding(text);
      this.accept(text, this.decoder.invalid);
    }
    if (this.phase === 'sniff') this.sniff(true);
    if (this.phase === 'parse') this.drain('final');
    this.chooseHeader(true);
    if (this.phase !== 'stopped') {
      if (!this.headers) this.onProblem(problems.emptyFile());
      else if (this.records === 0) this.onProblem(problems.noRecords(this.skippedRows));
    }
    this.phase = 'ended';
    this.pending = '';
    this.summary = {
      encoding: this.encoding(),
      delimiter: this.delimiter,
      headers: this.headers ?? [],
      records: this.records,
    };
    return this.summary;
  }

  private use(input: 'bytes' | 'text'): void {
    if (this.phase === 'ended') throw new Error('This CSV reader has ended; start a new one.');
    if (this.input && this.input !== input) {
      throw new Error('Feed a CSV reader with either pushBytes or pushText, not both.');
    }
    this.input = input;
  }

  private encoding(): CsvEncoding {
    if (this.decoder?.encoding) return this.decoder.encoding;
    return this.options.encoding ?? (this.hadBom ? 'utf-8-bom' : 'utf-8');
  }

  /** Once the encoding is chosen: a single-byte one chosen because the file is not UTF-8 is said, with an example. */
  private tellEncoding(text: string): void {
    const encoding = this.decoder!.encoding;
    if (this.encodingTold || encoding === undefined) return;
    this.encodingTold = true;
    // a file that is binary from the start is reported as that alone
    const nul = text.indexOf('\u0000');
    if (nul >= 0 && this.consumed + this.pending.length + nul < this.sampleChars) return;
    if (this.options.encoding === undefined && (encoding === 'windows-1252' || encoding === 'macintosh')) {
      this.onProblem(problems.singleByteEncoding(encoding, firstAccentedWord(text)));
    }
  }

  /** Takes decoded text; `invalid`: the bytes in it that were not valid UTF-8. */
  private accept(text: string, invalid: readonly InvalidByte[]): void {
    if (text === '') return;
    if (invalid.length > 0) this.stray.add(this.consumed + this.pending.length, invalid);
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      this.stopAtBinary(text, nul);
      return;
    }
    this.pending += text;
    if (this.phase === 'sniff' && this.pending.length >= this.sniffAt) this.sniff(false);
    if (this.phase === 'parse') this.drain('ready');
  }

  /**
   * A NUL character: not text. Within the first sample the whole file is
   * taken as binary; later, the complete rows before it are still delivered.
   */
  private stopAtBinary(text: string, nul: number): void {
    if (this.phase === 'sniff' && this.pending.length + nul < this.sampleChars) {
      this.onProblem(problems.binary(1, binaryHint(this.pending + text.slice(0, 256))));
    } else {
      this.pending += text.slice(0, nul);
      if (this.phase === 'sniff') this.sniff(false);
      if (this.phase === 'parse') this.drain('complete');
      this.chooseHeader(true);
      this.onProblem(problems.binary(this.nextRow, ''));
    }
    this.phase = 'stopped';
    this.pending = '';
  }

  /** Chooses delimiter and line ending once enough text has arrived. */
  private sniff(complete: boolean): void {
    const layout = detectLayout(this.pending, complete, this.options.delimiter);
    if (!layout.newline) {
      // No line break yet (a very long first line): look again at twice the text.
      this.sniffAt = this.pending.length * 2;
      return;
    }
    this.delimiter = layout.delimiter;
    this.newline = layout.newline;
    this.parserConfig = {
      delimiter: this.delimiter,
      newline: this.newline,
      quoteChar: '"',
      step: (result: unknown) => this.onQuotedRow(result as StepResult),
    };
    this.phase = 'parse';
  }

  /**
   * Parses the pending text. 'ready': only once enough has gathered; the row
   * the text ends in stays pending, and when a row is longer than all that
   * has come, the next try waits for twice as much, so even a 10 MB row costs
   * linear time. 'complete': every complete row now. 'final': everything.
   */
  private drain(mode: 'ready' | 'complete' | 'final'): void {
    const text = this.pending;
    if (text === '' || (mode === 'ready' && text.length < this.parseAt)) return;
    const isLast = mode === 'final';
    this.slice = text;
    this.sliceStart = this.consumed;
    this.sliceIsLast = isLast;
    const read = this.readRows(text, isLast);
    const used = isLast ? text.length : read;
    this.slice = '';
    this.consumed += used;
    this.pending = used === 0 ? text : text.slice(used);
    this.parseAt = Math.max(this.batchChars, this.pending.length * 2);
  }

  /**
   * Reads the complete rows of `text` (all of it when `isLast`); returns where the first row not read starts.
   * Quote-free lines are split here; from a line with a quote, Papa Parse takes over (see readQuoted).
   */
  private readRows(text: string, isLast: boolean): number {
    const n = text.length;
    const newline = this.newline;
    const delimiter = this.delimiter;
    const split = readerTuning.splitQuoteFreeLines;
    // The next quote and the next apostrophe at or after the read position (n: none), kept between lines.
    let nextQuote = split ? text.indexOf('"') : 0;
    if (nextQuote < 0) nextQuote = n;
    let nextApostrophe = -1;
    let pos = 0;
    while (pos < n) {
      let lineEnd = text.indexOf(newline, pos);
      let end: number;
      if (lineEnd >= 0) end = lineEnd + 1;
      else if (isLast) lineEnd = end = n;
      else break;
      if (nextQuote < pos) {
        nextQuote = text.indexOf('"', pos);
        if (nextQuote < 0) nextQuote = n;
      }
      if (nextQuote < lineEnd || !split) {
        const next = this.readQuoted(text, pos, isLast);
        if (next === pos) break; // its row is not complete yet
        pos = next;
        continue;
      }
      if (nextApostrophe < pos) {
        nextApostrophe = text.indexOf("'", pos);
        if (nextApostrophe < 0) nextApostrophe = n;
      }
      this.onRow(quoteFreeLineCells(text, pos, lineEnd, delimiter, nextApostrophe < lineEnd), pos, end, undefined, lineEnd);
      pos = end;
    }
    return pos;
  }

  /**
   * Papa Parse reads from `start`, a row start, row by row, and stops after a row followed by a quote-free
   * line; returns where the first row not read starts (`start` itself when the row there is not complete).
   */
  private readQuoted(text: string, start: number, isLast: boolean): number {
    const parser = new Papa.Parser(this.parserConfig!);
    this.quoted = parser;
    this.rowStart = start;
    this.quoteAfter = start;
    parser.parse(start === 0 ? text : text.slice(start), start, !isLast);
    this.quoted = undefined;
    return this.rowStart;
  }

  /** One row from Papa Parse, with the text position where it ends. */
  private onQuotedRow(result: StepResult): void {
    const end = result.meta.cursor;
    const start = this.rowStart;
    this.rowStart = end;
    const slice = this.slice;
    // After a final line break the parser reports one more, empty row: it is not a row.
    if (this.sliceIsLast && start >= slice.length) return;
    const cells = result.data[0];
    if (!cells) return;
    this.onRow(cells, start, end, result.errors[0], -1);
    if (!readerTuning.splitQuoteFreeLines || end >= slice.length) return;
    // Back to splitting when the next line holds no quote.
    let lineEnd = slice.indexOf(this.newline, end);
    if (lineEnd < 0) lineEnd = slice.length;
    if (this.quoteAfter >= 0 && this.quoteAfter < end) this.quoteAfter = slice.indexOf('"', end);
    if (this.quoteAfter < 0 || this.quoteAfter >= lineEnd) this.quoted!.abort();
  }

  /** Line breaks inside the raw text of a row (its own terminator excluded); only used on error paths. */
  private lineBreaksWithin(start: number, end: number): number {
    const raw = this.slice.slice(start, end).replace(/(\r\n|\n|\r)$/, '');
    return raw.split(/\r\n|\n|\r/).length - 1;
  }

  /**
   * Rows are split on LF (so CRLF, LF and a mix all work), which leaves the CR
   * of a CRLF at the end of an unquoted last cell: drop it. A quoted last cell
   * keeps its own CR; it is told apart by its raw text, which for an unquoted
   * cell is the value itself, after a delimiter or at the row start.
   */
  private dropLineEndCr(cells: string[], start: number, end: number): void {
    const lastIndex = cells.length - 1;
    const last = cells[lastIndex]!;
    if (last.charCodeAt(last.length - 1) !== CR) return;
    const slice = this.slice;
    const lineEnd = slice.charCodeAt(end - 1) === LF ? end - 1 : end;
    const fieldStart = lineEnd - last.length;
    const unquoted =
      fieldStart >= start &&
      slice.charCodeAt(fieldStart) !== QUOTE &&
      (fieldStart === start || slice.charCodeAt(fieldStart - 1) === this.delimiter.charCodeAt(0)) &&
      slice.startsWith(last, fieldStart);
    if (unquoted) cells[lastIndex] = last.slice(0, -1);
  }

  /**
   * One row as read: `lineEnd` >= 0 for a quote-free line, whose cells quoteFreeLineCells made (line ending and
   * apostrophes done); -1 for a row Papa Parse read, whose cells are finished here. Until the header is known,
   * rows are kept for the header search; from then on each is placed as it comes.
   */
  private onRow(cells: string[], start: number, end: number, error: StepError | undefined, lineEnd: number): void {
    const slice = this.slice;
    const row = this.nextRow++;

    if (this.sliceStart + end > this.stray.nextAt) {
      this.onProblem(problems.invalidUtf8(row, this.stray.takeBefore(this.sliceStart + end, slice, this.sliceStart, this.delimiter)));
    }

    const quoteFree = lineEnd >= 0;
    if (!quoteFree && this.newline === '\n') this.dropLineEndCr(cells, start, end);
    // A blank line: no record, but it keeps its row number as in a spreadsheet.
    // A line holding just "" is a row with one empty cell, not a blank line.
    if (!error && cells.length === 1 && cells[0] === '' && slice.charCodeAt(start) !== QUOTE) return;
    if (!quoteFree) unescapeCells(cells);
    const linesTaken = error?.code === 'InvalidQuotes' ? this.lineBreaksWithin(start, end) : 0;
    const text = quoteFree ? slice : undefined;

    const searched = this.searched;
    if (searched !== null) {
      searched.push({ row, cells, broken: error !== undefined, error, linesTaken, text, start, lineEnd });
      if (searched.length > HEADER_SEARCH_ROWS) this.chooseHeader(false);
      return;
    }
    this.place(row, cells, error, linesTaken, text, start, lineEnd);
  }

  /** Picks the header among the rows searched, reports what came before it, then places the rows after it. */
  private chooseHeader(complete: boolean): void {
    const rows = this.searched;
    this.searched = null;
    if (rows === null || rows.length === 0) return;
    const choice = findHeader(rows, this.options.headerScore, complete);
    const header = rows[choice.index]!;
    if (header.error) this.onProblem(readError(header.error, header.row, true, header.linesTaken));
    this.headers = header.cells;
    if (choice.index > 0) this.onProblem(problems.rowsBeforeHeader(header.row, rows.slice(0, choice.index)));
    else if (header.row > 1) this.onProblem(problems.leadingBlankRows(header.row));
    const value = header.cells.find(looksLikeValue);
    if (!choice.found) this.onProblem(problems.noHeader(rows));
    else if (value !== undefined) this.onProblem(problems.headerHoldsValue(header.row, value));
    this.onHeader(header.cells, this.delimiter);
    for (const problem of checkHeader(header.cells, header.row)) this.onProblem(problem);
    for (let i = choice.index + 1; i < rows.length; i++) {
      const r = rows[i]!;
      this.place(r.row, r.cells, r.error, r.linesTaken, r.text, r.start, r.lineEnd);
    }
  }

  /** A row below the header: a record, or skipped with the reason. */
  private place(
    row: number, cells: string[], error: StepError | undefined, linesTaken: number, text: string | undefined, start: number, lineEnd: number,
  ): void {
    if (error) {
      this.onProblem(readError(error, row, false, linesTaken));
      this.skippedRows++;
      return;
    }
    if (cells.length !== this.headers!.length) {
      this.skippedRows++;
      this.onProblem(problems.columnCount(row, cells, this.headers!.length));
      return;
    }
    this.records++;
    if (text !== undefined) this.onRecord(row, cells, text, start, lineEnd);
    else this.onRecord(row, cells);
  }
}

/** The problem for a row Papa Parse could not read; `linesTaken`: line breaks a broken quote swallowed into it. */
function readError(error: StepError, row: number, isHeader: boolean, linesTaken: number): ReadProblem {
  return error.code === 'MissingQuotes'
    ? problems.unclosedQuote(row, isHeader)
    : error.code === 'InvalidQuotes'
      ? problems.malformedQuote(row, isHeader, linesTaken)
      : problems.parseError(row, error.message ?? 'unknown error');
}

/**
 * The cells of a line holding no quote, text[start, lineEnd) (its line break left out), as the reader makes
 * them: split on the delimiter, the CR of a CRLF line ending dropped, the spreadsheet-safety apostrophe taken
 * off. `apostrophes` false: the caller knows the line has none.
 */
export function quoteFreeLineCells(text: string, start: number, lineEnd: number, delimiter: string, apostrophes = true): string[] {
  // split makes the cells array at its exact size
  const cells = text.substring(start, lineEnd).split(delimiter);
  const last = cells.length - 1;
  const lastCell = cells[last]!;
  // a quote-free line's last cell is unquoted: a CR ending it is the CRLF's
  if (lastCell.charCodeAt(lastCell.length - 1) === CR) cells[last] = lastCell.slice(0, -1);
  if (apostrophes) unescapeCells(cells);
  return cells;
}

/** The first word holding a character past ASCII, to show how a single-byte encoding reads the file. */
function firstAccentedWord(text: string): string {
  const at = text.search(/[^\u0000-\u007f]/);
  if (at < 0) return '';
  let start = at;
  while (start > 0 && at - start < 30 && /[^\s,;|"\t]/.test(text.charAt(start - 1))) start--;
  let end = at + 1;
  while (end < text.length && end - at < 30 && /[^\s,;|"\t]/.test(text.charAt(end))) end++;
  return text.slice(start, end);
}

function unescapeCells(cells: string[]): void {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.charCodeAt(0) === 39) cells[i] = unescapeCell(cell);
  }
}

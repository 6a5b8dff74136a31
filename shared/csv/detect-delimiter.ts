// Works out how a CSV is laid out before it is parsed: which delimiter
// (`,` `;` tab `|`) and which line ending, from the first lines of the text,
// counting only characters outside quoted fields.

import { DELIMITERS, type Delimiter } from './types.ts';

/** Lines looked at; enough to judge consistency, cheap even for wide files. */
const MAX_LINES = 30;
/** Characters looked at to choose the delimiter, so a huge first row costs little. */
const SCORE_CHARS = 64 * 1024;

const QUOTE = 34;
const CR = 13;
const LF = 10;

interface LineScan {
  /** Delimiters outside quotes, per line. */
  counts: number[];
  /** Whether each line was empty. */
  blank: boolean[];
  /** Whether the last scanned line ended with a line break (false: it may be cut off). */
  lastTerminated: boolean;
  /** The first line break met outside quotes; undefined if none (or one cut off at the sample's end). */
  firstBreak: '\n' | '\r\n' | '\r' | undefined;
  /**
   * Quotes that make no sense with this delimiter: opening mid-field, or
   * closing and not followed by the delimiter or a line end. A sign that the
   * delimiter is wrong (its fields do not line up with the file's quoting).
   */
  strayQuotes: number;
}

/** Splits the start of `text` into lines as a parser using `delimiter` would, counting delimiters. */
function scanLines(text: string, delimiter: Delimiter, complete: boolean, maxLines = MAX_LINES): LineScan {
  const delimiterCode = delimiter.charCodeAt(0);
  const counts: number[] = [];
  const blank: boolean[] = [];
  let firstBreak: LineScan['firstBreak'];
  let strayQuotes = 0;
  let inQuotes = false;
  let fieldStart = true;
  let count = 0;
  let lineLength = 0;
  let i = 0;
  const length = text.length;
  while (i < length && counts.length < maxLines) {
    const code = text.charCodeAt(i);
    if (inQuotes) {
      if (code === QUOTE) {
        const next = text.charCodeAt(i + 1);
        if (next === QUOTE) i++;
        else {
          inQuotes = false;
          if (i + 1 < length && next !== delimiterCode && next !== CR && next !== LF) strayQuotes++;
        }
      }
      i++;
      continue;
    }
    if (code === CR || code === LF) {
      let lineBreak: LineScan['firstBreak'] = '\n';
      if (code === CR) {
        // A CR at the very end of a partial sample may be the first half of CRLF.
        if (i + 1 === length && !complete) break;
        lineBreak = text.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
      }
      firstBreak ??= lineBreak;
      i += lineBreak.length;
      counts.push(count);
      blank.push(lineLength === 0);
      count = 0;
      lineLength = 0;
      fieldStart = true;
      continue;
    }
    if (code === QUOTE) {
      if (fieldStart) inQuotes = true;
      else strayQuotes++;
    }
    fieldStart = code === delimiterCode;
    if (fieldStart) count++;
    lineLength++;
    i++;
  }
  let lastTerminated = true;
  if (counts.length < maxLines && (lineLength > 0 || inQuotes)) {
    counts.push(count);
    blank.push(false);
    lastTerminated = false;
  }
  return { counts, blank, lastTerminated, firstBreak, strayQuotes };
}

interface Score {
  delimiter: Delimiter;
  headerCount: number;
  consistency: number;
}

function score(scan: LineScan, delimiter: Delimiter, complete: boolean): Score {
  const lines: number[] = [];
  scan.counts.forEach((count, index) => {
    if (!scan.blank[index]) lines.push(count);
  });
  // The first non-blank line is the header; a cut-off last line says little.
  if (!complete && !scan.lastTerminated && lines.length > 2) lines.pop();
  // A title or notes line above the header holds no delimiter: judge from the first line that does, when the
  // lines from there on all agree (else a one-column file with a stray delimiter would be split on it).
  const first = lines.findIndex((count) => count > 0);
  if (first > 0 && lines.length - first >= 2 && lines.slice(first).every((count) => count === lines[first])) lines.splice(0, first);
  const headerCount = lines[0] ?? 0;
  const data = lines.slice(1);
  const matching = data.filter((count) => count === headerCount).length;
  return { delimiter, headerCount, consistency: data.length === 0 ? 1 : matching / data.length };
}

export interface CsvLayout {
  delimiter: Delimiter;
  /**
   * The line ending to split rows on: '\r' for old Mac files, otherwise '\n'
   * (CRLF rows are split on LF and lose their CR). Undefined when `text` is
   * a partial sample with no line break yet: ask again with more text.
   */
  newline: '\n' | '\r' | undefined;
}

/**
 * Chooses the delimiter giving the most consistent column count across the
 * first lines; on a tie, the one whose fields agree with the file's quotes,
 * then the one with more columns in the header (so, like Pivor, `;` wins over
 * `,` when the header has more semicolons), then the order `,` `;` tab `|`. A text with no candidate in its header is read with `,`.
 * `complete` says whether `text` is the whole input or just its beginning.
 */
export function detectLayout(text: string, complete: boolean, forced?: Delimiter): CsvLayout {
  const sample = text.length > SCORE_CHARS ? text.slice(0, SCORE_CHARS) : text;
  const sampleComplete = complete && sample === text;
  let delimiter: Delimiter = forced ?? ',';
  let scan: LineScan | undefined;
  if (!forced) {
    let best: (Score & { scan: LineScan }) | undefined;
    for (const candidate of DELIMITERS) {
      const candidateScan = scanLines(sample, candidate, sampleComplete);
      const result = score(candidateScan, candidate, sampleComplete);
      if (result.headerCount === 0) continue;
      const better =
        !best ||
        result.consistency > best.consistency ||
        (result.consistency === best.consistency &&
          (candidateScan.strayQuotes < best.scan.strayQuotes ||
            (candidateScan.strayQuotes === best.scan.strayQuotes && result.headerCount > best.headerCount)));
      if (better) best = { ...result, scan: candidateScan };
    }
    if (best) {
      delimiter = best.delimiter;
      scan = best.scan;
    }
  }
  // The line ending: the first line break outside quotes, looked for past the sample if need be.
  let lineBreak = (scan ?? scanLines(sample, delimiter, sampleComplete)).firstBreak;
  if (!lineBreak && sample !== text) lineBreak = scanLines(text, delimiter, complete, 1).firstBreak;
  let newline: CsvLayout['newline'];
  if (lineBreak) newline = lineBreak === '\r' ? '\r' : '\n';
  else if (complete) newline = '\n';
  return { delimiter, newline };
}

/** The delimiter of a CSV, judged from its first lines (`sampleText` may be cut anywhere). */
export function detectDelimiter(sampleText: string): Delimiter {
  return detectLayout(sampleText, false).delimiter;
}

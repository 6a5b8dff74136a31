// Turns file bytes into text: detects the encoding (byte-order mark, else
// UTF-8 when the bytes are UTF-8 but for a few stray bytes, else Windows-1252
// or Mac Roman, whichever reads the accented letters plausibly), strips the
// BOM, and decodes either all at once or chunk by chunk for big files.

import { chooseSingleByte, decodeMacRoman } from './single-byte.ts';
import {
  completeUtf8Length,
  decodeUtf16,
  decodeUtf8,
  decodeUtf8Strict,
  decodeWindows1252,
  utf8Evidence,
  type InvalidByte,
} from './text-decoders.ts';
import type { CsvEncoding } from './types.ts';

const DEFAULT_SAMPLE_BYTES = 64 * 1024;

function bomOf(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | undefined {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8-bom', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function family(encoding: CsvEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/**
 * Decodes a byte stream chunk by chunk. The encoding is chosen once, from the
 * first `sampleBytes` bytes (Infinity: from the whole input, at end()), and a
 * multi-byte character split between chunks is carried over, never mangled.
 */
export class IncrementalDecoder {
  /** Set once the encoding is chosen. */
  encoding: CsvEncoding | undefined;
  /**
   * After push()/end(): the bytes of a UTF-8 input that were not valid UTF-8 (each read as Windows-1252), with the
   * offset of its character in the text returned.
   */
  invalid: InvalidByte[] = [];

  private sniffed: Uint8Array[] = [];
  private sniffedBytes = 0;
  private carry: Uint8Array = new Uint8Array(0);
  private ended = false;

  constructor(
    private readonly forced?: CsvEncoding,
    private readonly sampleBytes: number = DEFAULT_SAMPLE_BYTES,
  ) {}

  push(chunk: Uint8Array): string {
    if (this.ended) throw new Error('The decoder has already ended.');
    this.invalid = [];
    if (this.encoding === undefined) {
      if (chunk.length > 0) {
        this.sniffed.push(chunk);
        this.sniffedBytes += chunk.length;
      }
      // At least 4 bytes, so a byte-order mark is never judged from a part of it.
      if (this.sniffedBytes < Math.max(4, this.sampleBytes)) return '';
      return this.decideAndDecode(false);
    }
    return this.decode(chunk, false);
  }

  end(): string {
    if (this.ended) return '';
    this.invalid = [];
    const text = this.encoding === undefined ? this.decideAndDecode(true) : this.decode(new Uint8Array(0), true);
    this.ended = true;
    return text;
  }

  private decideAndDecode(final: boolean): string {
    const sample = this.sniffed.length === 1 ? this.sniffed[0]! : this.sniffed.reduce(concat, new Uint8Array(0));
    this.sniffed = [];
    const bom = bomOf(sample);
    let skip = 0;
    if (this.forced) {
      this.encoding = this.forced;
      if (bom && family(bom.encoding) === family(this.forced)) skip = bom.length;
    } else if (bom) {
      this.encoding = bom.encoding;
      skip = bom.length;
    } else {
      // Valid UTF-8 (plain ASCII included) is UTF-8, and so is UTF-8 with fewer stray bytes than well-formed
      // characters (each stray byte is read as Windows-1252 and reported on its row). Anything else is one of the
      // single-byte encodings spreadsheets save in: the Windows "ANSI" code page, or Mac Roman.
      const whole = final ? sample.length : completeUtf8Length(sample);
      const text = decodeUtf8Strict(sample.subarray(0, whole));
      if (text !== null) {
        this.encoding = 'utf-8';
        this.carry = sample.slice(whole);
        if (!final) return text;
        const rest = this.decode(new Uint8Array(0), true);
        this.invalid = this.invalid.map((bad) => ({ at: bad.at + text.length, byte: bad.byte }));
        return text + rest;
      }
      const evidence = utf8Evidence(sample.subarray(0, whole));
      this.encoding = evidence.valid > 0 && evidence.invalid <= evidence.valid ? 'utf-8' : chooseSingleByte(sample);
    }
    return this.decode(sample.subarray(skip), final);
  }

  private decode(chunk: Uint8Array, final: boolean): string {
    switch (this.encoding) {
      case 'windows-1252':
        return decodeWindows1252(chunk);
      case 'macintosh':
        return decodeMacRoman(chunk);
      case 'utf-16le':
      case 'utf-16be': {
        const bytes = concat(this.carry, chunk);
        const whole = final ? bytes.length : bytes.length - (bytes.length % 2);
        this.carry = bytes.slice(whole);
        return decodeUtf16(bytes.subarray(0, whole), this.encoding === 'utf-16le');
      }
      default: {
        const bytes = concat(this.carry, chunk);
        const whole = final ? bytes.length : completeUtf8Length(bytes);
        this.carry = bytes.slice(whole);
        const { text, invalid } = decodeUtf8(bytes.subarray(0, whole));
        this.invalid = invalid;
        return text;
      }
    }
  }
}

/** Decodes a whole file, choosing the encoding from all of its bytes. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const decoder = new IncrementalDecoder(undefined, Infinity);
  const text = decoder.push(bytes) + decoder.end();
  return { text, encoding: decoder.encoding ?? 'utf-8' };
}

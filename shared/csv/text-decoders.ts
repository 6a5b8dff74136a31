// Byte-to-text decoders for the encodings CSV files arrive in (UTF-8, UTF-16,
// Windows-1252). Self-contained because Apps Script V8 has no TextDecoder;
// where TextDecoder exists it is used for the common UTF-8 and Windows-1252
// cases, since it is native and much faster on big files.

// Windows-1252 bytes 0x80..0x9F; the five unassigned bytes map to the C1
// control of the same value, as the WHATWG Encoding standard does.
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The UTF-16 code unit a Windows-1252 byte stands for. */
export function windows1252CodeUnit(byte: number): number {
  return byte >= 0x80 && byte < 0xa0 ? CP1252_80_9F[byte - 0x80]! : byte;
}

/** Collects UTF-16 code units and turns them into a string in slices (fromCharCode has an argument limit). */
class CodeUnitWriter {
  private readonly buffer = new Uint16Array(8192);
  private used = 0;
  private readonly parts: string[] = [];
  /** Code units written so far. */
  length = 0;

  put(unit: number): void {
    if (this.used === this.buffer.length) this.flush();
    this.buffer[this.used++] = unit;
    this.length++;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.parts.push(String.fromCharCode.apply(null, this.buffer.subarray(0, this.used) as unknown as number[]));
    this.used = 0;
  }

  toString(): string {
    this.flush();
    return this.parts.join('');
  }
}

type NativeDecoderClass = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => {
  decode(input: Uint8Array): string;
};

/** TextDecoder for `label`, or undefined when the runtime has none (Apps Script) or lacks the encoding. */
function nativeDecoder(label: string, fatal: boolean): { decode(input: Uint8Array): string } | undefined {
  const Native = (globalThis as { TextDecoder?: NativeDecoderClass }).TextDecoder;
  if (typeof Native !== 'function') return undefined;
  try {
    return new Native(label, { fatal, ignoreBOM: true });
  } catch {
    return undefined;
  }
}

let strictUtf8: { decode(input: Uint8Array): string } | undefined | null = null;
let native1252: { decode(input: Uint8Array): string } | undefined | null = null;

/** A byte that was not valid UTF-8: where its character (read as Windows-1252) is in the text, and its value. */
export interface InvalidByte { at: number; byte: number }

export interface Utf8Result {
  text: string;
  /** Every byte that was not valid UTF-8, in order (none when the bytes were valid UTF-8). */
  invalid: InvalidByte[];
}

const NONE: InvalidByte[] = [];

/**
 * Decodes UTF-8 written in pure JavaScript. Bytes that are not valid UTF-8
 * (stray Latin-1/Windows-1252 bytes in a mostly UTF-8 file are the usual case)
 * are read as Windows-1252 characters, or make the result null when `strict`.
 */
export function decodeUtf8Portable(bytes: Uint8Array, strict: true): string | null;
export function decodeUtf8Portable(bytes: Uint8Array, strict?: false): Utf8Result;
export function decodeUtf8Portable(bytes: Uint8Array, strict = false): Utf8Result | string | null {
  const out = new CodeUnitWriter();
  const invalid: InvalidByte[] = [];
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      out.put(lead);
      i++;
      continue;
    }
    let extra = 0;
    let point = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
      extra = 1;
      point = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      extra = 2;
      point = lead & 0x0f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      extra = 3;
      point = lead & 0x07;
    }
    let valid = extra > 0 && i + extra < length;
    for (let k = 1; valid && k <= extra; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) valid = false;
      else point = (point << 6) | (next & 0x3f);
    }
    // Reject overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if (valid && extra === 2) valid = point >= 0x800 && (point < 0xd800 || point > 0xdfff);
    if (valid && extra === 3) valid = point >= 0x10000 && point <= 0x10ffff;
    if (valid) {
      if (point >= 0x10000) {
        point -= 0x10000;
        out.put(0xd800 + (point >> 10));
        out.put(0xdc00 + (point & 0x3ff));
      } else {
        out.put(point);
      }
      i += extra + 1;
    } else {
      if (strict) return null;
      invalid.push({ at: out.length, byte: lead });
      out.put(windows1252CodeUnit(lead));
      i++;
    }
  }
  const text = out.toString();
  return strict ? text : { text, invalid };
}

/** Decodes UTF-8, reading invalid bytes as Windows-1252 (see decodeUtf8Portable). */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  const text = decodeUtf8Strict(bytes);
  return text === null ? decodeUtf8Portable(bytes) : { text, invalid: NONE };
}

/** Decodes UTF-8, or returns null when the bytes are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  if (strictUtf8 === null) strictUtf8 = nativeDecoder('utf-8', true);
  if (!strictUtf8) return decodeUtf8Portable(bytes, true);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes Windows-1252 in pure JavaScript. */
export function decodeWindows1252Portable(bytes: Uint8Array): string {
  const out = new CodeUnitWriter();
  for (let i = 0; i < bytes.length; i++) out.put(windows1252CodeUnit(bytes[i]!));
  return out.toString();
}

export function decodeWindows1252(bytes: Uint8Array): string {
  if (native1252 === null) {
    native1252 = nativeDecoder('windows-1252', false);
    // Some Node versions decode the "windows-1252" label as Latin-1 (0x80 as a
    // control character instead of €): use the native decoder only if it is right.
    if (native1252 && native1252.decode(new Uint8Array([0x80, 0x9f])) !== '\u20ac\u0178') native1252 = undefined;
  }
  return native1252 ? native1252.decode(bytes) : decodeWindows1252Portable(bytes);
}

/**
 * Decodes UTF-16 code units. Always portable: it keeps a surrogate half that
 * ends one chunk for the next chunk's string to complete, where TextDecoder
 * would replace it. An odd trailing byte becomes U+FFFD.
 */
export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const out = new CodeUnitWriter();
  const even = bytes.length - (bytes.length % 2);
  const [lo, hi] = littleEndian ? [0, 1] : [1, 0];
  for (let i = 0; i < even; i += 2) out.put(bytes[i + lo]! | (bytes[i + hi]! << 8));
  if (even < bytes.length) out.put(0xfffd);
  return out.toString();
}

/**
 * What a byte string says about being UTF-8: how many multi-byte characters are well formed, and how many bytes
 * fit no character. A UTF-8 file with a few stray bytes has many of the first; a single-byte file, next to none.
 */
export function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  const { invalid } = decodeUtf8Portable(bytes);
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0xc2 && bytes[i]! <= 0xf4) valid++;
  // every lead byte counted above that was in fact invalid is no character
  for (const bad of invalid) if (bad.byte >= 0xc2 && bad.byte <= 0xf4) valid--;
  return { valid, invalid: invalid.length };
}

/**
 * Length of the longest prefix of `bytes` that does not end inside a UTF-8
 * sequence, so a chunk can be decoded now and its tail carried to the next.
 */
export function completeUtf8Length(bytes: Uint8Array): number {
  const length = bytes.length;
  let i = length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (bytes[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return length;
  const lead = bytes[i]!;
  const needed = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 1;
  return continuation + 1 < needed ? i : length;
}

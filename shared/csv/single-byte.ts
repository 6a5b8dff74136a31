// The two single-byte encodings spreadsheets write when they do not write UTF-8: Windows-1252 (Excel's "CSV" on
// Windows) and Mac Roman (Excel's "CSV (Macintosh)"). Which one a file is in shows in its accented letters: read
// in the wrong one they turn into control characters, symbols inside words, or capitals after small letters.

import { windows1252CodeUnit } from './text-decoders.ts';

export type SingleByteEncoding = 'windows-1252' | 'macintosh';

/** Mac Roman bytes 0x80..0xFF, as the WHATWG Encoding standard maps them ("macintosh"). */
const MAC_ROMAN_80_FF = [
  0xc4, 0xc5, 0xc7, 0xc9, 0xd1, 0xd6, 0xdc, 0xe1, 0xe0, 0xe2, 0xe4, 0xe3, 0xe5, 0xe7, 0xe9, 0xe8,
  0xea, 0xeb, 0xed, 0xec, 0xee, 0xef, 0xf1, 0xf3, 0xf2, 0xf4, 0xf6, 0xf5, 0xfa, 0xf9, 0xfb, 0xfc,
  0x2020, 0xb0, 0xa2, 0xa3, 0xa7, 0x2022, 0xb6, 0xdf, 0xae, 0xa9, 0x2122, 0xb4, 0xa8, 0x2260, 0xc6, 0xd8,
  0x221e, 0xb1, 0x2264, 0x2265, 0xa5, 0xb5, 0x2202, 0x2211, 0x220f, 0x3c0, 0x222b, 0xaa, 0xba, 0x3a9, 0xe6, 0xf8,
  0xbf, 0xa1, 0xac, 0x221a, 0x192, 0x2248, 0x2206, 0xab, 0xbb, 0x2026, 0xa0, 0xc0, 0xc3, 0xd5, 0x152, 0x153,
  0x2013, 0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0xf7, 0x25ca, 0xff, 0x178, 0x2044, 0x20ac, 0x2039, 0x203a, 0xfb01, 0xfb02,
  0x2021, 0xb7, 0x201a, 0x201e, 0x2030, 0xc2, 0xca, 0xc1, 0xcb, 0xc8, 0xcd, 0xce, 0xcf, 0xcc, 0xd3, 0xd4,
  0xf8ff, 0xd2, 0xda, 0xdb, 0xd9, 0x131, 0x2c6, 0x2dc, 0xaf, 0x2d8, 0x2d9, 0x2da, 0xb8, 0x2dd, 0x2db, 0x2c7,
];

export function macRomanCodeUnit(byte: number): number {
  return byte < 0x80 ? byte : MAC_ROMAN_80_FF[byte - 0x80]!;
}

/** Decodes Mac Roman (rare enough that the portable loop is all it needs). */
export function decodeMacRoman(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const units = Array.from(bytes.subarray(start, start + 8192), macRomanCodeUnit);
    parts.push(String.fromCharCode(...units));
  }
  return parts.join('');
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/**
 * Windows-1252, unless read that way the file shows control characters or unlikely letters and Mac Roman reads
 * it more plausibly. Each byte at or above 0x80 scores, in each encoding, +1 as a letter beside a letter, -1 as a
 * capital inside a word or as a symbol between two letters, -5 as a control character (the bytes Windows-1252
 * leaves undefined).
 */
export function chooseSingleByte(bytes: Uint8Array): SingleByteEncoding {
  let windows = 0;
  let windowsOdd = false;
  let mac = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const score = plausibility(bytes, i, windows1252CodeUnit);
    windows += score;
    if (score < 0) windowsOdd = true;
    mac += plausibility(bytes, i, macRomanCodeUnit);
  }
  return windowsOdd && mac > windows ? 'macintosh' : 'windows-1252';
}

function plausibility(bytes: Uint8Array, i: number, unit: (byte: number) => number): number {
  const char = String.fromCharCode(unit(bytes[i]!));
  const code = char.charCodeAt(0);
  if (code >= 0x80 && code < 0xa0) return -5;
  const before = i > 0 ? String.fromCharCode(unit(bytes[i - 1]!)) : '';
  const after = i + 1 < bytes.length ? String.fromCharCode(unit(bytes[i + 1]!)) : '';
  const letterBefore = LETTER.test(before);
  const letterAfter = LETTER.test(after);
  if (!LETTER.test(char)) return letterBefore && letterAfter ? -1 : 0;
  // a capital inside a word: after a small letter, or between a letter and a small letter
  if (UPPER.test(char) && (LOWER.test(before) || (letterBefore && LOWER.test(after)))) return -1;
  return letterBefore || letterAfter ? 1 : 0;
}

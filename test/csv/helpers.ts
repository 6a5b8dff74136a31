// Shared helpers for the CSV tests: fixture bytes and byte builders.

import { readFileSync } from 'node:fs';

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Windows-1252 bytes for text made only of characters that encoding has (built by hand: no encoder needed). */
export function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'Š': 0x8a, 'Œ': 0x8c, 'š': 0x9a, 'œ': 0x9c, 'Ÿ': 0x9f };
  return Uint8Array.from([...text].map((char) => {
    const code = char.codePointAt(0)!;
    if (high[char] !== undefined) return high[char]!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    throw new Error(`${char} is not in Windows-1252`);
  }));
}

export function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    offset = 2;
  }
  for (let i = 0; i < text.length; i++) view.setUint16(offset + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

export function codes(problems: { code: string }[]): string[] {
  return problems.map((problem) => problem.code);
}

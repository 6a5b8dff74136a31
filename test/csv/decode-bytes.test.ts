// Decoding: encoding detection, the portable decoders (what Apps Script runs,
// having no TextDecoder) against the native one, and chunked decoding.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IncrementalDecoder } from '../../shared/csv/decode-bytes.ts';
import { decodeBytes } from '../../shared/csv/index.ts';
import {
  completeUtf8Length,
  decodeUtf16,
  decodeUtf8Portable,
  decodeWindows1252,
  decodeWindows1252Portable,
} from '../../shared/csv/text-decoders.ts';
import { fixture, utf16, utf8, windows1252 } from './helpers.ts';

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    fatalUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('decodeBytes', () => {
  it('detects each encoding and strips the BOM', () => {
    const text = 'name\r\nÉcole Ødegaard 😀\r\n';
    expect(decodeBytes(utf8(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(utf8(`\uFEFF${text}`))).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeBytes(utf16(text, true))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(text, false))).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeBytes(windows1252('name\r\nÉcole “Ødegaard” €5\r\n'))).toEqual({
      text: 'name\r\nÉcole “Ødegaard” €5\r\n',
      encoding: 'windows-1252',
    });
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('reads a whole file as Windows-1252 when any byte is not valid UTF-8, however late', () => {
    const bytes = new Uint8Array([...utf8(`name\r\n${'a'.repeat(200_000)}\r\n`), ...windows1252('Müller\r\n')]);
    const { text, encoding } = decodeBytes(bytes);
    expect(encoding).toBe('windows-1252');
    expect(text.endsWith('Müller\r\n')).toBe(true);
  });

  it('decodes the Excel fixture', () => {
    expect(decodeBytes(fixture('excel-semicolon-clients.csv')).text.startsWith('Company Name;')).toBe(true);
  });
});

describe('portable decoders', () => {
  it('UTF-8: decodes any well-formed text exactly as TextDecoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const bytes = utf8(text);
        expect(decodeUtf8Portable(bytes, true)).toBe(text);
        expect(decodeUtf8Portable(bytes)).toEqual({ text, invalid: [] });
      }),
    );
  });

  it('UTF-8: rejects exactly the byte strings TextDecoder rejects', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        expect(decodeUtf8Portable(bytes, true) !== null).toBe(isValidUtf8(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('UTF-8: reads invalid bytes as Windows-1252 and says where each one is', () => {
    expect(decodeUtf8Portable(new Uint8Array([0x41, 0xe9, 0x42, 0x80]))).toEqual({ text: 'AéB€', invalid: [{ at: 1, byte: 0xe9 }, { at: 3, byte: 0x80 }] });
    // Overlong, surrogate and out-of-range forms are invalid too.
    expect(decodeUtf8Portable(new Uint8Array([0xc0, 0x80]), true)).toBeNull();
    expect(decodeUtf8Portable(new Uint8Array([0xed, 0xa0, 0x80]), true)).toBeNull();
    expect(decodeUtf8Portable(new Uint8Array([0xf4, 0x90, 0x80, 0x80]), true)).toBeNull();
    expect(decodeUtf8Portable(new Uint8Array([0xe2, 0x82]), true)).toBeNull();
  });

  it('Windows-1252: the table, and the decoder in use agrees with it on all 256 bytes', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252Portable(all);
    expect(text[0x80]).toBe('€');
    expect(text[0x81]).toBe('\u0081');
    expect(text[0x8a]).toBe('Š');
    expect(text[0x9f]).toBe('Ÿ');
    expect(text[0xe9]).toBe('é');
    for (let i = 0xa0; i < 256; i++) expect(text.charCodeAt(i)).toBe(i);
    expect(decodeWindows1252(all)).toBe(text);
  });

  it('UTF-16: keeps surrogate pairs and marks an odd trailing byte', () => {
    expect(decodeUtf16(utf16('a😀', true, false), true)).toBe('a😀');
    expect(decodeUtf16(utf16('a😀', false, false), false)).toBe('a😀');
    expect(decodeUtf16(new Uint8Array([0x61, 0x00, 0x62]), true)).toBe('a\uFFFD');
  });

  it('finds where a chunk stops ending inside a UTF-8 sequence', () => {
    const euro = [0xe2, 0x82, 0xac];
    expect(completeUtf8Length(new Uint8Array([0x41, ...euro]))).toBe(4);
    expect(completeUtf8Length(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
    expect(completeUtf8Length(new Uint8Array([0x41, 0xf0, 0x9f, 0x98]))).toBe(1);
    expect(completeUtf8Length(new Uint8Array([0x41, 0xc3]))).toBe(1);
    expect(completeUtf8Length(new Uint8Array([0x80, 0x80, 0x80, 0x80]))).toBe(4);
  });
});

describe('IncrementalDecoder', () => {
  const splits = (length: number) => fc.uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 8 });

  function decodeInPieces(bytes: Uint8Array, cuts: number[], sampleBytes: number): { text: string; encoding: string } {
    const decoder = new IncrementalDecoder(undefined, sampleBytes);
    const points = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
    let text = '';
    for (let i = 1; i < points.length; i++) text += decoder.push(bytes.subarray(points[i - 1], points[i]));
    text += decoder.end();
    return { text, encoding: decoder.encoding! };
  }

  it('gives the same text however the bytes are cut, in every encoding', () => {
    const text = 'name;notes\r\nÉcole;😀 “quoted” €\r\n東京;Ω\r\n';
    const cases: [Uint8Array, string][] = [
      [utf8(text), 'utf-8'],
      [utf8(`\uFEFF${text}`), 'utf-8-bom'],
      [utf16(text, true), 'utf-16le'],
      [utf16(text, false), 'utf-16be'],
    ];
    for (const [bytes, encoding] of cases) {
      fc.assert(
        fc.property(splits(bytes.length), fc.integer({ min: 1, max: 16 }), (cuts, sampleBytes) => {
          expect(decodeInPieces(bytes, cuts, sampleBytes)).toEqual({ text, encoding });
        }),
      );
    }
  });

  it('reports invalid UTF-8 met after the encoding was chosen, and reads it as Windows-1252', () => {
    const decoder = new IncrementalDecoder(undefined, 4);
    expect(decoder.push(utf8('name\r\n'))).toBe('name\r\n');
    expect(decoder.encoding).toBe('utf-8');
    expect(decoder.invalid).toEqual([]);
    expect(decoder.push(new Uint8Array([0x4d, 0xfc, 0x6c]))).toBe('Mül');
    expect(decoder.invalid).toEqual([{ at: 1, byte: 0xfc }]);
    expect(decoder.end()).toBe('');
  });
});

describe('without TextDecoder (as in Apps Script)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('reads every encoding the same way', async () => {
    vi.stubGlobal('TextDecoder', undefined);
    vi.resetModules();
    const portable = await import('../../shared/csv/index.ts');
    expect(globalThis.TextDecoder).toBeUndefined();
    const inputs = [
      fixture('excel-semicolon-clients.csv'),
      fixture('hubspot-contacts.csv'),
      windows1252('name;city\r\nMüller;Zürich “€”\r\n'),
      utf16('name,city\r\n😀,東京\r\n', true),
      new Uint8Array(readFileSync(new URL('../fixtures/real-world/excel-mac-contacts.csv', import.meta.url))),
    ];
    const expected = [
      { encoding: 'utf-8-bom', cell: 'Société Générale Démo' },
      { encoding: 'utf-8', cell: '51' },
      { encoding: 'windows-1252', cell: 'Müller' },
      { encoding: 'utf-16le', cell: '😀' },
      { encoding: 'macintosh', cell: 'Renée' },
    ];
    inputs.forEach((bytes, index) => {
      const table = portable.readCsv(bytes);
      expect(table.encoding).toBe(expected[index]!.encoding);
      expect(table.records[0]!.cells[0]).toBe(expected[index]!.cell);
    });
  });
});

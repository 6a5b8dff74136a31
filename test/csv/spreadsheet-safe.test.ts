// Formula-injection escaping: what gets an apostrophe, what loses one, and
// that the pair round-trips every string.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCell, unescapeCell } from '../../shared/csv/index.ts';

describe('escapeCell / unescapeCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+33 1 23 45 67 89', "'+33 1 23 45 67 89"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['\rx', "'\rx"],
    ["'=already", "''=already"],
    ["'''-x", "''''-x"],
  ])('escapes %j as %j and back', (value, escaped) => {
    expect(escapeCell(value)).toBe(escaped);
    expect(unescapeCell(escaped)).toBe(value);
  });

  it.each(['', 'Acme', 'a=b', ' =x', "'", "''", "'abc", "O'Neill", '1+1', '\n=x'])('leaves %j alone both ways', (value) => {
    expect(escapeCell(value)).toBe(value);
    expect(unescapeCell(value)).toBe(value);
  });

  it('removes exactly one apostrophe, only before a formula start', () => {
    expect(unescapeCell("'=x")).toBe('=x');
    expect(unescapeCell("''+x")).toBe("'+x");
    expect(unescapeCell("'x")).toBe("'x");
    expect(unescapeCell("'\t")).toBe('\t');
  });

  it('round-trips any string, and never leaves a formula start in front', () => {
    const text = fc.string({
      unit: fc.oneof(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', ' '), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
    });
    fc.assert(
      fc.property(text, (value) => {
        const escaped = escapeCell(value);
        expect(unescapeCell(escaped)).toBe(value);
        expect(escaped).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 3000 },
    );
  });
});

// Delimiter detection: quotes are looked through, the most consistent
// delimiter wins, and Pivor's own tie-break (more semicolons → ;) holds.

import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from '../../shared/csv/index.ts';

describe('detectDelimiter', () => {
  it('finds each of the four delimiters', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });

  it('ignores delimiters inside quoted values, even across line breaks', () => {
    expect(detectDelimiter('name;notes\n"Acme, Inc";"a, b, c"\n"Beta";"x,\ny, z"\n')).toBe(';');
    expect(detectDelimiter('"a;b;c",d\n"1;2;3",4\n')).toBe(',');
  });

  it('prefers the delimiter that gives a consistent column count', () => {
    // The header has more commas than semicolons, but only ; splits every row the same way.
    const text = 'name;notes, comments, misc\nAcme;fine\nBeta;ok, good\nGamma;a, b, c, d\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(readCsv(text).records.map((r) => r.cells)).toEqual([
      ['Acme', 'fine'],
      ['Beta', 'ok, good'],
      ['Gamma', 'a, b, c, d'],
    ]);
  });

  it('picks ; over , when both are consistent and the header has more semicolons (as Pivor does)', () => {
    expect(detectDelimiter('a;b;c,d\n1;2;3,4\n')).toBe(';');
    expect(detectDelimiter('a,b,c;d\n1,2,3;4\n')).toBe(',');
    // A tie goes to the comma.
    expect(detectDelimiter('a,b;c\n1,2;3\n')).toBe(',');
  });

  it('on a tie, prefers the delimiter whose fields line up with the quotes', () => {
    // Read with |, the quotes would open mid-field: the file is comma-separated.
    expect(detectDelimiter(',"|","||"\r\n')).toBe(',');
    expect(detectDelimiter('x,"p||q"\r\ny,"r||s"\r\n')).toBe(',');
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter('name\nAcme\nBeta\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });

  it('does not let a cut-off last line of a sample decide', () => {
    const sample = 'a;b\n1;2\n3;4\n5;6\n7';
    expect(detectDelimiter(sample)).toBe(';');
  });

  it('is used by readCsv unless a delimiter is forced', () => {
    expect(readCsv('a|b\n1|2\n').delimiter).toBe('|');
    const forced = readCsv('a|b\n1|2\n', { delimiter: ',' });
    expect(forced.delimiter).toBe(',');
    expect(forced.headers).toEqual(['a|b']);
  });
});

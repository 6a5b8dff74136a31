import { describe, expect, it } from 'vitest';
import { CheckError, checkCsv } from '../../shared/validate/index.ts';

describe('checkCsv', () => {
  it('takes text, bytes or an ArrayBuffer', () => {
    const text = 'name,email\nAcme,info@acme.com\n';
    const bytes = new TextEncoder().encode(text);
    for (const input of [text, bytes, bytes.buffer]) {
      expect(checkCsv(input, 'clients').counts).toEqual({ records: 1, valid: 1, warnings: 0, errors: 0 });
    }
  });

  it('detects the resource when asked', () => {
    expect(checkCsv('type;subject\nnote;Hello\n', 'auto').resource).toBe('communications');
  });

  it('refuses an empty file with the reader\'s reason', () => {
    expect(() => checkCsv('', 'clients')).toThrow(CheckError);
    expect(() => checkCsv('', 'clients')).toThrow('The file is empty');
  });

  it('refuses to guess the resource of a file nothing maps', () => {
    try {
      checkCsv('foo,bar\n1,2\n', 'auto');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CheckError);
      expect((e as CheckError).code).toBe('unknown-resource');
      expect((e as Error).message).toMatch(/^Cannot tell whether this file holds clients, contacts or communications/);
    }
  });

  it('checks a file with a header and no records', () => {
    const report = checkCsv('first_name,last_name\n', 'contacts');
    expect(report.counts.records).toBe(0);
    expect(report.issues.map((i) => i.code)).toEqual(['no-records']);
  });
});

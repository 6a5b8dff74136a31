import { describe, expect, it } from 'vitest';
import { normalizeDecimal, normalizeInteger } from '../../shared/normalize/index.ts';

describe('numbers', () => {
  it.each([
    ['1200', 1200, false], ['-3.5', -3.5, false], ['1.200', 1.2, false],
    ['1,200', 1200, true], ['$4,500,000', 4500000, true], ['€ 1.200,50', 1200.5, true], ['1 200', 1200, true],
    ['1\u00a0200,75', 1200.75, true], ["1'200", 1200, true], ['1,5', 1.5, true], ['1,200.50', 1200.5, true],
    ['1.200.000', 1200000, true], ['USD 10', 10, true], ['10 EUR', 10, true], ['(5)', -5, true], ['£12', 12, true],
  ])('reads %j as %d', (text, value, notice) => {
    const r = normalizeDecimal(text);
    expect(r).toMatchObject({ ok: true, value });
    expect(r.ok && r.notices?.[0]?.code === 'number-format').toBe(notice);
  });

  it.each(['abc', '12 34', '1.2.3', '1,2,3', '1,200.5.0', '12abc', '€ 1.200', '--5'])('refuses %j', (text) => {
    const r = normalizeDecimal(text);
    expect(r.ok).toBe(false);
  });

  it('refuses a lone dot before three digits next to a currency sign as ambiguous', () => {
    expect(normalizeDecimal('€ 1.200')).toEqual({ ok: false, code: 'ambiguous-number', message: '"€ 1.200" is ambiguous: write 1200 or 1.200 without the currency sign' });
  });

  it('refuses fractions in integer fields, not integral decimals', () => {
    expect(normalizeInteger('12.5')).toEqual({ ok: false, code: 'not-integer', message: '"12.5" is not a whole number' });
    expect(normalizeInteger('1,200.00')).toMatchObject({ ok: true, value: 1200 });
    expect(normalizeInteger('250')).toEqual({ ok: true, value: 250 });
  });
});

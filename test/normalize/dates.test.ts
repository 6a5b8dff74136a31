import { describe, expect, it } from 'vitest';
import { dateNormalizer, isValidTimeZone } from '../../shared/normalize/index.ts';

describe('dates', () => {
  const utc = dateNormalizer();

  it.each([
    ['2025-04-02 16:30', '2025-04-02T16:30:00.000Z'],
    ['2025-04-02 16:30:15', '2025-04-02T16:30:15.000Z'],
    ['2025-04-02T16:30:00+02:00', '2025-04-02T14:30:00.000Z'],
    ['2025-04-02T16:30:00-0500', '2025-04-02T21:30:00.000Z'],
    ['2025-04-02T16:30Z', '2025-04-02T16:30:00.000Z'],
    ['2025-04-02T16:30:00.250Z', '2025-04-02T16:30:00.250Z'],
  ])("reads Pivor's and ISO spellings %j silently", (text, iso) => {
    expect(utc(text)).toEqual({ ok: true, value: iso });
  });

  it('reads a bare date as midnight, with a notice', () => {
    expect(utc('2025-04-02')).toEqual({
      ok: true, value: '2025-04-02T00:00:00.000Z',
      notices: [{ code: 'date-read', message: 'read "2025-04-02" as 2 April 2025 00:00 UTC' }],
    });
  });

  it('refuses impossible dates and times', () => {
    expect(utc('2025-04-31')).toEqual({ ok: false, code: 'invalid-date', message: '"2025-04-31" is not a date: April 2025 has no day 31' });
    expect(utc('2025-02-29 10:00').ok).toBe(false);
    expect(utc('2024-02-29 10:00')).toMatchObject({ ok: true, value: '2024-02-29T10:00:00.000Z' });
    expect(utc('2025-13-01').ok).toBe(false);
    expect(utc('2025-04-02 25:00').ok).toBe(false);
    expect(utc('next tuesday')).toMatchObject({ ok: false, code: 'invalid-date' });
  });

  it('refuses slash dates unless the order is stated', () => {
    expect(utc('02/04/2025')).toMatchObject({ ok: false, code: 'ambiguous-date' });
    expect(utc('02-04-2025')).toMatchObject({ ok: false, code: 'ambiguous-date' });
    expect(dateNormalizer({ dateOrder: 'day-first' })('02/04/2025')).toMatchObject({ ok: true, value: '2025-04-02T00:00:00.000Z', notices: [{ code: 'date-read' }] });
    expect(dateNormalizer({ dateOrder: 'month-first' })('02/04/2025')).toMatchObject({ ok: true, value: '2025-02-04T00:00:00.000Z' });
    expect(dateNormalizer({ dateOrder: 'day-first' })('2.4.2025 16:30')).toMatchObject({ ok: true, value: '2025-04-02T16:30:00.000Z' });
    expect(dateNormalizer({ dateOrder: 'month-first' })('4/2/2025 4:30 PM')).toMatchObject({ ok: true, value: '2025-04-02T16:30:00.000Z' });
    expect(dateNormalizer({ dateOrder: 'day-first' })('31/04/2025')).toMatchObject({ ok: false, code: 'invalid-date' });
    // year first is never ambiguous
    expect(utc('2025/04/02')).toMatchObject({ ok: true, value: '2025-04-02T00:00:00.000Z' });
  });

  it('reads dotted dates day first everywhere, whatever order is stated for slashes', () => {
    expect(utc('04.03.2025')).toEqual({
      ok: true, value: '2025-03-04T00:00:00.000Z',
      notices: [{ code: 'date-read', message: 'read "04.03.2025" (day first, as dotted dates are) as 4 March 2025 00:00 UTC' }],
    });
    expect(dateNormalizer({ dateOrder: 'month-first' })('04.03.2025 14:30')).toMatchObject({ ok: true, value: '2025-03-04T14:30:00.000Z' });
    expect(utc('31.02.2024')).toEqual({ ok: false, code: 'invalid-date', message: '"31.02.2024" is not a date: February 2024 has no day 31' });
  });

  it.each([
    ['12 Mar 2024', '2024-03-12T00:00:00.000Z'],
    ['12-Mar-2024', '2024-03-12T00:00:00.000Z'],
    ['1st March 2024', '2024-03-01T00:00:00.000Z'],
    ['Mar 12, 2024', '2024-03-12T00:00:00.000Z'],
    ['september 3 2024 3:05 PM', '2024-09-03T15:05:00.000Z'],
    ['Sept 3, 2024 09:30', '2024-09-03T09:30:00.000Z'],
  ])('reads the month-name spelling %j without asking', (text, iso) => {
    expect(utc(text)).toMatchObject({ ok: true, value: iso, notices: [{ code: 'date-read' }] });
  });

  it('refuses month names it does not know and days a month lacks', () => {
    expect(utc('Foo 12, 2024')).toMatchObject({ ok: false, code: 'invalid-date' });
    expect(utc('30 Feb 2024')).toMatchObject({ ok: false, code: 'invalid-date', message: '"30 Feb 2024" is not a date: February 2024 has no day 30' });
  });

  it('reads two-digit years only with a stated order, and says the pivot', () => {
    expect(utc('04/03/25')).toMatchObject({ ok: false, code: 'ambiguous-date' });
    expect(utc('04.03.25')).toMatchObject({ ok: false, code: 'ambiguous-date' });
    expect(utc('04/03/25').ok === false && utc('04/03/25')).toMatchObject({ message: expect.stringContaining('00–69 read as 2000–2069, 70–99 as 1970–1999') });
    expect(dateNormalizer({ dateOrder: 'day-first' })('04/03/25')).toEqual({
      ok: true, value: '2025-03-04T00:00:00.000Z',
      notices: [{ code: 'date-read', message: 'read "04/03/25" (day-first; two-digit years 00–69 read as 2000–2069, 70–99 as 1970–1999) as 4 March 2025 00:00 UTC' }],
    });
    expect(dateNormalizer({ dateOrder: 'month-first' })('04/03/25 4:30 PM')).toMatchObject({ ok: true, value: '2025-04-03T16:30:00.000Z' });
    expect(dateNormalizer({ dateOrder: 'month-first' })('12/31/69')).toMatchObject({ ok: true, value: '2069-12-31T00:00:00.000Z' });
    expect(dateNormalizer({ dateOrder: 'month-first' })('01/01/70')).toMatchObject({ ok: true, value: '1970-01-01T00:00:00.000Z' });
    // dots stay day first even when month first is stated
    expect(dateNormalizer({ dateOrder: 'month-first' })('04.03.25')).toMatchObject({ ok: true, value: '2025-03-04T00:00:00.000Z' });
    expect(dateNormalizer({ dateOrder: 'day-first' })('31/02/25')).toMatchObject({ ok: false, code: 'invalid-date' });
  });

  it('reads wall-clock times in the stated zone, offsets as written', () => {
    const paris = dateNormalizer({ timeZone: 'Europe/Paris' });
    expect(paris('2025-04-02 16:30')).toEqual({ ok: true, value: '2025-04-02T14:30:00.000Z' });
    expect(paris('2025-01-15 10:00')).toEqual({ ok: true, value: '2025-01-15T09:00:00.000Z' });
    expect(paris('2025-04-02T16:30:00Z')).toEqual({ ok: true, value: '2025-04-02T16:30:00.000Z' });
    // 02:30 on the night the clocks go forward does not exist
    expect(paris('2025-03-30 02:30')).toMatchObject({ ok: true, value: '2025-03-30T01:30:00.000Z', notices: [{ code: 'date-shifted' }] });
  });

  it('refuses an unknown zone up front', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => dateNormalizer({ timeZone: 'Mars/Olympus' })).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});

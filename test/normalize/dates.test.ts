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

  it('refuses slash and dot dates unless the order is stated', () => {
    expect(utc('02/04/2025')).toMatchObject({ ok: false, code: 'ambiguous-date' });
    expect(utc('02.04.2025')).toMatchObject({ ok: false, code: 'ambiguous-date' });
    expect(dateNormalizer({ dateOrder: 'day-first' })('02/04/2025')).toMatchObject({ ok: true, value: '2025-04-02T00:00:00.000Z', notices: [{ code: 'date-read' }] });
    expect(dateNormalizer({ dateOrder: 'month-first' })('02/04/2025')).toMatchObject({ ok: true, value: '2025-02-04T00:00:00.000Z' });
    expect(dateNormalizer({ dateOrder: 'day-first' })('2.4.2025 16:30')).toMatchObject({ ok: true, value: '2025-04-02T16:30:00.000Z' });
    expect(dateNormalizer({ dateOrder: 'month-first' })('4/2/2025 4:30 PM')).toMatchObject({ ok: true, value: '2025-04-02T16:30:00.000Z' });
    expect(dateNormalizer({ dateOrder: 'day-first' })('31/04/2025')).toMatchObject({ ok: false, code: 'invalid-date' });
    // year first is never ambiguous
    expect(utc('2025/04/02')).toMatchObject({ ok: true, value: '2025-04-02T00:00:00.000Z' });
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

import { describe, expect, it } from 'vitest';
import { readClinicalDate } from '../../../src/core/fhir/date-entry.ts';
import { clinicalDate, clinicalDay, dayOf, isoDay } from '../../../src/core/fhir/dates.ts';

describe('clinicalDate: the one date format of every surface', () => {
  it('writes a date as "7 Dec 2026"', () => {
    expect(clinicalDate('2026-12-07')).toBe('7 Dec 2026');
    expect(clinicalDate('2026-01-31')).toBe('31 Jan 2026');
  });
  it('names the UTC day of a dateTime, as the rules do', () => {
    expect(clinicalDate('2026-12-07T23:30:00-05:00')).toBe('8 Dec 2026');
    expect(clinicalDay(dayOf('2026-12-07T23:30:00-05:00')!)).toBe('8 Dec 2026');
  });
  it('keeps the precision of partial dates', () => {
    expect(clinicalDate('2014-03')).toBe('Mar 2014');
    expect(clinicalDate('2014')).toBe('2014');
  });
  it('returns text that is not a date as given, and nothing for nothing', () => {
    expect(clinicalDate('last spring')).toBe('last spring');
    expect(clinicalDate('2026-13-01')).toBe('2026-13-01');
    expect(clinicalDate(undefined)).toBe('');
  });
  it('does not roll an impossible day into the next month', () => {
    expect(clinicalDate('2026-02-31')).toBe('2026-02-31');
    expect(clinicalDate('2024-02-29')).toBe('29 Feb 2024');
  });
});

describe('readClinicalDate: a typed date back to ISO', () => {
  it('reads the clinical format and its usual variants', () => {
    for (const text of ['7 Dec 2026', '07 dec 2026', '7 December 2026', '7-Dec-2026', ' 7 Dec, 2026 ', '7 Dec. 2026'])
      expect(readClinicalDate(text), text).toBe('2026-12-07');
    expect(readClinicalDate('30 Sept 2026')).toBe('2026-09-30');
  });
  it('reads ISO dates', () => {
    expect(readClinicalDate('2026-12-07')).toBe('2026-12-07');
    expect(readClinicalDate('2024-02-29')).toBe('2024-02-29');
  });
  it('reads back what clinicalDate writes, for every day of a year', () => {
    for (let day = dayOf('2027-01-01')!; day < dayOf('2028-01-01')!; day++)
      expect(readClinicalDate(clinicalDay(day))).toBe(isoDay(day));
  });
  it('refuses days a month does not have, unknown months, slashes and other text', () => {
    for (const text of [
      '31 Feb 2026',
      '29 Feb 2026',
      '2026-02-31',
      '2026-13-01',
      '7 Dex 2026',
      '07/12/2026',
      '12/07/2026',
      'Dec 2026',
      '7 Dec',
      'next Monday',
      '',
      `7 Dec 2026${' '.repeat(40)}x`,
    ])
      expect(readClinicalDate(text), text).toBeUndefined();
  });
});

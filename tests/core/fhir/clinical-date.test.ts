import { describe, expect, it } from 'vitest';
import { clinicalDate, clinicalDay, dayOf } from '../../../src/core/fhir/dates.ts';

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

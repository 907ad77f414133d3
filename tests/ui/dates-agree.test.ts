/**
 * One date reader (issue 14 item 2): the timeline's dates (src/ui/format.ts) come from the core's reader
 * (src/core/fhir/dates.ts), so the screen and the assessment agree on every date, and a day the month does not
 * have is unreadable in both instead of rolling into March.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayOf, isoDay } from '../../src/core/fhir/dates.ts';
import { parseIsoDate } from '../../src/ui/format.ts';

const DAY_MS = 86_400_000;

describe('the timeline and the core read dates alike', () => {
  it.each(['2026-02-29', '2026-02-31', '2026-04-31', '2026-13-01', '2026-00-10', '2026-02-31T10:00:00Z'])(
    '%s is not a date for either',
    (value) => {
      expect(dayOf(value)).toBeUndefined();
      expect(parseIsoDate(value)).toBeUndefined();
    },
  );

  it('a leap day is a date for both', () => {
    expect(isoDay(dayOf('2028-02-29')!)).toBe('2028-02-29');
    expect(parseIsoDate('2028-02-29')).toBe(dayOf('2028-02-29')! * DAY_MS);
  });

  it('every calendar day, and every partial date, falls on the same day in both', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString();
        for (const value of [iso.slice(0, 10), iso.slice(0, 7), iso.slice(0, 4), iso]) {
          expect(Math.floor(parseIsoDate(value)! / DAY_MS)).toBe(dayOf(value));
        }
      }),
    );
  });
});

/**
 * Dates a clinician types (the planner's start date, the handout's follow-up date), read back to ISO. Apart from
 * dates.ts so that it downloads with the plan part, not before the verdict; every check of a day goes through
 * dates.ts (dayOf), as everywhere.
 */
import { dayOf, isoDay } from './dates.ts';

const MONTH_WORDS = new Map<string, number>(
  [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ]
    .flatMap((name, i) => [
      [name, i + 1],
      [name.slice(0, 3), i + 1],
    ])
    .concat([['sept', 9]]) as [string, number][],
);

/**
 * A date a clinician typed, as an ISO date (YYYY-MM-DD), or undefined when it is not one real calendar day. Takes
 * the clinical format back ("7 Dec 2026", also "07 dec 2026", "7 December 2026", "7-Dec-2026", "7 Dec, 2026") and
 * ISO ("2026-12-07"). Numeric forms with slashes are refused: 07/12/2026 is 7 December in most of the world and
 * 12 July in the US, and a start date must not depend on who reads it.
 */
export function readClinicalDate(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (t.length === 0 || t.length > 40) return undefined;
  let y: number;
  let mo: number | undefined;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const m = /^(\d{1,2})[\s-]+([a-z]+)\.?,?[\s-]+(\d{4})$/.exec(t);
    if (!m) return undefined;
    [d, mo, y] = [Number(m[1]), MONTH_WORDS.get(m[2] as string), Number(m[3])];
  }
  if (mo === undefined || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const out = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // A day the month does not have ("31 Feb 2026") is not a date: the same check as everywhere (dayOf).
  const day = dayOf(out, 'start');
  return day !== undefined && isoDay(day) === out ? out : undefined;
}

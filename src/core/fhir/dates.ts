/**
 * Dates in whole UTC days: FHIR dates may be "2026", "2026-01", "2026-01-10" or full dateTimes.
 * Partial dates take their LAST day when they end something and their FIRST day when they start it,
 * so a washout is never shortened by missing precision.
 */

const DAY_MS = 86_400_000;

// One memo per edge, so a lookup builds no key string (a large chart asks for the same dates many times).
const startMemo = new Map<string, number | undefined>();
const endMemo = new Map<string, number | undefined>();

/** Day number (days since 1970-01-01 UTC) of a FHIR date/dateTime, or undefined when it cannot be read. */
export function dayOf(value: unknown, edge: 'start' | 'end' = 'start'): number | undefined {
  if (typeof value !== 'string') return undefined;
  const memo = edge === 'start' ? startMemo : endMemo;
  const hit = memo.get(value);
  if (hit !== undefined || memo.has(value)) return hit;
  const day = parseDay(value, edge);
  if (memo.size > 50_000) memo.clear();
  memo.set(value, day);
  return day;
}

/** Date.UTC, but years 0-99 stay years 0-99 (Date.UTC would read them as 1900-1999). */
function utcDay(year: number, monthIndex: number, day: number): number {
  const d = new Date(Date.UTC(2000, monthIndex, day));
  d.setUTCFullYear(year);
  return Math.floor(d.getTime() / DAY_MS);
}

function parseDay(value: string, edge: 'start' | 'end'): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[3] !== undefined && value.length > 10) {
    // Date.parse rolls "2026-02-31T10:00Z" into March: the day must exist before the time is read.
    const [month, day] = [Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return Math.floor(t / DAY_MS);
  }
  if (m[2] === undefined) {
    return edge === 'start' ? utcDay(year, 0, 1) : utcDay(year, 11, 31);
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) {
    if (edge === 'start') return utcDay(year, month - 1, 1);
    return utcDay(year, month - 1, daysInMonth(year, month));
  }
  const day = Number(m[3]);
  // A day the month does not have ("2026-02-31") is not a date: unreadable, never rolled into the next month.
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return utcDay(year, month - 1, day);
}

/** Days in `month` (1-12) of `year`, leap years included. */
function daysInMonth(year: number, month: number): number {
  const last = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // 2000 is a leap year: February has 29
  return month === 2 && !isLeap(year) ? 28 : last;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** ISO date (YYYY-MM-DD) of a day number; days outside years 0000-9999 are clamped (never throws). */
export function isoDay(day: number): string {
  const d = Number.isFinite(day) ? Math.min(Math.max(day, -719_528), 2_932_896) : 0;
  return new Date(d * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of `now`, which may be a Date or an ISO string; throws on an invalid value (a caller bug). */
export function nowDay(now: Date | string): { day: number; iso: string } {
  const d = typeof now === 'string' ? new Date(now) : now;
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`assess: invalid "now" (${String(now)})`);
  return { day: Math.floor(t / DAY_MS), iso: d.toISOString() };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * The one clinical date format of every surface (screen, order notes, printouts, CLI text, CDS cards):
 * "7 Dec 2026" (day, English month abbreviation, year: unambiguous in every locale). A partial FHIR date keeps its
 * precision ("Dec 2026", "2026"); a value that is not a date is returned as given (it is shown as text).
 */
export function clinicalDate(value: string | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!m) return value;
  const month = m[2] === undefined ? undefined : Number(m[2]);
  if (month !== undefined && (month < 1 || month > 12)) return value;
  if (m[3] === undefined) return month === undefined ? m[1]! : `${MONTHS[month - 1]} ${m[1]}`;
  // A dateTime names its UTC day (dayOf reads it the same way), so screen and rules agree on the date.
  const day = dayOf(value, 'start');
  if (day === undefined) return value;
  const iso = isoDay(day);
  // "2026-02-31" is not a date: say it as charted rather than as a day it does not name.
  if (value.length <= 10 && iso !== value.trim().slice(0, 10)) return value;
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** A day number in the clinical format ("7 Dec 2026"). */
export function clinicalDay(day: number): string {
  return clinicalDate(isoDay(day));
}

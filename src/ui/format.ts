/**
 * Dates and numbers for display, with Intl only (no date library: the launch must stay small).
 */

const DAY_MS = 86_400_000;

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat(undefined);

/** "2026-03-04" or a full ISO timestamp -> "Mar 4, 2026" (in the browser's locale); unparsable text is shown as is. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const ms = parseIsoDate(iso);
  return ms === undefined ? iso : dateFormat.format(ms);
}

/** 5000 -> "5,000" in the browser's locale. */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/**
 * Milliseconds (UTC midnight for a date-only value) of an ISO 8601 date or dateTime; FHIR allows partial dates
 * ("2025", "2025-03"), which count from their first day.
 */
export function parseIsoDate(iso: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return undefined;
  if (iso.length > 10) {
    const full = Date.parse(iso);
    if (!Number.isNaN(full)) return full;
  }
  return Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1'));
}

/** UTC midnight of the day `ms` falls on. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** `ms` plus whole days. */
export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}

/** The ISO date (YYYY-MM-DD) of `ms`, in UTC. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

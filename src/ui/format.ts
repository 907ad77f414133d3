/**
 * Dates and numbers for display, with Intl only (no date library: the launch must stay small). Every date on the
 * screen is in the one clinical format of src/core/fhir/dates.ts ("7 Dec 2026"); numbers carry separators.
 */
import { clinicalDate, dayOf } from '../core/fhir/dates.ts';

const DAY_MS = 86_400_000;

// One number format for every clinician (as the date format is one): "7,000", "805.5".
const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });

/** "2026-03-04" or a full ISO timestamp -> "4 Mar 2026" (clinicalDate); partial dates keep their precision. */
export function formatDate(iso: string | undefined): string {
  return clinicalDate(iso);
}

/** 5000 -> "5,000", 805.5 -> "805.5". */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** The local time of day of `date` as "14:05" (when the chart was read). */
export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

/**
 * Milliseconds (UTC midnight for a date-only value) of an ISO 8601 date or dateTime; FHIR allows partial dates
 * ("2025", "2025-03"), which count from their first day. Dates are read by the core's one date reader
 * (src/core/fhir/dates.ts), so the timeline and the assessment agree on every date, invalid ones included.
 */
export function parseIsoDate(iso: string): number | undefined {
  if (iso.length > 10) {
    const full = Date.parse(iso);
    if (!Number.isNaN(full) && dayOf(iso) !== undefined) return full;
  }
  const day = dayOf(iso, 'start');
  return day === undefined ? undefined : day * DAY_MS;
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

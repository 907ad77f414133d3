/**
 * Dates and numbers for display, with Intl only (no date library: the launch must stay small). Every date on the
 * screen is in the one clinical format of src/core/fhir/dates.ts ("7 Dec 2026"); numbers carry separators.
 */
import { clinicalDate } from '../core/fhir/dates.ts';

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

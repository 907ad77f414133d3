/** Small guards for reading untrusted FHIR JSON without throwing. */

export type Rec = Record<string, unknown>;

export const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The string when it has something besides whitespace. Fast path without trim() when both ends are printable ASCII
 * (then it cannot be blank): this guard runs for nearly every field of every record (issue 14 item 1).
 */
export const str = (v: unknown): string | undefined => {
  if (typeof v !== 'string' || v.length === 0) return undefined;
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return v;
  return v.trim() !== '' ? v : undefined;
};
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The first coding code of a CodeableConcept (e.g. a status concept), lower case. */
export function conceptCode(v: unknown): string | undefined {
  if (!isRecord(v)) return undefined;
  const codings = arr(v.coding);
  for (let i = 0; i < codings.length; i++) {
    const c = codings[i];
    if (isRecord(c) && str(c.code)) return (c.code as string).trim().toLowerCase();
  }
  return str(v.text)?.trim().toLowerCase();
}

/** Longest supply taken at face value (10 years); anything longer is treated as not recorded. */
const MAX_SUPPLY_DAYS = 3650;

/** A Duration / Quantity in days (d, day, days, wk, mo, h are understood), or undefined. */
export function durationDays(v: unknown): number | undefined {
  if (!isRecord(v)) return undefined;
  const value = num(v.value);
  if (value === undefined || value < 0) return undefined;
  const unit = String(v.code ?? v.unit ?? 'd').toLowerCase();
  let days: number | undefined;
  if (unit === 'd' || unit.startsWith('day')) days = value;
  else if (unit === 'wk' || unit.startsWith('week')) days = value * 7;
  else if (unit === 'mo' || unit.startsWith('month')) days = value * 30;
  else if (unit === 'h' || unit.startsWith('hour')) days = value / 24;
  return days !== undefined && days <= MAX_SUPPLY_DAYS ? days : undefined;
}

/** Small guards for reading untrusted FHIR JSON without throwing. */

export type Rec = Record<string, unknown>;

export const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The first coding code of a CodeableConcept (e.g. a status concept), lower case. */
export function conceptCode(v: unknown): string | undefined {
  if (!isRecord(v)) return undefined;
  for (const c of arr(v.coding)) {
    if (isRecord(c) && str(c.code)) return (c.code as string).trim().toLowerCase();
  }
  return str(v.text)?.trim().toLowerCase();
}

/** A Duration / Quantity in days (d, day, days, wk, mo are understood), or undefined. */
export function durationDays(v: unknown): number | undefined {
  if (!isRecord(v)) return undefined;
  const value = num(v.value);
  if (value === undefined || value < 0) return undefined;
  const unit = String(v.code ?? v.unit ?? 'd').toLowerCase();
  if (unit === 'd' || unit.startsWith('day')) return value;
  if (unit === 'wk' || unit.startsWith('week')) return value * 7;
  if (unit === 'mo' || unit.startsWith('month')) return value * 30;
  if (unit === 'h' || unit.startsWith('hour')) return value / 24;
  return undefined;
}

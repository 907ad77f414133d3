/**
 * Exact dose arithmetic. Doses are whole micrograms and liquid volumes whole tenths of a millilitre, so no
 * float drift can turn 0.1 + 0.2 into 0.30000000000000004 mg or hide a dose the form cannot give.
 */
import type { DispenseQuantity, PerDoseUnits } from './types.ts';

/** mg -> whole micrograms, or undefined when the number is not finite or is finer than 1 microgram. */
export function toMicrograms(mg: number): number | undefined {
  if (!Number.isFinite(mg)) return undefined;
  const ug = Math.round(mg * 1000);
  return Math.abs(mg * 1000 - ug) < 1e-6 ? ug : undefined;
}

/** Whole micrograms -> mg for display and FHIR (exact for any whole number of micrograms). */
export const ugToMg = (ug: number): number => ug / 1000;

/** "1.5", "0.25", "10": the shortest decimal for a whole number of micrograms. */
export const formatMg = (ug: number): string => String(ugToMg(ug));

/** "1.5" for 15 tenths of a mL. */
export const formatMl = (tenths: number): string => String(tenths / 10);

/**
 * The volume of one dose in tenths of a mL, or undefined when it is not a whole number of tenths
 * (e.g. 0.25 mg at 1 mg/mL is 0.25 mL). dose / concentration = mL, so tenths = dose * 10 / concentration.
 */
export function liquidTenthsOfMl(doseUg: number, concentrationUgPerMl: number): number | undefined {
  const scaled = doseUg * 10;
  return scaled % concentrationUgPerMl === 0 ? scaled / concentrationUgPerMl : undefined;
}

/**
 * The fewest capsules (at most `maxCount`) of the given strengths that add up to exactly `doseUg`; on a tie the
 * combination using the larger strengths first. Undefined when none does. Strengths and counts are few
 * (a pharmacy makes a handful), so trying every multiset is cheap.
 */
export function capsuleCombination(
  doseUg: number,
  strengthsUg: readonly number[],
  maxCount: number,
): { strengthUg: number; count: number }[] | undefined {
  const strengths = [...new Set(strengthsUg)].sort((a, b) => b - a);
  for (let count = 1; count <= maxCount; count += 1) {
    const found = pick(doseUg, strengths, 0, count);
    if (found) return collapse(found);
  }
  return undefined;
}

/** Depth-first over multisets of exactly `count` capsules, larger strengths first. */
function pick(remaining: number, strengths: readonly number[], from: number, count: number): number[] | undefined {
  if (count === 0) return remaining === 0 ? [] : undefined;
  for (let i = from; i < strengths.length; i += 1) {
    const s = strengths[i]!;
    if (s > remaining) continue;
    const rest = pick(remaining - s, strengths, i, count - 1);
    if (rest) return [s, ...rest];
  }
  return undefined;
}

function collapse(list: number[]): { strengthUg: number; count: number }[] {
  const out: { strengthUg: number; count: number }[] = [];
  for (const s of list) {
    const last = out[out.length - 1];
    if (last && last.strengthUg === s) last.count += 1;
    else out.push({ strengthUg: s, count: 1 });
  }
  return out;
}

/** "1 capsule of 1.5 mg", "2 capsules of 1.5 mg", "1 capsule of 3 mg and 1 capsule of 1.5 mg", "1.5 mL of 1 mg/mL". */
export function describeDose(units: PerDoseUnits): string {
  if (units.kind === 'liquid') return `${units.ml} mL of ${units.mgPerMl} mg/mL`;
  return units.capsules
    .map((c) => `${c.count} ${c.count === 1 ? 'capsule' : 'capsules'} of ${c.strengthMg} mg`)
    .join(' and ');
}

/** Per-dose units times days, in whole capsules or tenths of a mL. */
export function quantityFor(units: PerDoseUnits, days: number): DispenseQuantity {
  if (units.kind === 'liquid') {
    const tenths = Math.round(units.ml * 10) * days;
    return { kind: 'liquid', ml: tenths / 10, mgPerMl: units.mgPerMl };
  }
  const perStrength = units.capsules.map((c) => ({ strengthMg: c.strengthMg, count: c.count * days }));
  return { kind: 'capsule', perStrength, totalCapsules: perStrength.reduce((n, c) => n + c.count, 0) };
}

/** Add quantities of the same form (capsules by strength, largest first; liquid in tenths of a mL). */
export function addQuantities(
  quantities: readonly DispenseQuantity[],
  form: DispenseQuantity['kind'],
  mgPerMl = 0,
): DispenseQuantity {
  if (form === 'liquid') {
    const tenths = quantities.reduce((n, q) => n + (q.kind === 'liquid' ? Math.round(q.ml * 10) : 0), 0);
    return { kind: 'liquid', ml: tenths / 10, mgPerMl };
  }
  const byStrengthUg = new Map<number, number>();
  for (const q of quantities) {
    if (q.kind !== 'capsule') continue;
    for (const c of q.perStrength) {
      const ug = Math.round(c.strengthMg * 1000);
      byStrengthUg.set(ug, (byStrengthUg.get(ug) ?? 0) + c.count);
    }
  }
  const perStrength = [...byStrengthUg.entries()]
    .sort(([a], [b]) => b - a)
    .map(([ug, count]) => ({ strengthMg: ugToMg(ug), count }));
  return { kind: 'capsule', perStrength, totalCapsules: perStrength.reduce((n, c) => n + c.count, 0) };
}

/** "42 capsules of 1.5 mg and 30 capsules of 3 mg (72 capsules)" or "135 mL of 1 mg/mL". */
export function describeQuantity(q: DispenseQuantity): string {
  if (q.kind === 'liquid') return `${q.ml} mL of ${q.mgPerMl} mg/mL`;
  const parts = q.perStrength.map((c) => `${c.count} ${c.count === 1 ? 'capsule' : 'capsules'} of ${c.strengthMg} mg`);
  return q.perStrength.length > 1 ? `${parts.join(' and ')} (${q.totalCapsules} capsules)` : parts.join('');
}

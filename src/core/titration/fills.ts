/**
 * The supply split into fills (issue 11 item 1): a compounded preparation must be used before its beyond-use date
 * (ldn-clinical.md section 5: capsules 180 days; liquid 30 days at room temperature or 60 refrigerated), so a plan
 * longer than that is dispensed as an initial fill and repeats. Fills are consecutive and as even as whole days
 * allow (156 days of liquid: six fills of 26 days, not five of 30 and a 6-day stub), and each one's quantity is
 * exactly what its days' doses need, so the fills add up to the plan's total.
 */
import { addDays } from './dates.ts';
import type { DispenseQuantity, Fill, TitrationStep } from './types.ts';
import { addQuantities, quantityFor } from './units.ts';

/** How many days of `step` fall inside the plan days [from, to] (0-based day offsets, inclusive). */
function overlap(stepFrom: number, stepDays: number, from: number, to: number): number {
  return Math.max(0, Math.min(stepFrom + stepDays - 1, to) - Math.max(stepFrom, from) + 1);
}

/**
 * Split the plan's steps (consecutive, from `startDate`) into fills of at most `limitDays` each.
 * `mgPerMl` is the liquid's concentration (0 for capsules), for the quantity's description.
 */
export function splitFills(
  steps: readonly TitrationStep[],
  startDate: string,
  limitDays: number,
  mgPerMl: number,
): Fill[] {
  if (!Number.isInteger(limitDays) || limitDays < 1)
    throw new Error(`splitFills: limit must be whole days >= 1, got ${limitDays}`);
  const totalDays = steps.reduce((n, s) => n + s.days, 0);
  if (totalDays === 0) return [];
  const count = Math.ceil(totalDays / limitDays);
  const base = Math.floor(totalDays / count);
  const longer = totalDays % count; // the first `longer` fills get one day more
  const starts: number[] = [];
  let offset = 0;
  for (const s of steps) {
    starts.push(offset);
    offset += s.days;
  }
  const kind = steps[0]!.quantity.kind;
  const fills: Fill[] = [];
  let from = 0;
  for (let i = 0; i < count; i += 1) {
    const days = base + (i < longer ? 1 : 0);
    const to = from + days - 1;
    const parts: DispenseQuantity[] = [];
    steps.forEach((s, k) => {
      const d = overlap(starts[k]!, s.days, from, to);
      if (d > 0) parts.push(quantityFor(s.perDoseUnits, d));
    });
    const startIso = addDays(startDate, from);
    fills.push({
      number: i + 1,
      startDate: startIso,
      endDate: addDays(startDate, to),
      days,
      quantity: addQuantities(parts, kind, mgPerMl),
      beyondUseDate: addDays(startIso, limitDays),
    });
    from = to + 1;
  }
  return fills;
}

/** The total of a quantity as a number and a unit word: mL, or capsules of every strength together. */
export function quantityTotal(q: DispenseQuantity): { value: number; unit: 'mL' | 'capsule' } {
  return q.kind === 'liquid' ? { value: q.ml, unit: 'mL' } : { value: q.totalCapsules, unit: 'capsule' };
}

/**
 * Properties of the fill split over generated plans (fast-check): the fills cover the plan day by day, none lasts
 * longer than the form's beyond-use limit (and each beyond-use date falls after its last day), and the fills'
 * quantities add up to the plan's total, strength by strength or tenth of a mL by tenth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/titration/dates.ts';
import { planTitration } from '../../../src/core/titration/planner.ts';
import { CAPSULE_BEYOND_USE_DAYS, LIQUID_BEYOND_USE_DAYS } from '../../../src/core/titration/supply.ts';
import type { DispenseQuantity } from '../../../src/core/titration/types.ts';
import { inputArb } from './arbitraries.ts';

/** Units of a quantity: tenths of a mL, or capsules per strength in micrograms. */
function units(q: DispenseQuantity): Map<string, number> {
  if (q.kind === 'liquid') return new Map([['tenths', Math.round(q.ml * 10)]]);
  return new Map(q.perStrength.map((c) => [String(Math.round(c.strengthMg * 1000)), c.count]));
}

function sum(qs: DispenseQuantity[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const q of qs) for (const [k, v] of units(q)) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}

describe('fills properties', () => {
  it('cover the plan, stay inside the beyond-use limit, add up to the total, and are as even as whole days allow', () => {
    let multi = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = planTitration(input);
        if (!r.ok) return;
        const plan = r.value;
        const limit =
          input.form.kind === 'capsule'
            ? CAPSULE_BEYOND_USE_DAYS
            : LIQUID_BEYOND_USE_DAYS[input.form.storage ?? 'room-temperature'];
        expect(plan.beyondUseDays).toBe(limit);
        const { fills } = plan;
        if (fills.length > 1) multi += 1;
        // Cover: first day, back to back, last day, every day counted once.
        expect(fills[0]!.startDate).toBe(input.startDate);
        expect(fills.at(-1)!.endDate).toBe(plan.endDate);
        fills.forEach((f, i) => {
          expect(f.number).toBe(i + 1);
          expect(f.endDate).toBe(addDays(f.startDate, f.days - 1));
          if (i > 0) expect(f.startDate).toBe(addDays(fills[i - 1]!.endDate, 1));
          // Inside the limit: never more days than the form keeps, and the beyond-use date after the last day.
          expect(f.days).toBeLessThanOrEqual(limit);
          expect(f.days).toBeGreaterThan(0);
          expect(f.beyondUseDate).toBe(addDays(f.startDate, limit));
          expect(f.beyondUseDate > f.endDate).toBe(true);
        });
        expect(fills.reduce((n, f) => n + f.days, 0)).toBe(plan.totalDays);
        // No more fills than the limit needs, and no stub: lengths differ by at most a day.
        expect(fills.length).toBe(Math.ceil(plan.totalDays / limit));
        const lengths = fills.map((f) => f.days);
        expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
        // Quantities add up.
        expect(sum(fills.map((f) => f.quantity))).toEqual(sum([plan.dispense]));
      }),
      { numRuns: 400 },
    );
    expect(multi).toBeGreaterThan(20);
  });
});

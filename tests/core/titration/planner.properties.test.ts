/**
 * Properties of planTitration over generated inputs (fast-check): doses never decrease, the last step is the
 * target, every dose is exactly what the form gives, the steps tile the calendar, and the quantity to dispense is
 * the sum over the steps. Inputs are drawn in whole micrograms / tenths so deliverable plans are common.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/titration/dates.ts';
import { planTitration } from '../../../src/core/titration/planner.ts';
import type { TitrationPlan, TitrationStep } from '../../../src/core/titration/types.ts';

import { inputArb, mg } from './arbitraries.ts';

const ug = (value: number): number => Math.round(value * 1000);

/** What one dose of a step delivers, in micrograms, computed from its per-dose units. */
function deliveredUg(step: TitrationStep): number {
  const u = step.perDoseUnits;
  if (u.kind === 'liquid') return (Math.round(u.ml * 10) * ug(u.mgPerMl)) / 10;
  return u.capsules.reduce((n, c) => n + c.count * ug(c.strengthMg), 0);
}

function totalsByUnit(plan: TitrationPlan): Map<string, number> {
  const totals = new Map<string, number>();
  for (const s of plan.steps) {
    const u = s.perDoseUnits;
    if (u.kind === 'liquid') totals.set('mL-tenths', (totals.get('mL-tenths') ?? 0) + Math.round(u.ml * 10) * s.days);
    else
      for (const c of u.capsules)
        totals.set(String(c.strengthMg), (totals.get(String(c.strengthMg)) ?? 0) + c.count * s.days);
  }
  return totals;
}

describe('planTitration properties', () => {
  it('every accepted plan: rising doses ending at the target, exact doses, contiguous dates, quantities that add up', () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = planTitration(input);
        if (!r.ok) {
          // Only refusals about what the form can give are expected from these inputs.
          expect(r.error.every((p) => p.code === 'plan/not-deliverable')).toBe(true);
          return;
        }
        accepted += 1;
        const { steps } = r.value;
        for (let i = 1; i < steps.length; i += 1) {
          expect(steps[i]!.doseMg).toBeGreaterThan(steps[i - 1]!.doseMg);
          expect(steps[i]!.sequence).toBe(steps[i - 1]!.sequence + 1);
          expect(steps[i]!.startDate).toBe(addDays(steps[i - 1]!.endDate, 1));
        }
        expect(steps.at(-1)!.doseMg).toBe(input.targetMg);
        expect(steps.at(-1)!.phase).toBe('maintenance');
        expect(steps[0]!.doseMg).toBe(input.startMg);
        expect(steps[0]!.startDate).toBe(input.startDate);
        for (const s of steps) {
          expect(deliveredUg(s)).toBe(ug(s.doseMg));
          expect(s.endDate).toBe(addDays(s.startDate, s.days - 1));
        }
        expect(r.value.totalDays).toBe(steps.reduce((n, s) => n + s.days, 0));
        const totals = totalsByUnit(r.value);
        const d = r.value.dispense;
        if (d.kind === 'liquid') expect(Math.round(d.ml * 10)).toBe(totals.get('mL-tenths'));
        else {
          expect(new Map(d.perStrength.map((c) => [String(c.strengthMg), c.count]))).toEqual(totals);
          expect(d.totalCapsules).toBe([...totals.values()].reduce((a, b) => a + b, 0));
        }
      }),
      { numRuns: 400 },
    );
    // The generator must exercise accepted plans, not only refusals.
    expect(accepted).toBeGreaterThan(100);
  });

  it('a refusal names a dose the form really cannot give (checked by brute force)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 18 }).map((n) => mg(n, 250)),
        fc.uniqueArray(fc.constantFrom(0.5, 1, 1.5, 3, 4.5), { minLength: 1, maxLength: 3 }),
        (doseMg, strengthsMg) => {
          const r = planTitration({
            startMg: doseMg,
            stepMg: 0,
            targetMg: doseMg,
            intervalDays: 7,
            timing: 'bedtime',
            form: { kind: 'capsule', strengthsMg, maxCapsulesPerDose: 3 },
            startDate: '2026-01-01',
          });
          const s = strengthsMg.map(ug);
          let reachable = false;
          for (const a of [0, ...s])
            for (const b of [0, ...s])
              for (const c of [0, ...s]) if (a + b + c === ug(doseMg) && a + b + c > 0) reachable = true;
          expect(r.ok).toBe(reachable);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('by default every dose is exactly one capsule of a chosen strength, or the plan is refused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 18 }).map((n) => mg(n, 250)),
        fc.uniqueArray(fc.constantFrom(0.5, 1, 1.5, 3, 4.5), { minLength: 1, maxLength: 3 }),
        (doseMg, strengthsMg) => {
          const r = planTitration({
            startMg: doseMg,
            stepMg: 0,
            targetMg: doseMg,
            intervalDays: 7,
            timing: 'bedtime',
            form: { kind: 'capsule', strengthsMg },
            startDate: '2026-01-01',
          });
          expect(r.ok).toBe((strengthsMg as number[]).includes(doseMg));
          if (r.ok)
            expect(
              r.value.steps.every(
                (st) =>
                  st.perDoseUnits.kind === 'capsule' &&
                  st.perDoseUnits.capsules.length === 1 &&
                  st.perDoseUnits.capsules[0]!.count === 1,
              ),
            ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never accepts a target above 10 mg, whatever the reason', () => {
    fc.assert(
      fc.property(fc.double({ min: 10.001, max: 1000, noNaN: true }), fc.string(), (targetMg, reason) => {
        const r = planTitration({
          startMg: 1,
          stepMg: 1,
          targetMg,
          targetReason: reason,
          intervalDays: 7,
          timing: 'bedtime',
          form: { kind: 'liquid', mgPerMl: 1 },
          startDate: '2026-01-01',
        });
        expect(r.ok).toBe(false);
      }),
    );
  });
});

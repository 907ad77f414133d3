/** Generated planner inputs for the property tests: whole micrograms / tenths, so deliverable plans are common. */
import fc from 'fast-check';
import { addDays } from '../../../src/core/titration/dates.ts';
import type { TitrationInput } from '../../../src/core/titration/types.ts';

export const mg = (units: number, unitUg: number): number => (units * unitUg) / 1000;

export const formArb = fc.oneof(
  fc.record(
    {
      kind: fc.constant('liquid' as const),
      mgPerMl: fc.constantFrom(0.5, 1, 2, 5),
      storage: fc.constantFrom('room-temperature' as const, 'refrigerated' as const),
    },
    { requiredKeys: ['kind', 'mgPerMl'] },
  ),
  fc.record(
    {
      kind: fc.constant('capsule' as const),
      strengthsMg: fc.uniqueArray(fc.constantFrom(0.25, 0.5, 1, 1.5, 3, 4.5), { minLength: 1, maxLength: 4 }),
      // One capsule per dose by default; several only when the clinician allows it.
      maxCapsulesPerDose: fc.constantFrom(1, 3),
    },
    { requiredKeys: ['kind', 'strengthsMg'] },
  ),
);

export const inputArb: fc.Arbitrary<TitrationInput> = fc
  .record({
    start: fc.integer({ min: 1, max: 18 }), // x 0.25 mg
    step: fc.integer({ min: 1, max: 12 }), // x 0.25 mg
    target: fc.integer({ min: 1, max: 18 }), // x 0.25 mg, up to 4.5
    intervalDays: fc.integer({ min: 1, max: 28 }),
    maintenanceDays: fc.integer({ min: 1, max: 365 }),
    timing: fc.constantFrom('bedtime' as const, 'morning' as const),
    form: formArb,
    startOffset: fc.integer({ min: 0, max: 3000 }),
  })
  .map((r) => ({
    startMg: mg(Math.min(r.start, r.target), 250),
    stepMg: mg(r.step, 250),
    targetMg: mg(r.target, 250),
    intervalDays: r.intervalDays,
    maintenanceDays: r.maintenanceDays,
    timing: r.timing,
    form: r.form,
    startDate: addDays('2024-01-01', r.startOffset),
  }));

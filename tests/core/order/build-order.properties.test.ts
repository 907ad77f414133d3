/**
 * For many generated plans (forms, schedules, timings, overrides of every severity), the built order is valid FHIR
 * R4 + US Core (medplum validator and required bindings), its dosages follow the steps one to one, and every
 * DetectedIssue is valid and referenced exactly once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../src/core/assess/types.ts';
import { buildOrder } from '../../../src/core/order/build-order.ts';
import { reportedOnlyOrder } from '../../../src/core/order/fallbacks.ts';
import { planTitration } from '../../../src/core/titration/planner.ts';
import type { DoseForm } from '../../../src/core/titration/types.ts';
import { fhirProblems } from './fhir-validation.ts';
import { conflict, orderInput } from './order-fixtures.ts';

const planArb = fc
  .record({
    start: fc.integer({ min: 1, max: 6 }), // x 0.5 mg
    step: fc.integer({ min: 1, max: 4 }), // x 0.5 mg
    interval: fc.integer({ min: 1, max: 21 }),
    maintenanceDays: fc.integer({ min: 1, max: 90 }),
    timing: fc.constantFrom('bedtime' as const, 'morning' as const),
    form: fc.constantFrom<DoseForm>(
      { kind: 'liquid', mgPerMl: 1 },
      { kind: 'liquid', mgPerMl: 0.5 },
      { kind: 'capsule', strengthsMg: [0.5, 1, 3] },
      { kind: 'capsule', strengthsMg: [1.5] },
    ),
  })
  .map((r) =>
    planTitration({
      startMg: r.start / 2,
      stepMg: r.step / 2,
      intervalDays: r.interval,
      maintenanceDays: r.maintenanceDays,
      timing: r.timing,
      form: r.form,
      startDate: '2026-06-01',
    }),
  )
  .filter((r) => r.ok)
  .map((r) => (r.ok ? r.value : undefined)!);

const overridesArb = fc.array(
  fc.record({
    severity: fc.constantFrom<Severity>('contraindicated', 'major', 'caution', 'info'),
    resourceType: fc.constantFrom('MedicationRequest', 'MedicationStatement', 'Condition'),
    withReference: fc.boolean(),
    reason: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
  }),
  { maxLength: 3 },
);

describe('buildOrder over generated plans', { timeout: 120_000 }, () => {
  it('is always valid FHIR with one dosage per step and every DetectedIssue referenced once', () => {
    fc.assert(
      fc.property(planArb, overridesArb, fc.constantFrom('draft' as const, 'active' as const), (plan, ovs, status) => {
        const overrides = ovs.map((o, i) => ({
          conflict: conflict({
            severity: o.severity,
            resourceType: o.resourceType,
            reference: o.withReference ? `${o.resourceType}/x${i}` : '',
          }),
          reason: o.reason,
        }));
        const ids = overrides.map((_, i) => `00000000-0000-4000-8000-00000000000${i}`);
        const draft = buildOrder(
          orderInput({
            plan,
            status,
            overrides,
            ids: { order: 'ffffffff-0000-4000-8000-000000000000', detectedIssues: ids },
          }),
        );
        const mr = draft.medicationRequest;
        expect(fhirProblems(mr)).toEqual([]);
        expect(mr.dosageInstruction!.map((d) => d.doseAndRate![0]!.doseQuantity!.value)).toEqual(
          plan.steps.map((s) => s.doseMg),
        );
        expect(mr.dosageInstruction!.map((d) => d.sequence)).toEqual(plan.steps.map((_, i) => i + 1));
        for (const di of draft.detectedIssues) expect(fhirProblems(di)).toEqual([]);
        expect(mr.detectedIssue?.map((r) => r.reference) ?? []).toEqual(ids.map((id) => `urn:uuid:${id}`));
        const reported = reportedOnlyOrder(draft).medicationRequest;
        expect(fhirProblems(reported)).toEqual([]);
        expect(reported.dosageInstruction).toHaveLength(1);
      }),
      { numRuns: 25 },
    );
  });
});

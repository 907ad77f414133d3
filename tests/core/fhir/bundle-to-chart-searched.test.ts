/**
 * bundleToChart for the second pass (issue 9 items 1 and 5): allergies and planned procedures sorted into the
 * chart, `searched` naming exactly the chart types present in the Bundle, the Patient kept as the chart's patient,
 * and the new types' shape checked like the others.
 */
import { describe, expect, it } from 'vitest';
import { bundleToChart } from '../../../src/core/fhir/bundle-to-chart.ts';
import {
  allergyIntolerance,
  appointment,
  concept,
  condition,
  patient,
  procedure,
  serviceRequest,
  snomed,
} from '../../../fixtures/factories.ts';

const P = 'pat-bundle';
const bundle = (resources: unknown[], type = 'collection') => ({
  resourceType: 'Bundle',
  type,
  entry: resources.map((resource) => ({ resource })),
});

describe('bundleToChart with allergies and planned procedures', () => {
  it('sorts every new type into its list and names the types present', () => {
    const result = bundleToChart(
      bundle([
        patient({ id: P, given: 'Ada', family: 'Bundle' }),
        condition({ id: 'c1', patientId: P, code: concept([snomed('203082005', 'Fibromyalgia')]) }),
        allergyIntolerance({ id: 'a1', patientId: P, code: concept([], 'Naltrexone') }),
        serviceRequest({ id: 's1', patientId: P, code: concept([], 'Knee replacement'), occurrence: '2026-12-05' }),
        procedure({ id: 'p1', patientId: P, code: concept([], 'Colonoscopy') }),
        appointment({ id: 'ap1', patientId: P, start: '2026-12-05T09:00:00Z', end: '2026-12-05T10:00:00Z' }),
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const chart = result.value;
    expect(chart.allergies.map((r) => r.id)).toEqual(['a1']);
    expect(chart.serviceRequests.map((r) => r.id)).toEqual(['s1']);
    expect(chart.procedures.map((r) => r.id)).toEqual(['p1']);
    expect(chart.appointments.map((r) => r.id)).toEqual(['ap1']);
    expect(chart.patient?.id).toBe(P);
    expect([...(chart.searched ?? [])].sort()).toEqual([
      'AllergyIntolerance',
      'Appointment',
      'Condition',
      'Patient',
      'Procedure',
      'ServiceRequest',
    ]);
    expect(chart.gaps).toEqual([]);
  });

  it('leaves a type out of `searched` when the Bundle has none of it (so the core can say "not checked")', () => {
    const result = bundleToChart(
      bundle([condition({ id: 'c1', patientId: P, code: concept([], 'Fibromyalgia') })], 'searchset'),
    );
    expect(result.ok && result.value.searched).toEqual(['Condition']);
    expect(result.ok && result.value.patient).toBeUndefined();
  });

  it('skips a new-type resource of the wrong shape with a malformed gap', () => {
    const broken = { ...appointment({ id: 'ap2', patientId: P }), participant: 'Patient/x' };
    const badAllergy = {
      ...allergyIntolerance({ id: 'a2', patientId: P, code: concept([], 'Naltrexone') }),
      patient: 'Patient/x',
    };
    const result = bundleToChart(bundle([broken, badAllergy]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.appointments).toEqual([]);
    expect(result.value.allergies).toEqual([]);
    expect(result.value.gaps.map((g) => [g.resourceType, g.reason])).toEqual([
      ['Appointment', 'malformed'],
      ['AllergyIntolerance', 'malformed'],
    ]);
  });

  it('sets no chart patient when the Bundle holds two Patients', () => {
    const result = bundleToChart(
      bundle([patient({ id: 'x1', given: 'A', family: 'One' }), patient({ id: 'x2', given: 'B', family: 'Two' })]),
    );
    expect(result.ok && result.value.patient).toBeUndefined();
  });
});

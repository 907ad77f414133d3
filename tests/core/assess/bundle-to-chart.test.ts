/**
 * bundleToChart: Bundle types x entry kinds (chart types, unknown types, request-only, broken) x paging.
 */
import { describe, expect, it } from 'vitest';
import { bundleToChart } from '../../../src/core/fhir/bundle-to-chart.ts';
import { concept, condition, medication, medicationRequest, medicationStatement } from '../../../fixtures/factories.ts';
import { describeProblem } from '../../../src/entry/cli/strings.ts';

const P = 'p';
const entries = (...resources: unknown[]) => resources.map((resource) => ({ resource }));

describe('bundleToChart', () => {
  it.each(['searchset', 'collection', 'transaction', 'batch-response'])(
    'sorts a %s bundle into the chart lists',
    (type) => {
      const r = bundleToChart({
        resourceType: 'Bundle',
        type,
        entry: entries(
          { resourceType: 'Patient', id: P },
          condition({ patientId: P, code: concept([], 'Fibromyalgia') }),
          medicationRequest({ patientId: P, medication: { concept: concept([], 'oxycodone') } }),
          medicationStatement({ patientId: P, medication: { concept: concept([], 'x') } }),
          medication({ id: 'm1', code: concept([], 'y') }),
          { resourceType: 'Observation', id: 'o1' },
        ),
      });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect([
        r.value.conditions.length,
        r.value.medicationRequests.length,
        r.value.medicationStatements.length,
        r.value.medications.length,
      ]).toEqual([1, 1, 1, 1]);
      expect(r.value.gaps).toEqual([]);
    },
  );

  it('records a malformed chart resource and an unreadable entry as gaps, and skips request-only entries', () => {
    const r = bundleToChart({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'MedicationRequest', id: 'bad', medicationCodeableConcept: 'oxycodone' } },
        { resource: 'not an object', fullUrl: 'http://x/fhir/Condition/9' },
        { request: { method: 'GET', url: 'Patient/p' } },
      ],
    });
    expect(r.ok && r.value.gaps).toEqual([
      expect.objectContaining({
        resourceType: 'MedicationRequest',
        reason: 'malformed',
        target: 'MedicationRequest/bad',
      }),
      expect.objectContaining({ resourceType: 'Condition', reason: 'malformed' }),
    ]);
  });

  it('a searchset with a next link is truncated', () => {
    const r = bundleToChart({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: entries(condition({ patientId: P, code: concept([], 'x') })),
      link: [{ relation: 'next', url: 'u' }],
    });
    expect(r.ok && r.value.gaps).toEqual([expect.objectContaining({ resourceType: 'Condition', reason: 'truncated' })]);
  });

  it.each([
    [null, 'not a JSON object'],
    [[], 'not a JSON object'],
    [{ resourceType: 'Patient' }, 'a Patient, not a FHIR Bundle'],
    [{ foo: 1 }, 'JSON object without resourceType'],
  ])('rejects %j', (input, message) => {
    const r = bundleToChart(input);
    expect(r.ok).toBe(false);
    // The problem's words, as the assess command prints them (src/entry/cli/strings.ts).
    if (!r.ok) expect(describeProblem(r.error)).toContain(message);
  });
});

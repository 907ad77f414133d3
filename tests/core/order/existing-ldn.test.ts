/**
 * Existing LDN orders (issue 10 item 3): the app's own order (built by buildOrder) and anyone's low-dose or
 * compounded naltrexone, active or on-hold, with the step it is at today and its start date.
 */
import { describe, expect, it } from 'vitest';
import type { MedicationRequest } from 'fhir/r4';
import { emptyChart } from '../../../src/core/chart.ts';
import { buildOrder } from '../../../src/core/order/build-order.ts';
import { findExistingLdnOrders } from '../../../src/core/order/existing-ldn.ts';
import { concept, medication, medicationRequest, rxnorm } from '../../../fixtures/factories.ts';
import { orderInput, plan } from './order-fixtures.ts';

const P = 'p-ex';

function appOrder(id: string, status: MedicationRequest['status'] = 'active'): MedicationRequest {
  // 1.5 mg for 7 days from 1 Dec, 3 mg for 7 days, then 4.5 mg maintenance (order-fixtures plan()).
  const mr = buildOrder(
    orderInput({ plan: plan({ startDate: '2026-12-01' }), status: 'active', patient: `Patient/${P}` }),
  ).medicationRequest;
  // The plan's period, as the builder writes it (dispenseRequest.validityPeriod).
  return {
    ...mr,
    id,
    status,
    dispenseRequest: { ...mr.dispenseRequest, validityPeriod: { start: '2026-12-01', end: '2027-01-13' } },
  };
}

describe('findExistingLdnOrders', () => {
  it("finds the app's own order with its start date and today's step", () => {
    const chart = { ...emptyChart(), medicationRequests: [appOrder('mr-own')] };
    const [found, ...rest] = findExistingLdnOrders(chart, '2026-12-09T10:00:00Z');
    expect(rest).toHaveLength(0);
    expect(found).toMatchObject({
      reference: 'MedicationRequest/mr-own',
      ownApp: true,
      status: 'active',
      currentStep: { number: 2, when: 'in-step' },
    });
    expect(found!.currentStep!.of).toBeGreaterThanOrEqual(3);
    expect(found!.startDate).toBe('2026-12-01');
    expect(findExistingLdnOrders(chart, '2026-12-30T10:00:00Z')[0]!.currentStep).toMatchObject({
      number: found!.currentStep!.of,
      when: 'in-step',
    });
  });

  it('says "before start" when the order starts later', () => {
    const mr = appOrder('mr-later');
    const chart = {
      ...emptyChart(),
      medicationRequests: [
        { ...mr, dispenseRequest: { ...mr.dispenseRequest, validityPeriod: { start: '2027-01-10' } } },
      ],
    };
    expect(findExistingLdnOrders(chart, '2026-12-01')[0]).toMatchObject({
      startDate: '2027-01-10',
      currentStep: { number: 1, when: 'before-start' },
    });
  });

  it("finds another prescriber's low-dose naltrexone (coded 4.5 mg, or a compounded Medication), on hold too", () => {
    const coded = medicationRequest({
      id: 'mr-coded',
      patientId: P,
      status: 'on-hold',
      medication: { concept: concept([rxnorm('7243', 'naltrexone')], 'Naltrexone 4.5 mg capsule (compounded)') },
      sig: '4.5 mg at bedtime',
    });
    const med = medication({
      id: 'med-ldn',
      code: concept([], 'Compounded naltrexone'),
      ingredients: [{ item: concept([rxnorm('7243', 'naltrexone')]), strength: { value: 1.5, unit: 'mg' } }],
    });
    const referenced = medicationRequest({
      id: 'mr-ref',
      patientId: P,
      medication: { reference: 'Medication/med-ldn' },
    });
    const found = findExistingLdnOrders(
      { ...emptyChart(), medicationRequests: [coded, referenced], medications: [med] },
      '2026-12-01',
    );
    expect(found.map((f) => [f.id, f.status, f.ownApp])).toEqual(
      expect.arrayContaining([
        ['mr-coded', 'on-hold', false],
        ['mr-ref', 'active', false],
      ]),
    );
    expect(found.find((f) => f.id === 'mr-coded')?.currentStep).toMatchObject({
      number: 1,
      of: 1,
      text: '4.5 mg at bedtime',
    });
  });

  it('ignores full-dose naltrexone, stopped or completed LDN orders, and other drugs', () => {
    const fullDose = medicationRequest({
      id: 'mr-50',
      patientId: P,
      medication: { concept: concept([rxnorm('7243', 'naltrexone')], 'Naltrexone 50 mg tablet') },
    });
    const other = medicationRequest({
      id: 'mr-ox',
      patientId: P,
      medication: { concept: concept([rxnorm('7804', 'oxycodone')]) },
    });
    const chart = {
      ...emptyChart(),
      medicationRequests: [
        fullDose,
        other,
        appOrder('mr-stopped', 'stopped'),
        appOrder('mr-done', 'completed'),
        appOrder('mr-draft', 'draft'),
      ],
    };
    expect(findExistingLdnOrders(chart, '2026-12-01')).toEqual([]);
  });
});

describe('the synthetic patient with an existing order', () => {
  it('is found at step 2 of 3, started ten days ago', async () => {
    const { ORDERS_BUILDERS } = await import('../../../fixtures/patients-orders.ts');
    const now = new Date('2026-12-01T12:00:00Z');
    const p = ORDERS_BUILDERS.map((b) => b(now)).find((x) => x.key === 'ldn-existing-order')!;
    const chart = {
      ...emptyChart(),
      medicationRequests: p.resources.filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest'),
    };
    expect(findExistingLdnOrders(chart, now)).toMatchObject([
      { ownApp: true, startDate: '2026-11-21', currentStep: { number: 2, of: 3, when: 'in-step' } },
    ]);
  });
});

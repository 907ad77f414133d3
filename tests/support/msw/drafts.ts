/**
 * Order drafts for the writer tests, built from fixtures/factories.ts the way the order builder shapes them
 * (contained compound, one dosage per step, overrides as DetectedIssues referenced by urn:uuid placeholders), and a
 * small reported-only shape for servers that take only that. Not the builder itself (src/core/order): the writer
 * must work for any valid draft.
 */
import type { DetectedIssue, MedicationRequest } from 'fhir/r4';
import type { OrderDraft } from '../../../src/core/order/types.ts';
import { DETECTED_ISSUE_IDENTIFIER_SYSTEM, ORDER_IDENTIFIER_SYSTEM } from '../../../src/core/order/input.ts';
import { concept, medication, medicationRequest, ref, rxnorm } from '../../../fixtures/factories.ts';

export interface DraftInput {
  /** The order's identifier value (unique per test). */
  value: string;
  patientId: string;
  /** How many overridden conflicts (DetectedIssues) the order carries. */
  overrides?: number;
}

/** A three-step liquid titration order with `overrides` DetectedIssues. */
export function testDraft(d: DraftInput): OrderDraft {
  const compound = medication({
    id: 'ldn',
    code: concept([], 'Naltrexone HCl 1 mg/mL oral liquid (compounded)'),
    ingredients: [
      { item: concept([rxnorm('7243', 'naltrexone')]), strength: { value: 1, unit: 'mg', per: 1, perUnit: 'mL' } },
    ],
  });
  const detectedIssues: DetectedIssue[] = Array.from({ length: d.overrides ?? 0 }, (_, i) => ({
    resourceType: 'DetectedIssue',
    identifier: [{ system: DETECTED_ISSUE_IDENTIFIER_SYSTEM, value: `${d.value}-issue-${i}` }],
    status: 'final',
    severity: 'high',
    code: { text: 'Opioid use inside the washout window' },
    patient: ref('Patient', d.patientId),
    implicated: [ref('MedicationDispense', `${d.patientId}-md${i}`, `tramadol dispense ${i}`)],
    detail: `Tramadol dispensed within the washout window (${i})`,
    mitigation: [{ action: { text: 'Override' }, date: '2026-11-25T10:00:00Z' }],
  }));
  const base = medicationRequest({
    patientId: d.patientId,
    medication: { contained: compound },
    status: 'active',
    authoredOn: '2026-11-25',
  });
  const { id: _serverAssigns, ...withoutId } = base;
  const mr: MedicationRequest = {
    ...withoutId,
    identifier: [{ system: ORDER_IDENTIFIER_SYSTEM, value: d.value }],
    dosageInstruction: [0.5, 1, 1.5].map((mg, i) => ({
      sequence: i + 1,
      text: `Take ${mg} mL (${mg} mg) by mouth at bedtime`,
      timing: {
        repeat: {
          frequency: 1,
          period: 1,
          periodUnit: 'd',
          boundsDuration: { value: 7, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
        },
      },
      doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }],
    })),
    note: [{ text: 'Titrate weekly by 0.5 mg to 1.5 mg; hold at the tolerated dose.' }],
    ...(detectedIssues.length
      ? { detectedIssue: detectedIssues.map((di) => ({ reference: `urn:uuid:${di.identifier![0]!.value}` })) }
      : {}),
  };
  return { identifier: { system: ORDER_IDENTIFIER_SYSTEM, value: d.value }, detectedIssues, medicationRequest: mr };
}

/** The reported-only shape: reportedBoolean true, medicationCodeableConcept, one dosage carrying the plan in text. */
export function reportedOnlyShape(draft: OrderDraft): OrderDraft {
  const mr = draft.medicationRequest;
  const compound = mr.contained?.[0] as { code?: MedicationRequest['medicationCodeableConcept'] } | undefined;
  const { contained: _c, medicationReference: _r, dosageInstruction, ...rest } = mr;
  return {
    ...draft,
    medicationRequest: {
      ...rest,
      reportedBoolean: true,
      medicationCodeableConcept: compound?.code ?? { text: 'Naltrexone (compounded)' },
      dosageInstruction: [{ text: (dosageInstruction ?? []).map((s) => s.text).join('; then ') }],
    },
  };
}

/**
 * The order builder: a titration plan -> a US Core MedicationRequest for the compound, with one DetectedIssue per
 * overridden conflict (ldn-clinical.md sections 5 and 7, issue 4 item 2). Pure: ids and `now` come in.
 */
import type { Annotation, DetectedIssue, MedicationRequest, MedicationRequestDispenseRequest } from 'fhir/r4';
import type { TitrationPlan } from '../titration/types.ts';
import { beyondUseNote } from '../titration/supply.ts';
import { describeQuantity } from '../titration/units.ts';
import { COMMUNITY_CATEGORY, capsules, days, ml } from './codes.ts';
import { acknowledgementIssue, acknowledgementText, detectedIssueFor } from './detected-issue.ts';
import { dosageFor } from './dosage.ts';
import type { OrderInput } from './input.ts';
import { ORDER_IDENTIFIER_SYSTEM } from './input.ts';
import { CONTAINED_MEDICATION_ID, compoundMedication } from './medication.ts';
import type { OrderDraft } from './types.ts';

function dispenseRequest(plan: TitrationPlan): MedicationRequestDispenseRequest {
  const d = plan.dispense;
  return {
    // No refills: the order covers the titration and one maintenance month; continuing is a new decision.
    numberOfRepeatsAllowed: 0,
    quantity: d.kind === 'liquid' ? ml(d.ml) : capsules(d.totalCapsules),
    expectedSupplyDuration: days(plan.totalDays),
  };
}

/** The notes: the whole plan, then the pharmacy's part (quantity per strength, beyond-use date, fills). */
function notes(input: OrderInput): Annotation[] {
  const { plan } = input;
  const pharmacy = [
    `To the pharmacy: dispense ${describeQuantity(plan.dispense)} for ${plan.totalDays} days.`,
    beyondUseNote(plan.input.form.kind, input.storage),
    ...plan.warnings,
  ].join(' ');
  return [
    { time: input.now, text: plan.planText },
    { time: input.now, text: pharmacy },
    ...(input.acknowledgement ? [{ time: input.now, text: acknowledgementText(input.acknowledgement) }] : []),
  ];
}

/** Bugs in the caller's input, not clinical problems: the UI must never let these through. */
function checkInput(input: OrderInput): void {
  const overrides = input.overrides ?? [];
  const issueIds = input.ids.detectedIssues ?? [];
  if (!input.ids.order.trim()) throw new Error('buildOrder: an order identifier value is required');
  if (issueIds.length !== overrides.length) {
    throw new Error(`buildOrder: ${overrides.length} overrides need ${overrides.length} DetectedIssue ids, got ${issueIds.length}`);
  }
  const all = [input.ids.order, ...issueIds, ...(input.ids.acknowledgement ? [input.ids.acknowledgement] : [])];
  if (new Set(all).size !== all.length) throw new Error('buildOrder: identifier values must be unique');
  if (input.ids.acknowledgement && !input.acknowledgement) throw new Error('buildOrder: an acknowledgement id needs the acknowledgement');
  if (input.acknowledgement && !input.acknowledgement.reason.trim()) throw new Error('buildOrder: signing on an incomplete read needs the prescriber\'s reason');
  if (overrides.some((o) => !o.reason.trim())) throw new Error('buildOrder: every overridden conflict needs the prescriber\'s reason');
  if (!/^Patient\/[A-Za-z0-9\-.]{1,64}$/.test(input.patient)) throw new Error(`buildOrder: patient must be "Patient/<id>", got "${input.patient}"`);
}

/** Build the compounded MedicationRequest (one dosage per step) and one DetectedIssue per override. */
export function buildOrder(input: OrderInput): OrderDraft {
  checkInput(input);
  const { plan } = input;
  const identifier = { system: ORDER_IDENTIFIER_SYSTEM, value: input.ids.order };
  const issueCtx = (id: string) => ({ id, patient: input.patient, now: input.now, ...(input.requester ? { requester: input.requester } : {}) });
  const detectedIssues: DetectedIssue[] = (input.overrides ?? []).map((override, i) => detectedIssueFor(override, issueCtx(input.ids.detectedIssues![i]!)));
  if (input.acknowledgement && input.ids.acknowledgement) detectedIssues.push(acknowledgementIssue(input.acknowledgement, issueCtx(input.ids.acknowledgement)));
  const medicationRequest: MedicationRequest = {
    resourceType: 'MedicationRequest',
    contained: [compoundMedication(plan, input.capsuleFiller)],
    identifier: [identifier],
    status: input.status,
    intent: 'order',
    category: [{ coding: [COMMUNITY_CATEGORY] }],
    reportedBoolean: false,
    medicationReference: { reference: `#${CONTAINED_MEDICATION_ID}`, display: plan.formDescription },
    subject: { reference: input.patient },
    ...(input.encounter ? { encounter: { reference: input.encounter } } : {}),
    authoredOn: input.now,
    ...(input.requester ? { requester: { reference: input.requester } } : {}),
    ...(input.reasons?.length ? { reasonReference: input.reasons } : {}),
    ...(input.priorPrescription ? { priorPrescription: input.priorPrescription } : {}),
    note: notes(input),
    dosageInstruction: plan.steps.map((s) => dosageFor(s, plan.input.timing)),
    dispenseRequest: dispenseRequest(plan),
    ...(detectedIssues.length
      ? { detectedIssue: detectedIssues.map((di) => ({ reference: `urn:uuid:${di.identifier![0]!.value}`, display: di.code?.text ?? 'Overridden alert' })) }
      : {}),
  };
  return { identifier, detectedIssues, medicationRequest };
}

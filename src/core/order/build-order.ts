/**
 * The order builder: a titration plan -> a US Core MedicationRequest for the compound, with one DetectedIssue per
 * overridden conflict (ldn-clinical.md sections 5 and 7, issue 4 item 2). Pure: ids and `now` come in.
 */
import type { Annotation, DetectedIssue, MedicationRequest, MedicationRequestDispenseRequest, Quantity } from 'fhir/r4';
import { clinicalDate } from '../fhir/dates.ts';
import { quantityTotal } from '../titration/fills.ts';
import type { DispenseQuantity, Fill, TitrationPlan } from '../titration/types.ts';
import { beyondUseNote, storageWords } from '../titration/supply.ts';
import { describeQuantity } from '../titration/units.ts';
import { COMMUNITY_CATEGORY, capsules, days, ml } from './codes.ts';
import { acknowledgementIssue, acknowledgementText, detectedIssueFor } from './detected-issue.ts';
import { dosageFor } from './dosage.ts';
import type { OrderInput } from './input.ts';
import { ORDER_IDENTIFIER_SYSTEM } from './input.ts';
import { CONTAINED_MEDICATION_ID, compoundMedication, compoundName } from './medication.ts';
import type { OrderDraft } from './types.ts';
import { referenceId } from '../fhir/references.ts';

const quantityOf = (q: DispenseQuantity): Quantity => {
  const t = quantityTotal(q);
  return t.unit === 'mL' ? ml(t.value) : capsules(t.value);
};

/**
 * The fills as FHIR can say them (R4 MedicationRequest.dispenseRequest): the first fill is `initialFill`; every
 * repeat is at most `quantity` for `expectedSupplyDuration` (FHIR has one quantity per repeat, so it is the
 * largest repeat: titration fills differ, and the note gives each fill's exact amount and dates);
 * `numberOfRepeatsAllowed` the further fills; `validityPeriod` the plan's days. No repeat beyond the plan:
 * continuing after it is a new decision.
 */
function dispenseRequest(plan: TitrationPlan, pharmacy: OrderInput['pharmacy']): MedicationRequestDispenseRequest {
  const [first, ...repeats] = plan.fills;
  if (!first) throw new Error('buildOrder: a plan without fills');
  const biggest = (list: Fill[]): Fill =>
    list.reduce((a, b) => (quantityTotal(b.quantity).value > quantityTotal(a.quantity).value ? b : a));
  const perRepeat = repeats.length ? biggest(repeats) : first;
  const longest = repeats.length ? Math.max(...repeats.map((f) => f.days)) : first.days;
  return {
    initialFill: { quantity: quantityOf(first.quantity), duration: days(first.days) },
    validityPeriod: { start: plan.input.startDate, end: plan.endDate },
    numberOfRepeatsAllowed: repeats.length,
    quantity: quantityOf(perRepeat.quantity),
    expectedSupplyDuration: days(longest),
    ...(pharmacy ? { performer: pharmacy } : {}),
  };
}

/** "Fill 2 of 5: 45 mL of 0.5 mg/mL for 30 days, 31 Dec 2026 to 29 Jan 2027, beyond-use date 30 Jan 2027." */
export function fillLine(f: Fill, of: number): string {
  return `Fill ${f.number} of ${of}: ${describeQuantity(f.quantity)} for ${f.days} ${f.days === 1 ? 'day' : 'days'}, ${clinicalDate(f.startDate)} to ${clinicalDate(f.endDate)}, beyond-use date ${clinicalDate(f.beyondUseDate)}.`;
}

/** The pharmacy's instructions: total, each fill with its beyond-use date, storage and the beyond-use rule. */
export function pharmacyInstructions(plan: TitrationPlan): string {
  const n = plan.fills.length;
  return [
    `To the pharmacy: dispense ${describeQuantity(plan.dispense)} for ${plan.totalDays} days in ${n === 1 ? 'one fill' : `${n} fills (an initial fill and ${n - 1} ${n === 2 ? 'repeat' : 'repeats'})`}.`,
    ...plan.fills.map((f) => fillLine(f, n)),
    `Each fill's beyond-use date assumes it is compounded on its first day of use; a fill made earlier must still be in date on its last day.`,
    `${storageWords(plan.input.form)}.`,
    beyondUseNote(plan.input.form),
    ...plan.warnings,
  ].join('\n'); // one line per fill, so the pharmacist reads them as a list
}

/** The notes: the whole plan, then the pharmacy's part (fills, beyond-use dates, storage), then any acknowledgement. */
function notes(input: OrderInput): Annotation[] {
  const { plan } = input;
  const pharmacy = pharmacyInstructions(plan);
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
    throw new Error(
      `buildOrder: ${overrides.length} overrides need ${overrides.length} DetectedIssue ids, got ${issueIds.length}`,
    );
  }
  const all = [input.ids.order, ...issueIds, ...(input.ids.acknowledgement ? [input.ids.acknowledgement] : [])];
  if (new Set(all).size !== all.length) throw new Error('buildOrder: identifier values must be unique');
  if (input.ids.acknowledgement && !input.acknowledgement)
    throw new Error('buildOrder: an acknowledgement id needs the acknowledgement');
  if (input.acknowledgement && !input.acknowledgement.reason.trim())
    throw new Error("buildOrder: signing on an incomplete read needs the prescriber's reason");
  if (overrides.some((o) => !o.reason.trim()))
    throw new Error("buildOrder: every overridden conflict needs the prescriber's reason");
  if (referenceId(input.patient, 'Patient') === undefined)
    throw new Error(`buildOrder: patient must be "Patient/<id>", got "${input.patient}"`);
}

/** Build the compounded MedicationRequest (one dosage per step) and one DetectedIssue per override. */
export function buildOrder(input: OrderInput): OrderDraft {
  checkInput(input);
  const { plan } = input;
  const identifier = { system: ORDER_IDENTIFIER_SYSTEM, value: input.ids.order };
  const issueCtx = (id: string) => ({
    id,
    patient: input.patient,
    now: input.now,
    ...(input.requester ? { requester: input.requester } : {}),
  });
  const detectedIssues: DetectedIssue[] = (input.overrides ?? []).map((override, i) =>
    detectedIssueFor(override, issueCtx(input.ids.detectedIssues![i]!)),
  );
  if (input.acknowledgement && input.ids.acknowledgement)
    detectedIssues.push(acknowledgementIssue(input.acknowledgement, issueCtx(input.ids.acknowledgement)));
  const medicationRequest: MedicationRequest = {
    resourceType: 'MedicationRequest',
    contained: [compoundMedication(plan, input.capsuleFiller)],
    identifier: [identifier],
    status: input.status,
    intent: 'order',
    category: [{ coding: [COMMUNITY_CATEGORY] }],
    reportedBoolean: false,
    medicationReference: { reference: `#${CONTAINED_MEDICATION_ID}`, display: compoundName(plan, input.capsuleFiller) },
    subject: { reference: input.patient, ...(input.patientName?.trim() ? { display: input.patientName.trim() } : {}) },
    ...(input.encounter ? { encounter: { reference: input.encounter } } : {}),
    authoredOn: input.now,
    ...(input.requester
      ? {
          requester: {
            reference: input.requester,
            ...(input.requesterName?.trim() ? { display: input.requesterName.trim() } : {}),
          },
        }
      : {}),
    ...(input.reasons?.length ? { reasonReference: input.reasons } : {}),
    ...(input.priorPrescription ? { priorPrescription: input.priorPrescription } : {}),
    note: notes(input),
    dosageInstruction: plan.steps.map((s) => dosageFor(s, plan.input.timing)),
    dispenseRequest: dispenseRequest(plan, input.pharmacy),
    ...(detectedIssues.length
      ? {
          detectedIssue: detectedIssues.map((di) => ({
            reference: `urn:uuid:${di.identifier![0]!.value}`,
            display: di.code?.text ?? 'Overridden alert',
          })),
        }
      : {}),
  };
  return { identifier, detectedIssues, medicationRequest };
}

/**
 * The draft with the patient's and prescriber's names as the references' display (issue 11 item 3), for callers
 * that learn the names after building (the names are read from the server while the clinician plans). The same
 * resulting draft is both reviewed and sent. Names already present are kept; blank names change nothing.
 */
export function withNames(
  draft: OrderDraft,
  names: { patient?: string | undefined; prescriber?: string | undefined },
): OrderDraft {
  const mr = draft.medicationRequest;
  const patient = names.patient?.trim();
  const prescriber = names.prescriber?.trim();
  const subject = patient && !mr.subject.display ? { ...mr.subject, display: patient } : mr.subject;
  const requester =
    prescriber && mr.requester && !mr.requester.display ? { ...mr.requester, display: prescriber } : mr.requester;
  if (subject === mr.subject && requester === mr.requester) return draft;
  return { ...draft, medicationRequest: { ...mr, subject, ...(requester ? { requester } : {}) } };
}

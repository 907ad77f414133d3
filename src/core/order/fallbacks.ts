/**
 * The order for servers that cannot take the full one (issue 4 item 3, ldn-clinical.md section 7): Oracle Health's
 * MedicationRequest create records only a reported medication (reportedBoolean true, status active, intent order,
 * medicationCodeableConcept only, one dosageInstruction). The whole plan then travels as text.
 */
import type { Annotation, MedicationRequest } from 'fhir/r4';
import { issueLine, medicationName } from './summary.ts';
import type { OrderDraft } from './types.ts';

export { orderAsText, orderSummaryLines } from './summary.ts';

/**
 * Oracle Health shape: reported medication, the compound named by text only (no contained), ONE dosage whose text
 * is every step in order, the overridden conflicts folded into the note (its `detectedIssues` is empty, so the
 * writer creates none), same identifier (so a retry of either shape finds the first).
 */
export function reportedOnlyOrder(draft: OrderDraft): OrderDraft {
  const full = draft.medicationRequest;
  const steps = [...(full.dosageInstruction ?? [])].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
  const planText =
    steps.length > 1 ? steps.map((d, i) => `Step ${i + 1}: ${d.text ?? ''}`).join(' ') : (steps[0]?.text ?? '');
  const folded: Annotation[] = draft.detectedIssues.map((di) => ({
    ...(di.identifiedDateTime ? { time: di.identifiedDateTime } : {}),
    text: `${issueLine(di)} Detail: ${di.detail ?? ''}`.trim(),
  }));
  const reasons = full.reasonReference?.length
    ? [
        {
          text: `For: ${full.reasonReference.map((r) => [r.display, r.reference && `(${r.reference})`].filter(Boolean).join(' ')).join('; ')}`,
        },
      ]
    : [];
  const medicationRequest: MedicationRequest = {
    resourceType: 'MedicationRequest',
    identifier: [draft.identifier],
    status: 'active',
    intent: 'order',
    reportedBoolean: true,
    medicationCodeableConcept: { text: medicationName(full) },
    subject: full.subject,
    ...(full.encounter ? { encounter: full.encounter } : {}),
    ...(full.authoredOn ? { authoredOn: full.authoredOn } : {}),
    ...(full.requester ? { requester: full.requester } : {}),
    note: [...(full.note ?? []), ...reasons, ...folded],
    dosageInstruction: [
      {
        text: planText,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        ...(steps[0]?.route ? { route: steps[0].route } : {}),
      },
    ],
  };
  return { identifier: draft.identifier, detectedIssues: [], medicationRequest };
}

/**
 * The order in words, read from the FHIR resources themselves (what will be sent, not what was planned), for the
 * review before signing, the printable order and the `plan` command.
 */
import type { DetectedIssue, MedicationRequest, Quantity } from 'fhir/r4';
import type { OrderDraft } from './types.ts';

const quantityText = (q: Quantity | undefined): string => (q?.value === undefined ? '' : `${q.value} ${q.unit ?? q.code ?? ''}`.trim());

/** The compound's name: contained Medication code.text, else the reference's display, else the concept's text. */
export function medicationName(mr: MedicationRequest): string {
  const ref = mr.medicationReference?.reference;
  const contained = ref?.startsWith('#') ? mr.contained?.find((r) => r.id === ref.slice(1)) : undefined;
  if (contained?.resourceType === 'Medication' && contained.code?.text) return contained.code.text;
  return mr.medicationReference?.display ?? mr.medicationCodeableConcept?.text ?? 'Unnamed medication';
}

/** One line per overridden conflict: severity, what, the chart entry, the prescriber's reason. */
export function issueLine(di: DetectedIssue): string {
  const what = di.code?.text ?? di.code?.coding?.[0]?.display ?? 'Alert';
  const entry = di.implicated?.map((r) => r.display ?? r.reference).filter(Boolean).join(', ');
  const m = di.mitigation?.[0];
  const by = m?.author?.reference ? ` by ${m.author.reference}` : '';
  const when = m?.date ? ` on ${m.date}` : '';
  return `Overridden alert (${di.severity ?? 'unknown'} severity): ${what}${entry ? ` [${entry}]` : ''}. ${m?.action?.text ?? ''}${by ? ` (${by.trim()}${when})` : when ? ` (${when.trim()})` : ''}`.trim();
}

/** The order as readable lines, for review before signing and for print. */
export function orderSummaryLines(draft: OrderDraft): string[] {
  const mr = draft.medicationRequest;
  const lines: string[] = [
    `${medicationName(mr)}`,
    `Status: ${mr.status}, intent: ${mr.intent}${mr.reportedBoolean ? ' (reported medication)' : ''}`,
    `Patient: ${mr.subject.display ?? mr.subject.reference ?? ''}`,
  ];
  if (mr.requester) lines.push(`Prescriber: ${mr.requester.display ?? mr.requester.reference ?? ''}`);
  if (mr.encounter) lines.push(`Encounter: ${mr.encounter.reference ?? ''}`);
  if (mr.authoredOn) lines.push(`Written: ${mr.authoredOn}`);
  if (mr.reasonReference?.length) lines.push(`For: ${mr.reasonReference.map((r) => r.display ?? r.reference).join('; ')}`);
  const dosages = [...(mr.dosageInstruction ?? [])].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
  for (const d of dosages) lines.push(dosages.length > 1 ? `Step ${d.sequence ?? '?'}: ${d.text ?? ''}` : `Instructions: ${d.text ?? ''}`);
  const dr = mr.dispenseRequest;
  if (dr?.quantity) {
    const supply = dr.expectedSupplyDuration ? ` for ${quantityText(dr.expectedSupplyDuration)}` : '';
    lines.push(`Dispense: ${quantityText(dr.quantity)}${supply}; refills: ${dr.numberOfRepeatsAllowed ?? 0}`);
  }
  // The first note repeats the steps in words; show the others (pharmacy, beyond-use, folded alerts).
  const stepTexts = dosages.map((d) => d.text ?? '').filter(Boolean);
  for (const n of mr.note ?? []) {
    if (dosages.length > 1 && stepTexts.every((t) => n.text.includes(t))) continue;
    if (dosages.length === 1 && n.text === dosages[0]!.text) continue;
    lines.push(`Note: ${n.text}`);
  }
  for (const di of draft.detectedIssues) lines.push(issueLine(di));
  lines.push(`Order identifier: ${draft.identifier.value}`);
  return lines;
}

/** The order as one printable text: a heading, then the summary lines. */
export function orderAsText(draft: OrderDraft): string {
  const lines = orderSummaryLines(draft);
  const heading = 'Low-dose naltrexone order (compounded)';
  return [heading, '='.repeat(heading.length), ...lines].join('\n');
}

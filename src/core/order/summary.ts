/**
 * The order in words, read from the FHIR resources themselves (what will be sent, not what was planned), for the
 * review before signing, the printable order and the `plan` command (issue 11 item 3). Every element that is sent
 * is said: the compound and its ingredients, every dosage with its text, each fill, every note, each overridden
 * alert; people by name (the reference's display), dates as "7 Dec 2026", quantities with plural units.
 */
import type { DetectedIssue, Medication, MedicationRequest, Quantity, Reference } from 'fhir/r4';
import { clinicalDate } from '../fhir/dates.ts';
import type { OrderDraft } from './types.ts';

/** "74 capsules", "1 capsule", "166.5 mL", "30 days", "1 day". */
export function quantityText(q: Quantity | undefined): string {
  if (q?.value === undefined) return '';
  const unit = q.unit ?? q.code ?? '';
  const one = q.value === 1;
  const word =
    unit === 'capsule' || unit === '{capsule}'
      ? one
        ? 'capsule'
        : 'capsules'
      : unit === 'days' || unit === 'd'
        ? one
          ? 'day'
          : 'days'
        : unit;
  return `${q.value.toLocaleString('en-GB', { maximumFractionDigits: 3 })} ${word}`.trim();
}

/** The compound's name: contained Medication code.text, else the reference's display, else the concept's text. */
export function medicationName(mr: MedicationRequest): string {
  const contained = containedMedication(mr);
  if (contained?.code?.text) return contained.code.text;
  return mr.medicationReference?.display ?? mr.medicationCodeableConcept?.text ?? 'Unnamed medication';
}

function containedMedication(mr: MedicationRequest): Medication | undefined {
  const ref = mr.medicationReference?.reference;
  const found = ref?.startsWith('#') ? mr.contained?.find((r) => r.id === ref.slice(1)) : undefined;
  return found?.resourceType === 'Medication' ? found : undefined;
}

/** A person or record by name: the display, else what it is with its id (never a bare "Type/id"). */
function named(ref: Reference | undefined, what: string): string {
  if (!ref) return '';
  if (ref.display?.trim()) return ref.display.trim();
  const id = ref.reference?.split('/').pop();
  return id ? `${what} (record ${id})` : what;
}

/** One line per overridden conflict: severity, what, the chart entry, the prescriber's reason, by whom and when. */
export function issueLine(di: DetectedIssue, prescriber?: string): string {
  const what = di.code?.text ?? di.code?.coding?.[0]?.display ?? 'Alert';
  const entry = di.implicated
    ?.map((r) => r.display ?? r.reference)
    .filter(Boolean)
    .join(', ');
  const m = di.mitigation?.[0];
  const who = m?.author ? (m.author.display ?? prescriber ?? 'the prescriber') : undefined;
  const when = m?.date ? clinicalDate(m.date) : undefined;
  const by = [who && `by ${who}`, when && `on ${when}`].filter(Boolean).join(' ');
  const severity = di.severity ? `${di.severity} severity` : 'severity not given';
  return `Overridden alert (${severity}): ${what}${entry ? ` [${entry}]` : ''}. ${m?.action?.text ?? ''}${by ? ` (${by})` : ''}`.trim();
}

/** What kind of order it is, in words. */
function kindText(mr: MedicationRequest): string {
  if (mr.reportedBoolean) return 'Recorded as a reported medication (this EHR accepts no other kind)';
  if (mr.status === 'draft') return 'Draft prescription, not signed';
  if (mr.status === 'active' && mr.intent === 'order') return 'Prescription to dispense, signed when you press Sign';
  return `Prescription (${mr.status}, ${mr.intent})`;
}

/** The order as sections, each a heading and lines of text. */
export interface OrderView {
  title: string;
  facts: { label: string; value: string }[];
  ingredients: string[];
  dosages: { label: string; text: string }[];
  dispense: string[];
  notes: string[];
  alerts: string[];
  identifier: string;
}

function ingredientLines(med: Medication | undefined): string[] {
  return (med?.ingredient ?? []).map((i) => {
    const name = i.itemCodeableConcept?.text ?? i.itemCodeableConcept?.coding?.[0]?.display ?? 'ingredient';
    const s = i.strength;
    const strength =
      s?.numerator && s.denominator ? ` ${quantityText(s.numerator)} per ${quantityText(s.denominator)}` : '';
    return `${name}${strength} (${i.isActive === false ? 'inactive' : 'active'})`;
  });
}

function dispenseLines(mr: MedicationRequest): string[] {
  const dr = mr.dispenseRequest;
  if (!dr) return [];
  const lines: string[] = [];
  if (dr.initialFill?.quantity)
    lines.push(
      `First fill: ${quantityText(dr.initialFill.quantity)}${dr.initialFill.duration ? ` for ${quantityText(dr.initialFill.duration)}` : ''}`,
    );
  const repeats = dr.numberOfRepeatsAllowed ?? 0;
  if (dr.initialFill && dr.quantity) {
    if (repeats > 0)
      lines.push(
        `Repeats: ${repeats}, each at most ${quantityText(dr.quantity)}${dr.expectedSupplyDuration ? ` for ${quantityText(dr.expectedSupplyDuration)}` : ''}`,
      );
    else lines.push('Repeats: none');
  } else if (dr.quantity) {
    lines.push(
      `Dispense: ${quantityText(dr.quantity)}${dr.expectedSupplyDuration ? ` for ${quantityText(dr.expectedSupplyDuration)}` : ''}; repeats: ${repeats}`,
    );
  }
  if (dr.validityPeriod)
    lines.push(`Valid from ${clinicalDate(dr.validityPeriod.start)} to ${clinicalDate(dr.validityPeriod.end)}`);
  if (dr.performer) lines.push(`Pharmacy: ${named(dr.performer, 'Pharmacy')}`);
  return lines;
}

/** The order as sections: everything the resources carry, nothing hidden. */
export function orderView(draft: OrderDraft): OrderView {
  const mr = draft.medicationRequest;
  const prescriber = mr.requester ? named(mr.requester, 'Prescriber') : undefined;
  const facts = [
    { label: 'Order', value: kindText(mr) },
    { label: 'Patient', value: named(mr.subject, 'Patient') },
    ...(prescriber ? [{ label: 'Prescriber', value: prescriber }] : []),
    ...(mr.encounter ? [{ label: 'Visit', value: named(mr.encounter, 'The visit this app was opened from') }] : []),
    ...(mr.authoredOn ? [{ label: 'Written', value: clinicalDate(mr.authoredOn) }] : []),
    ...(mr.reasonReference?.length
      ? [{ label: 'For', value: mr.reasonReference.map((r) => named(r, 'Condition')).join('; ') }]
      : []),
    ...(mr.priorPrescription ? [{ label: 'Replaces', value: named(mr.priorPrescription, 'Earlier order') }] : []),
  ];
  const med = containedMedication(mr);
  if (med?.form?.text) facts.push({ label: 'Form', value: med.form.text });
  const dosages = [...(mr.dosageInstruction ?? [])].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
  return {
    title: medicationName(mr),
    facts,
    ingredients: ingredientLines(med),
    dosages: dosages.map((d, i) => ({
      label: dosages.length > 1 ? `Step ${d.sequence ?? i + 1}` : 'Instructions',
      text: d.text ?? '',
    })),
    dispense: dispenseLines(mr),
    notes: (mr.note ?? []).map((n) => n.text),
    alerts: draft.detectedIssues.map((di) => issueLine(di, prescriber)),
    identifier: draft.identifier.value,
  };
}

/** The order as readable lines, for print and the command line. */
export function orderSummaryLines(draft: OrderDraft): string[] {
  const v = orderView(draft);
  return [
    v.title,
    ...v.facts.map((f) => `${f.label}: ${f.value}`),
    ...(v.ingredients.length ? [`Ingredients: ${v.ingredients.join('; ')}`] : []),
    ...v.dosages.map((d) => `${d.label}: ${d.text}`),
    ...v.dispense,
    ...v.notes.map((n) => `Note: ${n}`),
    ...v.alerts,
    `Order identifier: ${v.identifier}`,
  ];
}

/** The order as one printable text: a heading, the lines, then the prescriber's signature line. */
export function orderAsText(draft: OrderDraft): string {
  const heading = 'Low-dose naltrexone order (compounded)';
  const prescriber = draft.medicationRequest.requester
    ? named(draft.medicationRequest.requester, 'Prescriber')
    : 'Prescriber';
  return [
    heading,
    '='.repeat(heading.length),
    ...orderSummaryLines(draft),
    '',
    `Signature of ${prescriber}: ______________________   Date: ____________`,
  ].join('\n');
}

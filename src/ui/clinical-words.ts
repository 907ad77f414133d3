/**
 * Clinical language for the screen (issue 11 item 6): FHIR element names, resource types, status codes and code
 * system URIs said in words a clinician reads at a glance, and ISO dates in the one clinical format. The technical
 * form stays available behind each card's technical-details toggle. Pure string functions, no DOM.
 */
import { clinicalDate } from '../core/fhir/dates.ts';
import { knownSystem } from '../core/fhir/systems.ts';

const RECORD_WORDS: Record<string, string> = {
  MedicationRequest: 'medication order',
  MedicationStatement: 'medication history entry',
  MedicationDispense: 'pharmacy dispense',
  MedicationAdministration: 'medication given',
  Medication: 'medication details',
  Condition: 'problem list entry',
  AllergyIntolerance: 'allergy record',
  ServiceRequest: 'procedure request',
  Procedure: 'procedure',
  Appointment: 'appointment',
  Patient: 'patient details',
  Encounter: 'visit',
  Observation: 'result',
};

/** "medication order" for MedicationRequest; other types split into words. */
export function recordWord(resourceType: string): string {
  return RECORD_WORDS[resourceType] ?? resourceType.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Plural record words for the "what could not be read" list. */
export function recordsWord(resourceType: string): string {
  const w = recordWord(resourceType);
  if (w.endsWith('details') || w.endsWith('history entry')) return w.replace(/entry$/, 'entries');
  if (w.endsWith('given')) return 'medications given';
  return w.endsWith('y') && !w.endsWith('ay') ? `${w.slice(0, -1)}ies` : `${w}s`;
}

/** FHIR element names (and the core's basis phrases) as plain words, longest first so paths win over parts. */
const ELEMENT_WORDS: [string, string][] = [
  ['dispenseRequest.validityPeriod.end', 'the end of the order’s validity'],
  ['dispenseRequest.validityPeriod', 'the order’s validity period'],
  ['dispenseRequest.expectedSupplyDuration', 'the expected supply'],
  ['validityPeriod.start', 'valid from'],
  ['validityPeriod.end', 'valid until'],
  ['effectivePeriod.start', 'started'],
  ['effectivePeriod.end', 'ended'],
  ['effectivePeriod', 'the period it was taken'],
  ['effectiveDateTime', 'taken'],
  ['dateAsserted', 'recorded'],
  ['authoredOn', 'ordered'],
  ['whenHandedOver', 'dispensed'],
  ['whenPrepared', 'prepared'],
  ['expectedSupplyDuration', 'expected supply'],
  ['daysSupply', 'days’ supply'],
  ['onsetDateTime', 'onset'],
  ['onsetPeriod.start', 'onset'],
  ['abatementDateTime', 'resolved'],
  ['recordedDate', 'recorded'],
  ['lastOccurrence', 'last reaction'],
  ['occurrenceDateTime', 'planned for'],
  ['occurrencePeriod.start', 'planned from'],
  ['performedDateTime', 'performed'],
  ['performedPeriod.start', 'performed from'],
  ['days supply', 'days’ supply'],
];

const ISO_DATE_IN_TEXT = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?/g;

/** Text from the core or the server with element names in words and every ISO date as "7 Dec 2026". */
export function plainWords(text: string): string {
  let out = text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
  for (const [element, words] of ELEMENT_WORDS) out = out.split(element).join(words);
  return out.replace(ISO_DATE_IN_TEXT, (d) => clinicalDate(d));
}

/** A date's label ("authoredOn") as a word ("ordered"); an unknown label is split into words. */
export function dateLabelWord(label: string): string {
  const hit = ELEMENT_WORDS.find(([e]) => e === label);
  return hit
    ? hit[1]
    : label
        .replace(/[.]/g, ' ')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase();
}

/** "on-hold" -> "on hold", "entered-in-error" -> "entered in error". */
export function statusWord(status: string): string {
  return status.replace(/-/g, ' ');
}

const SYSTEM_NAMES = {
  rxnorm: 'RxNorm',
  snomed: 'SNOMED CT',
  icd10cm: 'ICD-10-CM',
  hcpcs: 'HCPCS',
  ndc: 'NDC',
} as const;

/** "SNOMED CT" for its URI or OID; a local or unknown system is "a local code". */
export function systemName(system: string | undefined): string {
  const known = knownSystem(system);
  return known ? SYSTEM_NAMES[known] : 'local code';
}

/** "oxycodone" -> "Oxycodone"; a term with capitals ("Tylenol #3", "HYDROCODONE") is kept as charted. */
export function titleCase(term: string): string {
  return term === term.toLowerCase()
    ? term.replace(/(^|[\s/(-])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase())
    : term;
}

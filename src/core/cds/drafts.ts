/**
 * The draft orders of a hook call, classified with the core's own medication matching: does the draft contain an
 * opioid (agonist, partial or mixed), naltrexone (any dose), or neither? Read leniently (CDS Hooks sandbox drafts
 * are not strictly valid R4: `category` is one object), from `context.draftOrders` (a Bundle, CDS Hooks 2.0) or
 * `context.medications` (CDS Hooks 1.0 medication-prescribe: an array of resources, or a Bundle). In order-select
 * only the drafts named in `context.selections` count, when it names any.
 */
import { emptyChart } from '../chart.ts';
import { nowDay } from '../fhir/dates.ts';
import { readMedicationEntries, type MedEntry } from '../fhir/medication-entries.ts';
import { arr, isRecord, str, type Rec } from '../fhir/read.ts';
import { hasOpioid, rolesOf } from '../rules/context.ts';

export type DraftClass = 'opioid' | 'naltrexone' | 'other' | 'empty';

export interface Draft {
  /** "MedicationRequest/abc" when the draft has an id. */
  reference?: string;
  id?: string;
  class: DraftClass;
  /** The name as the EHR wrote it (shown as text). */
  name: string;
  lowDose: boolean;
  entry?: MedEntry;
}

const MED_ORDER_TYPES = new Set(['MedicationRequest', 'MedicationStatement']);

function resourcesOf(v: unknown): Rec[] {
  if (isRecord(v) && v.resourceType === 'Bundle')
    return arr(v.entry)
      .map((e) => (isRecord(e) ? e.resource : undefined))
      .filter(isRecord);
  return arr(v).filter(isRecord);
}

function hasMedication(r: Rec): boolean {
  const c = r.medicationCodeableConcept;
  if (isRecord(c) && (arr(c.coding).length > 0 || str(c.text))) return true;
  return (
    isRecord(r.medicationReference) &&
    (str(r.medicationReference.reference) !== undefined || str(r.medicationReference.display) !== undefined)
  );
}

/** Classifies one draft; `medications` are the Medication resources sent with the drafts (for medicationReference). */
function classify(r: Rec, medications: Rec[], today: number): Draft {
  const id = str(r.id);
  const base = { ...(id ? { id, reference: `${String(r.resourceType)}/${id}` } : {}) };
  if (!hasMedication(r)) return { ...base, class: 'empty', name: '', lowDose: false };
  // The draft is read exactly as a chart record would be, so the same names and codes match.
  const chart = {
    ...emptyChart(),
    medicationRequests: [{ ...r, resourceType: 'MedicationRequest' } as never],
    medications: medications as never[],
  };
  const entry = readMedicationEntries(chart, today).entries[0];
  if (!entry) return { ...base, class: 'empty', name: '', lowDose: false };
  const roles = rolesOf(entry);
  const cls: DraftClass = hasOpioid(roles) ? 'opioid' : roles.has('naltrexone') ? 'naltrexone' : 'other';
  return { ...base, class: cls, name: entry.entry.name, lowDose: entry.lowDoseNaltrexone, entry };
}

/** The drafts of a hook's context that this service checks. */
export function readDrafts(context: unknown, now: Date | string): Draft[] {
  if (!isRecord(context)) return [];
  const today = nowDay(now).day;
  const all = [...resourcesOf(context.draftOrders), ...resourcesOf(context.medications)];
  const medications = all.filter((r) => r.resourceType === 'Medication');
  const selections = new Set(
    arr(context.selections)
      .map(str)
      .filter((s): s is string => s !== undefined),
  );
  const orders = all.filter((r) => typeof r.resourceType === 'string' && MED_ORDER_TYPES.has(r.resourceType));
  const chosen = selections.size
    ? orders.filter((r) => selections.has(`${String(r.resourceType)}/${str(r.id) ?? ''}`))
    : orders;
  // Selections that name none of the drafts are ignored (fail safe: check every draft rather than none).
  return (chosen.length ? chosen : orders).map((r) => classify(r, medications, today));
}

/** The patient id of the context ("Patient/x" or "x"), if any. */
export function contextPatientId(context: unknown): string | undefined {
  if (!isRecord(context)) return undefined;
  const id = str(context.patientId);
  return id?.replace(/^Patient\//, '');
}

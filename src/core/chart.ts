/**
 * What the I/O edge hands to the core: the patient's chart as read, and what could not be read.
 *
 * A chart with any gap is incomplete: the assessment must never give a clean verdict on it.
 */
import type {
  AllergyIntolerance,
  Appointment,
  Condition,
  Medication,
  MedicationAdministration,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Patient,
  Procedure,
  ServiceRequest,
} from 'fhir/r4';
import type { Problem, ReadCode } from './problem.ts';

/** The resource types the app reads to decide. */
export type ChartResourceType =
  | 'Patient'
  | 'Condition'
  | 'MedicationRequest'
  | 'MedicationStatement'
  | 'MedicationDispense'
  | 'MedicationAdministration'
  | 'Medication'
  | 'AllergyIntolerance'
  | 'ServiceRequest'
  | 'Procedure'
  | 'Appointment';

/** Why part of the chart is missing. */
export type GapReason =
  | 'failed' // network error or 5xx
  | 'unauthorized' // 401: the session's token was rejected or has expired; relaunch needed
  | 'refused' // 403, or the scope was not granted
  | 'not-found' // 404 on a search or a referenced resource
  | 'timeout'
  | 'truncated' // a paging link broke or the page limit was reached
  | 'malformed' // a resource or a response body that could not be parsed
  | 'unresolved-reference' // a medicationReference that could not be read
  | 'unreadable-medication' // a medication with neither a usable code nor text
  | 'server-warning' // the server said in the answer itself that results are partial (OperationOutcome in a searchset)
  | 'inconsistent' // the answer contradicts itself (total vs entries, two versions of one id, another patient's data)
  | 'wrong-patient'; // the Patient read, or entries, belong to a patient other than the launch patient

/**
 * What happened, as a read gap's `params.what`: the surfaces word each one (src/ui/strings-problems.ts), the
 * other params are its facts. From the edge's reads: a search answer that failed (`search-failed`, with the
 * answer's facts and `further` / `read` for a later page), a body that is not a search result (`search-body`),
 * paging that stopped (`next-link`, `next-repeats`, `page-limit`), entries checked (`entries-malformed`,
 * `server-warning`, `other-patient`, `versions`, `total-short`), the Patient read (`patient-failed`,
 * `patient-not-patient`, `patient-other`), medications by reference (`medication-ref-contained`,
 * `medication-ref-outside`, `medication-failed`). From the core's reading of records: `entry-not-object`,
 * `condition-unreadable`, `allergy-no-substance`, `bundle-entry-unreadable`, `entry-skipped`, `more-pages`,
 * `medication-not-found`, `ndc-only`, `medication-unreadable`. From CDS prefetch: `prefetch-wrong-patient`,
 * `prefetch-not-bundle`, `prefetch-other-patient`, `prefetch-missing`.
 */
export type ReadDetail =
  | 'search-failed'
  | 'search-body'
  | 'next-link'
  | 'next-repeats'
  | 'page-limit'
  | 'entries-malformed'
  | 'server-warning'
  | 'other-patient'
  | 'versions'
  | 'total-short'
  | 'patient-failed'
  | 'patient-not-patient'
  | 'patient-other'
  | 'medication-ref-contained'
  | 'medication-ref-outside'
  | 'medication-failed'
  | 'entry-not-object'
  | 'condition-unreadable'
  | 'allergy-no-substance'
  | 'bundle-entry-unreadable'
  | 'entry-skipped'
  | 'more-pages'
  | 'medication-not-found'
  | 'ndc-only'
  | 'medication-unreadable'
  | 'prefetch-wrong-patient'
  | 'prefetch-not-bundle'
  | 'prefetch-other-patient'
  | 'prefetch-missing';

/** A read gap's facts: what happened, and numbers, ids, codes. Never patient data beyond ids. */
export type ReadGapParams = Readonly<{ what: ReadDetail } & Record<string, string | number>>;

/**
 * One thing that could not be read, as a problem (src/core/problem.ts): code `read/<reason>`, the facts in
 * params, worded by each surface. `technical`, when present, is a server's own short text (an OperationOutcome
 * warning, checked by the edge to hold no identifiers).
 */
export interface ReadGap extends Problem<ReadCode> {
  resourceType: ChartResourceType;
  /** The reason, the code without "read/" (what most consumers decide on). */
  reason: GapReason;
  severity: 'error';
  params: ReadGapParams;
  /** The reference or search concerned, e.g. "Medication/abc" or "MedicationDispense?patient=..." */
  target?: string;
  /** How many resources this gap covers, when known (e.g. 3 malformed entries skipped). */
  count?: number;
}

/** Builds a gap (any gap is an error: the chart is incomplete). `target` and `count` are left out when unknown. */
export function readGap(
  resourceType: ChartResourceType,
  reason: GapReason,
  params: ReadGapParams,
  target?: string,
  count?: number,
): ReadGap {
  return {
    code: `read/${reason}`,
    severity: 'error',
    resourceType,
    reason,
    params,
    ...(target !== undefined ? { target } : {}),
    ...(count !== undefined ? { count } : {}),
  };
}

/** The patient's chart as far as it was read. */
export interface Chart {
  conditions: Condition[];
  medicationRequests: MedicationRequest[];
  medicationStatements: MedicationStatement[];
  medicationDispenses: MedicationDispense[];
  medicationAdministrations: MedicationAdministration[];
  /** Medication resources referenced by the above (from _include or read separately). */
  medications: Medication[];
  /** Allergies and intolerances (all statuses as read; the core decides which count). */
  allergies: AllergyIntolerance[];
  /** Planned procedures: ServiceRequests, Procedures and Appointments (the core decides which are planned and when). */
  serviceRequests: ServiceRequest[];
  procedures: Procedure[];
  appointments: Appointment[];
  /** The launch patient as read, when the reader read it (the banner's source; its id was checked). */
  patient?: Patient;
  /**
   * The resource types that were part of the read (searched, or present in the Bundle given to `assess`).
   * Undefined means "unknown": a Bundle of unknown origin. The core reports a type that was not part of the read
   * as "not checked" (e.g. "allergies not checked"), never as "none found".
   */
  searched?: ChartResourceType[];
  /** Everything that failed, was refused or cut short. Empty means the chart was read in full. */
  gaps: ReadGap[];
}

/** An empty, complete chart; handy for building one up. */
export function emptyChart(): Chart {
  return {
    conditions: [],
    medicationRequests: [],
    medicationStatements: [],
    medicationDispenses: [],
    medicationAdministrations: [],
    medications: [],
    allergies: [],
    serviceRequests: [],
    procedures: [],
    appointments: [],
    gaps: [],
  };
}

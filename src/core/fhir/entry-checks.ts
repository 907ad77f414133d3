/**
 * Checks on the entries of a searchset that decide whether the answer can be trusted as the whole truth
 * (issue 10 item 1): whose record an entry is, whether two entries with one id are the same record, and what an
 * OperationOutcome entry inside the results says. Pure helpers for the edge's search reader (src/edge/fhir/bundle-paging.ts); no I/O.
 */
import type { ChartResourceType } from '../chart.ts';
import { referenceId } from './references.ts';

/**
 * The element that names the patient, per searched type (FHIR R4 compartmentdefinition-patient: the `patient`
 * search parameter of each type). Appointment names its patient among participant actors.
 */
const PATIENT_ELEMENT: Partial<Record<ChartResourceType, string>> = {
  Condition: 'subject',
  MedicationRequest: 'subject',
  MedicationStatement: 'subject',
  MedicationDispense: 'subject',
  MedicationAdministration: 'subject',
  AllergyIntolerance: 'patient',
  ServiceRequest: 'subject',
  Procedure: 'subject',
};

/** "Patient/<id>" (relative, absolute or with _history) to the id; undefined for any other reference. */
export function patientIdOf(reference: unknown): string | undefined {
  return referenceId(reference, 'Patient', 'trailing');
}

/**
 * The patient ids an entry names, or undefined when it names none (no subject, or a Group): such an entry came
 * back from a `patient=` search and is kept, since the server filtered it.
 */
export function patientsNamed(resource: Record<string, unknown>, type: ChartResourceType): string[] | undefined {
  if (type === 'Appointment') {
    const participants = Array.isArray(resource.participant) ? resource.participant : [];
    const ids = participants
      .map((p) => patientIdOf((p as { actor?: { reference?: unknown } } | null)?.actor?.reference))
      .filter((id): id is string => id !== undefined);
    return ids.length ? ids : undefined;
  }
  const element = PATIENT_ELEMENT[type];
  if (!element) return undefined;
  const id = patientIdOf((resource[element] as { reference?: unknown } | undefined)?.reference);
  return id === undefined ? undefined : [id];
}

/** True when the entry is another patient's record: it names patients, and the launch patient is not one of them. */
export function isOtherPatients(
  resource: Record<string, unknown>,
  type: ChartResourceType,
  patientId: string,
): boolean {
  const named = patientsNamed(resource, type);
  return named !== undefined && !named.includes(patientId);
}

/** Structural equality of two JSON values (key order ignored), for telling a repeated entry from a second version. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameJson(v, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** What an OperationOutcome entry of a searchset says, when it says the results are partial. */
export interface OutcomeNotice {
  /** The most severe level: fatal, error or warning. */
  severity: 'fatal' | 'error' | 'warning';
  /** Issue codes, e.g. "suppressed, incomplete". */
  codes: string;
  /** Server text, only when short and free of anything that could be patient data (see safeServerText). */
  text?: string;
}

const RANK = { information: 0, warning: 1, error: 2, fatal: 3 } as const;

/**
 * Epic answers an empty search with a warning-level OperationOutcome whose details code is 4101, "Resource request
 * returns no results" (Epic's code system under its OID root 1.2.840.114350; seen in the wild, e.g.
 * github.com/cqframework/cql-engine issue 9). It says the answer is complete and empty, so it is not a gap; every
 * other warning is (fail safe), including Epic's 4119 "may not contain the entire record".
 */
function saysNoResults(issue: { severity?: unknown; details?: { coding?: unknown } }): boolean {
  if (issue.severity !== 'warning' && issue.severity !== 'information') return false;
  const codings = Array.isArray(issue.details?.coding)
    ? (issue.details.coding as { system?: unknown; code?: unknown }[])
    : [];
  return codings.some(
    (c) => typeof c?.system === 'string' && c.system.startsWith('urn:oid:1.2.840.114350.') && c.code === '4101',
  );
}

/**
 * Reads an OperationOutcome entry: undefined when every issue is information-level (FHIR R4 search.html
 * "search.mode = outcome": servers report hints and warnings this way; only warnings and worse say the results
 * may be partial, e.g. codes suppressed, incomplete, too-costly, throttled).
 */
export function outcomeNotice(outcome: Record<string, unknown>): OutcomeNotice | undefined {
  const issues = Array.isArray(outcome.issue) ? (outcome.issue as unknown[]) : [];
  let worst = 0;
  const codes = new Set<string>();
  const texts: string[] = [];
  for (const raw of issues) {
    if (typeof raw !== 'object' || raw === null) continue;
    const issue = raw as {
      severity?: unknown;
      code?: unknown;
      diagnostics?: unknown;
      details?: { text?: unknown; coding?: unknown };
    };
    const rank =
      typeof issue.severity === 'string' && issue.severity in RANK ? RANK[issue.severity as keyof typeof RANK] : 2;
    if (rank === 0 || saysNoResults(issue)) continue;
    worst = Math.max(worst, rank);
    if (typeof issue.code === 'string' && /^[a-z-]{1,40}$/.test(issue.code)) codes.add(issue.code);
    const text = safeServerText(issue.details?.text) ?? safeServerText(issue.diagnostics);
    if (text) texts.push(text);
  }
  if (worst === 0) return undefined;
  const severity = worst === 3 ? 'fatal' : worst === 2 ? 'error' : 'warning';
  const text = texts.length ? texts.join('; ') : undefined;
  return {
    severity,
    codes: codes.size ? [...codes].join(', ') : 'no issue code',
    ...(text && text.length <= 160 ? { text } : {}),
  };
}

/**
 * A server's free text, only when it cannot carry identifiers: at most 100 characters of letters, spaces and
 * plain punctuation (no digits, slashes, @, double quotes or brackets, which would hold ids, dates, addresses or
 * markup).
 * Names could still appear; chart-reader.ts drops the text when it contains the patient's name.
 */
export function safeServerText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '' || text.length > 100) return undefined;
  return /^[A-Za-z ,.;:()'-]+$/.test(text) ? text : undefined;
}

/**
 * Why the app needs each scope, for the registration page, `npm run registration` and the docs. A module of its
 * own: the launch page needs only the scope strings (scopes.ts), and a bundler places whole modules in chunks,
 * so these sentences stay out of what every launch downloads (issue 14 item 4, the launch page budget).
 */
import { scopeList, type LaunchKind, type ScopeNeed } from './scopes.ts';

/** Why each scope is needed, by its v2 form. */
const REASONS: Record<string, string> = {
  launch: 'EHR launch: receive the patient (and encounter) in context',
  'launch/patient': 'standalone launch: the server asks which patient',
  openid: 'identity of the clinician (id_token)',
  fhirUser: 'the clinician as a FHIR resource: requester of the order',
  'patient/Patient.rs': 'read the patient banner and the subject of the order',
  'patient/Condition.rs': 'read charted conditions: LDN indications, OUD, hepatic disease, pregnancy',
  'patient/MedicationRequest.rs': 'read orders: opioids, naltrexone and other antagonists, interacting drugs',
  'patient/MedicationStatement.rs': 'read medications the patient reports taking',
  'patient/MedicationDispense.rs': 'read pharmacy fills: recent opioid use inside the washout window',
  'patient/MedicationAdministration.rs': 'read administered doses: recent opioid use inside the washout window',
  'patient/Medication.rs': 'read the medication resources that orders and statements refer to',
  'patient/AllergyIntolerance.rs': 'read documented allergies: a naltrexone hypersensitivity contraindicates LDN',
  'patient/ServiceRequest.rs': 'read planned surgery and procedures that may need opioids (stop LDN before them)',
  'patient/Procedure.rs': 'read procedures in preparation that may need opioids',
  'patient/Appointment.rs': 'read booked procedure appointments in the next 30 days',
  'patient/MedicationRequest.c': 'writes the compounded LDN order the clinician signs',
  'patient/DetectedIssue.c': 'records each conflict the clinician overrode, with the reason',
};

/** Every scope with its reason, for the registration page. */
export function scopeNeeds(kind: LaunchKind): ScopeNeed[] {
  return scopeList(kind).map((pair) => ({ ...pair, why: REASONS[pair.v2] ?? '' }));
}

/**
 * The SMART scopes the app asks for, in v1 or v2 form (SMART App Launch 2.2, "Scopes for requesting FHIR
 * resources": v1 `.read`/`.write` correspond to v2 `.rs`/`.cud`). One list, with why each is needed, so the
 * launch, the registration page and check-server all say the same thing.
 */
export type ScopeVersion = 'v1' | 'v2';
export type LaunchKind = 'ehr' | 'standalone';

export interface ScopeNeed {
  v1: string;
  v2: string;
  why: string;
}

const READ_TYPES = [
  ['Patient', 'the patient banner and the subject of the order'],
  ['Condition', 'charted conditions: LDN indications, OUD, hepatic disease, pregnancy'],
  ['MedicationRequest', 'orders: opioids, naltrexone and other antagonists, interacting drugs'],
  ['MedicationStatement', 'medications the patient reports taking'],
  ['MedicationDispense', 'pharmacy fills: recent opioid use inside the washout window'],
  ['MedicationAdministration', 'administered doses: recent opioid use inside the washout window'],
  ['Medication', 'the medication resources that orders and statements refer to'],
  ['AllergyIntolerance', 'documented allergies: a naltrexone hypersensitivity contraindicates LDN'],
  ['ServiceRequest', 'planned surgery and procedures that may need opioids (stop LDN before them)'],
  ['Procedure', 'procedures in preparation that may need opioids'],
  ['Appointment', 'booked procedure appointments in the next 30 days'],
] as const;

const WRITE_TYPES = [
  ['MedicationRequest', 'writes the compounded LDN order the clinician signs'],
  ['DetectedIssue', 'records each conflict the clinician overrode, with the reason'],
] as const;

/** Every scope with its reason, for the registration page. */
export function scopeNeeds(kind: LaunchKind): ScopeNeed[] {
  const context: ScopeNeed[] =
    kind === 'ehr'
      ? [{ v1: 'launch', v2: 'launch', why: 'EHR launch: receive the patient (and encounter) in context' }]
      : [{ v1: 'launch/patient', v2: 'launch/patient', why: 'standalone launch: the server asks which patient' }];
  return [
    ...context,
    { v1: 'openid', v2: 'openid', why: 'identity of the clinician (id_token)' },
    { v1: 'fhirUser', v2: 'fhirUser', why: 'the clinician as a FHIR resource: requester of the order' },
    ...READ_TYPES.map(([t, why]) => ({ v1: `patient/${t}.read`, v2: `patient/${t}.rs`, why: `read ${why}` })),
    ...WRITE_TYPES.map(([t, why]) => ({ v1: `patient/${t}.write`, v2: `patient/${t}.c`, why })),
  ];
}

/** The scope string to request. */
export function requestedScopes(kind: LaunchKind, version: ScopeVersion): string {
  return scopeNeeds(kind)
    .map((s) => s[version])
    .join(' ');
}

/**
 * Whether a granted scope string allows an interaction on a patient-compartment resource type.
 * Understands v1 (`read`, `write`, `*`) and v2 (`c`, `r`, `u`, `d`, `s`) forms, and `patient/`, `user/`, `system/`.
 */
export function scopeAllows(granted: readonly string[], resourceType: string, interaction: 'c' | 'r' | 'u' | 'd' | 's'): boolean {
  return granted.some((scope) => {
    const m = /^(patient|user|system)\/([A-Za-z*]+)\.([a-z*]+)(\?.*)?$/.exec(scope);
    if (!m) return false;
    const [, , type, perms] = m;
    if (type !== '*' && type !== resourceType) return false;
    if (perms === '*') return true;
    if (perms === 'read') return interaction === 'r' || interaction === 's';
    if (perms === 'write') return interaction === 'c' || interaction === 'u' || interaction === 'd';
    return /^c?r?u?d?s?$/.test(perms ?? '') && (perms ?? '').includes(interaction);
  });
}

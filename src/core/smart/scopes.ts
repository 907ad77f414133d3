/**
 * The SMART scopes the app asks for, in v1 or v2 form (SMART App Launch 2.2, "Scopes for requesting FHIR
 * resources": v1 `.read`/`.write` correspond to v2 `.rs`/`.cud`). One list, with why each is needed, so the
 * launch, the registration page and check-server all say the same thing. The reasons are in scope-reasons.ts, so
 * the launch page does not download them.
 */
export type ScopeVersion = 'v1' | 'v2';
export type LaunchKind = 'ehr' | 'standalone';

export interface ScopeNeed {
  v1: string;
  v2: string;
  why: string;
}

/** The types the app reads, in request order (also the sandbox launcher's fault picker). */
export const READ_TYPES = [
  'Patient',
  'Condition',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationDispense',
  'MedicationAdministration',
  'Medication',
  'AllergyIntolerance',
  'ServiceRequest',
  'Procedure',
  'Appointment',
] as const;

/** The types the app creates. */
const WRITE_TYPES = ['MedicationRequest', 'DetectedIssue'] as const;

/** One scope in both forms. */
export type ScopePair = Pick<ScopeNeed, 'v1' | 'v2'>;

/** Every scope the app asks for, in request order, without the reasons (what the launch needs). */
export function scopeList(kind: LaunchKind): ScopePair[] {
  const same = (scope: string): ScopePair => ({ v1: scope, v2: scope });
  return [
    same(kind === 'ehr' ? 'launch' : 'launch/patient'),
    same('openid'),
    same('fhirUser'),
    ...READ_TYPES.map((t) => ({ v1: `patient/${t}.read`, v2: `patient/${t}.rs` })),
    ...WRITE_TYPES.map((t) => ({ v1: `patient/${t}.write`, v2: `patient/${t}.c` })),
  ];
}

/** The scope string to request. */
export function requestedScopes(kind: LaunchKind, version: ScopeVersion): string {
  return scopeList(kind)
    .map((s) => s[version])
    .join(' ');
}

/**
 * Whether a granted scope string allows an interaction on a patient-compartment resource type.
 * Understands v1 (`read`, `write`, `*`) and v2 (`c`, `r`, `u`, `d`, `s`) forms, and `patient/`, `user/`, `system/`.
 */
export function scopeAllows(
  granted: readonly string[],
  resourceType: string,
  interaction: 'c' | 'r' | 'u' | 'd' | 's',
): boolean {
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

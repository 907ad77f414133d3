/**
 * Per-launch options of the sandbox (the launcher's form, `/launch` and `/ehr` query): patient banner, one
 * simulated authorization error (as in the SMART Health IT launcher), FHIR faults, narrowed scopes, and the server
 * profile (the vendor-like shape of the protected FHIR base: sandbox/gateway/profiles.ts).
 * They travel with the launch code, then the authorization code, then the access token; they are never logged.
 */
import { err, ok, type Result } from '../../src/core/result.ts';

export const AUTH_ERRORS = [
  'auth_invalid_client_id',
  'auth_invalid_redirect_uri',
  'auth_invalid_scope',
  'token_invalid_scope',
  'token_invalid_token',
  'token_expired_refresh_token',
  'request_invalid_token',
  'request_expired_token',
] as const;
export type AuthError = (typeof AUTH_ERRORS)[number];

import { FAULT_KINDS, type FaultKind } from '../gateway/faults.ts';

export { FAULT_KINDS, type FaultKind };

/**
 * Shapes of the protected FHIR base, per launch (`profile=`): `full` (the sandbox's own, the default), `epic-like`,
 * `oracle-like`, `hapi-like`. What each does, and the vendor documentation it follows, is in sandbox/README.md.
 */
export const SERVER_PROFILES = ['full', 'epic-like', 'oracle-like', 'hapi-like'] as const;
export type ServerProfile = (typeof SERVER_PROFILES)[number];

export interface FhirFault {
  resourceType: string;
  kind: FaultKind;
}

export interface LaunchOptions {
  /** need_patient_banner in the token response; undefined = the launch kind's default. */
  banner?: boolean;
  authError?: AuthError;
  faults: FhirFault[];
  /** Upper bound on the granted scopes (the granted set is what was asked, narrowed to these). */
  scope?: string[];
  /** The server profile; undefined = `full`. */
  profile?: ServerProfile;
}

/** Reads the options from a query; any unknown value is an error naming it (never silently ignored). */
export function parseLaunchOptions(q: URLSearchParams): Result<LaunchOptions, string> {
  const options: LaunchOptions = { faults: [] };
  const banner = q.get('banner');
  if (banner !== null && banner !== '') {
    if (banner !== '0' && banner !== '1') return err(`banner must be 0 or 1, not "${banner}"`);
    options.banner = banner === '1';
  }
  const authError = q.get('auth_error');
  if (authError) {
    if (!(AUTH_ERRORS as readonly string[]).includes(authError))
      return err(`auth_error "${authError}" is not one of ${AUTH_ERRORS.join(', ')}`);
    options.authError = authError as AuthError;
  }
  const faultItems = q
    .getAll('fhir_fault')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const item of faultItems) {
    const m = /^([A-Z][A-Za-z]+):(.+)$/.exec(item);
    if (!m || !(FAULT_KINDS as readonly string[]).includes(m[2] ?? '')) {
      return err(`fhir_fault "${item}" must be <ResourceType>:<${FAULT_KINDS.join('|')}>`);
    }
    options.faults.push({ resourceType: m[1] as string, kind: m[2] as FaultKind });
  }
  const scope = q.get('scope');
  if (scope && scope.trim()) options.scope = scope.trim().split(/[\s,]+/);
  const profile = q.get('profile');
  if (profile) {
    if (!(SERVER_PROFILES as readonly string[]).includes(profile))
      return err(`profile "${profile}" is not one of ${SERVER_PROFILES.join(', ')}`);
    if (profile !== 'full') options.profile = profile as ServerProfile;
  }
  return ok(options);
}

/** The options as query parameters (for the /ehr page's frame URL). */
export function launchOptionsQuery(o: LaunchOptions): URLSearchParams {
  const q = new URLSearchParams();
  if (o.banner !== undefined) q.set('banner', o.banner ? '1' : '0');
  if (o.authError) q.set('auth_error', o.authError);
  if (o.faults.length) q.set('fhir_fault', o.faults.map((f) => `${f.resourceType}:${f.kind}`).join(','));
  if (o.scope) q.set('scope', o.scope.join(' '));
  if (o.profile) q.set('profile', o.profile);
  return q;
}

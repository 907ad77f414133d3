/**
 * Builds the app's `LaunchContext` from what fhirclient kept after `ready()`: the token response's launch context
 * (SMART App Launch 2.2 "Launch context arrives with your access_token": patient, encounter, need_patient_banner,
 * smart_style_url) and the id_token's fhirUser claim. The context holds no token.
 */
import type { LaunchContext } from '../types.ts';
import { requestedScopes } from '../../core/smart/scopes.ts';
import { stripTrailingSlashes } from '../../core/fhir/systems.ts';
import { referenceOf } from '../../core/fhir/references.ts';

/** The part of fhirclient's Client this module reads (structural, so tests need no fhirclient). */
export interface SmartSession {
  state: {
    serverUrl: string;
    /** The scope the app asked for ("launch ..." for an EHR launch). */
    scope?: string;
    /** Present when the server has an authorization endpoint (absent for open servers). */
    authorizeUri?: string;
    tokenResponse?: {
      access_token?: string;
      scope?: string;
      patient?: string;
      encounter?: string;
      need_patient_banner?: boolean;
      smart_style_url?: string;
      id_token?: string;
    };
  };
}

/**
 * The `fhirUser` claim of an id_token as "Type/id" (SMART App Launch 2.2: a relative or absolute URL of a
 * Practitioner, Patient, ...; Epic gives absolute ones, client-js #105). The token arrived over TLS straight
 * from the token endpoint, so it is read, not verified (it only labels the order's requester). fhirclient's
 * own getFhirUser() decodes with window.atob, which throws on base64url's "-" and "_".
 */
export function fhirUserFromIdToken(idToken: string | undefined): string | undefined {
  const claims = idTokenClaims(idToken);
  if (typeof claims?.fhirUser !== 'string') return undefined;
  // fhirUser is an absolute or relative URL of a FHIR resource (SMART App Launch 2.0, "fhirUser").
  const named = referenceOf(claims.fhirUser, 'trailing');
  return named ? `${named.type}/${named.id}` : undefined;
}

// Control characters are exactly what this expression is for.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/**
 * The user's name from the id_token's OpenID Connect `name` claim (standard profile claim), when the server sends
 * one: the prescriber's name for the order and the printout where the Practitioner itself may not be read with
 * patient-level scopes. Bounded and trimmed; control characters dropped; rendered as text only.
 */
export function userNameFromIdToken(idToken: string | undefined): string | undefined {
  const name = idTokenClaims(idToken)?.name;
  if (typeof name !== 'string') return undefined;
  const clean = name.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  return clean || undefined;
}

function idTokenClaims(idToken: string | undefined): { fhirUser?: unknown; name?: unknown } | undefined {
  const payload = idToken?.split('.')[1];
  if (!payload || payload.length > 16_384) return undefined;
  try {
    const standard = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(standard), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null
      ? (claims as { fhirUser?: unknown; name?: unknown })
      : undefined;
  } catch {
    return undefined;
  }
}

export type LaunchContextProblem = 'no-patient';

function scopeWords(scope: string | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter(Boolean);
}

/**
 * The launch context, or 'no-patient' when the server gave no patient (the app is patient-scoped and cannot
 * run without one). Open servers (no authorization endpoint, no token) grant nothing formally: their grant is
 * taken to be what the app would ask a SMART server for in standalone mode, in v2 form, since an open server
 * enforces no scopes.
 */
export function buildLaunchContext(
  session: SmartSession,
): { ok: true; value: LaunchContext } | { ok: false; error: LaunchContextProblem } {
  const { state } = session;
  const token = state.tokenResponse ?? {};
  const patientId = token.patient;
  if (!patientId) return { ok: false, error: 'no-patient' };
  const open = !state.authorizeUri && !token.access_token;
  const asked = scopeWords(state.scope);
  const launchType: LaunchContext['launchType'] = open ? 'open' : asked.includes('launch') ? 'ehr' : 'standalone';
  // SMART App Launch 2.2: the token response's scope is what was granted; when a server omits it, the
  // grant equals the request (RFC 6749 §5.1: "OPTIONAL, if identical to the scope requested").
  const granted = open
    ? scopeWords(requestedScopes('standalone', 'v2'))
    : token.scope !== undefined
      ? scopeWords(token.scope)
      : asked;
  const fhirUser = open ? undefined : fhirUserFromIdToken(token.id_token);
  const userName = open ? undefined : userNameFromIdToken(token.id_token);
  return {
    ok: true,
    value: {
      launchType,
      serverUrl: stripTrailingSlashes(state.serverUrl),
      patientId,
      ...(token.encounter ? { encounterId: token.encounter } : {}),
      ...(fhirUser ? { fhirUser } : {}),
      ...(userName ? { userName } : {}),
      // Absent means shown: the safe side, the clinician always sees whose chart the app is reading.
      needPatientBanner: token.need_patient_banner !== false,
      ...(token.smart_style_url ? { smartStyleUrl: token.smart_style_url } : {}),
      grantedScopes: granted,
    },
  };
}

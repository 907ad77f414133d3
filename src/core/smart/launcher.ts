/**
 * The SMART Health IT launcher (smart-launcher-v2) as an issuer family: one allow-list entry names the launcher's
 * base URL and accepts exactly the FHIR bases it hands out, so a tester changing launch options needs no new entry
 * (issue 12 item 1).
 *
 * The launcher's FHIR base is `<launcher>/v/<fhir version>/fhir` for an EHR launch (the options travel in the
 * `launch` parameter) and `<launcher>/v/<fhir version>/sim/<options>/fhir` for a standalone launch, where
 * `<options>` is the base64url encoding (RFC 4648 section 5, no padding) of a JSON array of the launch options
 * (smart-launcher-v2, src/isomorphic/codec.ts, `encode`: index 0 the launch type, 1 patient, 2 provider,
 * 3 encounter, 4 skip_login, 5 skip_auth, 6 sim_ehr, 7 scope, 8 redirect_uris, 9 client_id, 10 client_secret,
 * 11 auth_error, 12 jwks_url, 13 jwks, 14 client type index, 15 PKCE validation index, 16 fhir_context).
 *
 * Safety is that of an exact entry: the iss must be canonical (no dot segments, userinfo, query, encoded "/"),
 * on the launcher's origin and path, with the fixed shape and `r4` (the app reads FHIR R4 only); the options
 * segment may hold base64url characters only, so it cannot smuggle a "/" or a dot segment.
 */
import { canonicalIssuer } from './issuer-url.ts';
import { isFhirId } from '../fhir/ids.ts';

/** The only FHIR version the app speaks. */
const FHIR_VERSION = 'r4';

/** Matches the part after the launcher's base: the EHR base or a standalone base with base64url options. */
const LAUNCHER_PATH = new RegExp(`^/v/${FHIR_VERSION}(?:/sim/[A-Za-z0-9_-]{1,4096})?/fhir$`);

/** Whether `iss` is one of the FHIR bases the launcher at `launcherBase` hands out. */
export function launcherAcceptsIss(launcherBase: string, iss: string): boolean {
  const base = canonicalIssuer(launcherBase);
  const wanted = canonicalIssuer(iss);
  if (base === undefined || wanted === undefined || !wanted.startsWith(`${base}/`)) return false;
  if (new URL(wanted).origin !== new URL(base).origin) return false;
  return LAUNCHER_PATH.test(wanted.slice(base.length));
}

/** The two standalone launch types a tester can pick (the launcher's `launch_type`). */
export type LauncherStandaloneType = 'patient-standalone' | 'provider-standalone';

/** smart-launcher-v2's launch type indexes (codec.ts `launchTypes`). */
const LAUNCH_TYPE_INDEX: Record<LauncherStandaloneType, number> = { 'provider-standalone': 2, 'patient-standalone': 3 };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding of an ASCII string (the options JSON built here is ASCII only). */
function base64UrlAscii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : -1;
    const n = (a << 16) | ((b < 0 ? 0 : b) << 8) | (c < 0 ? 0 : c);
    out += ALPHABET[(n >> 18) & 63] ?? '';
    out += ALPHABET[(n >> 12) & 63] ?? '';
    if (b >= 0) out += ALPHABET[(n >> 6) & 63] ?? '';
    if (c >= 0) out += ALPHABET[n & 63] ?? '';
  }
  return out;
}

export interface LauncherStandaloneOptions {
  type: LauncherStandaloneType;
  /** A patient id (patient standalone) that skips the launcher's patient picker; letters, digits, "-" and "." only. */
  patient?: string;
}

/**
 * The FHIR base for a standalone launch through the launcher: public client, PKCE "auto" (the app always sends
 * S256), no simulated error, login and patient picker shown unless a patient is given. undefined for a launcher
 * base that is not a valid issuer or a patient id outside FHIR's id alphabet.
 */
export function launcherStandaloneBase(launcherBase: string, options: LauncherStandaloneOptions): string | undefined {
  const base = canonicalIssuer(launcherBase);
  if (base === undefined) return undefined;
  const patient = options.patient?.trim() ?? '';
  if (patient && !isFhirId(patient)) return undefined;
  const params = [
    LAUNCH_TYPE_INDEX[options.type],
    options.type === 'patient-standalone' ? patient : '',
    '',
    'AUTO',
    0,
    0,
    0,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    0,
    1,
    '',
  ];
  return `${base}/v/${FHIR_VERSION}/sim/${base64UrlAscii(JSON.stringify(params))}/fhir`;
}

/**
 * What an admin enters when registering the app in an EHR, built purely from the deployed base URL: launch URL,
 * redirect URIs, scopes (v1 and v2, with reasons), SMART capabilities and RFC 7591 client metadata.
 * The registration page, `npm run registration` and the docs all show this one structure.
 */
import { problem } from '../problem.ts';
import { err, ok, type Result } from '../result.ts';
import { requestedScopes, type ScopeNeed, type ScopeVersion } from '../smart/scopes.ts';
import { scopeNeeds } from '../smart/scope-reasons.ts';
import { badUrl, normaliseAppBaseUrl, type RegistrationProblem } from './base-url.ts';
import { SMART_CAPABILITIES_USED, type CapabilityUse } from './capabilities.ts';

/** The package identity: `software_id` is stable across versions (RFC 7591 section 2). */
export const SOFTWARE_ID = 'ldn-smart-app';
export const CLIENT_NAME = 'LDN candidacy and titration (SMART on FHIR)';

/** RFC 7591 section 2 client metadata for a public browser client. */
export interface ClientMetadata {
  redirect_uris: string[];
  token_endpoint_auth_method: 'none';
  grant_types: ['authorization_code'];
  response_types: ['code'];
  client_name: string;
  client_uri: string;
  logo_uri: string;
  scope: string;
  software_id: string;
  software_version: string;
}

export interface Registration {
  /** The app root, ending in "/". */
  baseUrl: string;
  /** Where the EHR sends the launch (`iss` and `launch` parameters). */
  launchUrl: string;
  /** Redirect URIs to register: the app root and its index.html, neither with a fragment. */
  redirectUris: string[];
  scopes: { ehr: ScopeNeed[]; standalone: ScopeNeed[] };
  /** The exact scope strings the app requests, per launch kind and version. */
  scopeStrings: Record<'ehr' | 'standalone', Record<ScopeVersion, string>>;
  capabilities: readonly CapabilityUse[];
  clientMetadata: ClientMetadata;
}

export interface RegistrationInput {
  /** The deployed app root, e.g. https://apps.example.org/ldn/ */
  baseUrl: string;
  /** package.json version, becomes software_version. */
  version: string;
  /** Scope form in the client metadata (default v2; Oracle Health registers v1). */
  scopeVersion?: ScopeVersion;
  /** Logo address; default `<base>logo.svg`. */
  logoUri?: string;
}

/** Union of the EHR and standalone scope strings, without repeats, in request order. */
function allScopes(version: ScopeVersion): string {
  const seen = new Set<string>();
  for (const kind of ['ehr', 'standalone'] as const)
    for (const s of requestedScopes(kind, version).split(' ')) seen.add(s);
  return [...seen].join(' ');
}

/** Builds the registration for a deployed base URL; refuses a bad base URL or version with one message. */
export function buildRegistration(input: RegistrationInput): Result<Registration, RegistrationProblem> {
  const base = normaliseAppBaseUrl(input.baseUrl);
  if (!base.ok) return base;
  if (!/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/.test(input.version))
    return err(problem('registration/bad-version', 'error', { value: input.version }));
  const baseUrl = base.value;
  let logoUri = `${baseUrl}logo.svg`;
  if (input.logoUri !== undefined) {
    const logo = normaliseLogo(input.logoUri);
    if (!logo.ok) return logo;
    logoUri = logo.value;
  }
  const version = input.scopeVersion ?? 'v2';
  const redirectUris = [baseUrl, `${baseUrl}index.html`];
  return ok({
    baseUrl,
    launchUrl: `${baseUrl}launch/`,
    redirectUris,
    scopes: { ehr: scopeNeeds('ehr'), standalone: scopeNeeds('standalone') },
    scopeStrings: {
      ehr: { v1: requestedScopes('ehr', 'v1'), v2: requestedScopes('ehr', 'v2') },
      standalone: { v1: requestedScopes('standalone', 'v1'), v2: requestedScopes('standalone', 'v2') },
    },
    capabilities: SMART_CAPABILITIES_USED,
    clientMetadata: {
      redirect_uris: redirectUris,
      // A browser app cannot keep a secret: public client, PKCE only (SMART App Launch 2.2, client-public).
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      client_name: CLIENT_NAME,
      client_uri: baseUrl,
      logo_uri: logoUri,
      scope: allScopes(version),
      software_id: SOFTWARE_ID,
      software_version: input.version,
    },
  });
}

function normaliseLogo(value: string): Result<string, RegistrationProblem> {
  // Same rules as the base URL (https, no fragment), but a file address: keep it as given.
  const folder = value.replace(/[^/]*$/, '');
  const checked = normaliseAppBaseUrl(folder);
  if (!checked.ok) return err(badUrl('logo', String(checked.error.params?.fault ?? 'invalid'), folder));
  return ok(value.trim());
}

/**
 * Turns the issuer allow-list into fhirclient's ARRAY form of `FHIR.oauth2.authorize` options, one per allowed
 * server, each with an `issMatch` function. fhirclient picks the first entry whose `issMatch` accepts the `iss`
 * (or `fhirServiceUrl`) URL parameter and throws when none does. With a single options object it would accept any
 * iss (shared/research/smart-on-fhir.md, "Multiple EHRs"), which is why the single form is never used here.
 */
import {
  canonicalIssuer,
  entryMatchesIss,
  findIssuer,
  type AllowList,
  type AllowListEntry,
} from '../../core/smart/allow-list.ts';
import { entryScopes, type ScopeAttempt } from '../../core/smart/write-scopes.ts';

/** The subset of fhirclient's AuthorizeParams this app sets. */
export interface AuthorizeOptions {
  issMatch: (iss: string) => boolean;
  clientId?: string;
  scope?: string;
  redirectUri: string;
  /** SMART App Launch 2.2 requires PKCE S256: refuse servers that do not announce it. */
  pkceMode?: 'required';
  /** >= 122 bits of state (SMART App Launch 2.2); fhirclient's default is ~95 bits. */
  stateKey: string;
  /** Finish the authorization in the window (or EHR iframe) that started it. */
  completeInTarget: true;
  /** Open servers only: the FHIR base used without OAuth. */
  fhirServiceUrl?: string;
  patientId?: string;
}

/** What the launch page's URL asks for. */
export type LaunchRequest =
  | { kind: 'ehr'; iss: string; launch: string }
  | { kind: 'standalone-smart'; iss: string }
  | { kind: 'standalone-open'; fhirServiceUrl: string; patientId: string }
  | { kind: 'open-without-patient'; fhirServiceUrl: string }
  | { kind: 'picker' };

/** Reads the launch URL's query: `iss` (+ `launch`) or `fhirServiceUrl` (+ `patientId`), or nothing. */
export function readLaunchRequest(search: URLSearchParams): LaunchRequest {
  const iss = search.get('iss');
  const launch = search.get('launch');
  if (iss) return launch ? { kind: 'ehr', iss, launch } : { kind: 'standalone-smart', iss };
  const fhirServiceUrl = search.get('fhirServiceUrl');
  if (fhirServiceUrl) {
    const patientId = search.get('patientId');
    return patientId
      ? { kind: 'standalone-open', fhirServiceUrl, patientId }
      : { kind: 'open-without-patient', fhirServiceUrl };
  }
  return { kind: 'picker' };
}

/**
 * Whether `iss` is accepted by one allow-list entry: equal to its exact `iss` (trailing slashes ignored), or
 * starting with its `issPrefix` (which the parser guarantees ends in "/", so `https://ehr.example.org/` never
 * matches `https://ehr.example.org.evil.test/`). Non-URLs and URLs with credentials or fragments never match.
 */
export function entryAcceptsIss(entry: AllowListEntry, iss: string): boolean {
  // One matcher for the launch and the CLI, normalising first and refusing dot segments (src/core/smart/allow-list.ts).
  return entryMatchesIss(entry, iss);
}

/** The entry of the allow-list that accepts this iss (exact entries win over prefixes), if any. */
export function matchIssuer(list: AllowList, iss: string): AllowListEntry | undefined {
  // Exact entries first, then SMART launchers, then prefixes (src/core/smart/allow-list.ts).
  return findIssuer(list, iss);
}

/** Whether a typed or listed open server URL is acceptable for a standalone open launch. */
export function openServerAllowed(list: AllowList, fhirServiceUrl: string): boolean {
  const wanted = canonicalIssuer(fhirServiceUrl);
  if (!list.standalone.enabled || wanted === undefined) return false;
  return list.standalone.allowTypedOpenServer || list.standalone.openServers.some((s) => s.fhirServiceUrl === wanted);
}

export interface BuildOptionsInput {
  list: AllowList;
  /** 'ehr' when the URL carries `launch`, else 'standalone' (scopes: launch vs launch/patient). */
  kind: 'ehr' | 'standalone';
  /** The app's root URL, the default redirect URI (index.html). */
  appRootUrl: string;
  /** A fresh crypto.randomUUID() (122 random bits). */
  stateKey: string;
  /** 'fallback' for the one retry after the EHR refused the scopes (entries with write "fallback" drop creates). */
  attempt?: ScopeAttempt;
}

/**
 * fhirclient options for SMART servers, one per allow-list entry, in the allow-list's order with exact entries
 * first (so an exact entry's client id wins over a prefix that also matches).
 */
export function smartAuthorizeOptions(input: BuildOptionsInput): AuthorizeOptions[] {
  const c = input.list.clients;
  const ordered = [
    ...c.filter((e) => e.iss !== undefined),
    ...c.filter((e) => e.smartLauncher !== undefined),
    ...c.filter((e) => e.issPrefix !== undefined),
  ];
  return ordered.map((entry) => ({
    issMatch: (iss: string) => entryAcceptsIss(entry, iss),
    clientId: entry.clientId,
    scope: entryScopes(input.kind, entry, input.attempt ?? 'first'),
    redirectUri: entry.redirectUri ?? input.appRootUrl,
    pkceMode: 'required',
    stateKey: input.stateKey,
    completeInTarget: true,
  }));
}

/**
 * fhirclient options for one open server (no OAuth: fhirclient stores a fake state with the patient id and
 * redirects straight to the app). Only built after openServerAllowed() said yes.
 */
export function openAuthorizeOptions(
  fhirServiceUrl: string,
  patientId: string,
  appRootUrl: string,
  stateKey: string,
): AuthorizeOptions[] {
  const wanted = canonicalIssuer(fhirServiceUrl) ?? '';
  return [
    {
      issMatch: (url: string) => wanted !== '' && canonicalIssuer(url) === wanted,
      fhirServiceUrl: wanted,
      patientId,
      redirectUri: appRootUrl,
      stateKey,
      completeInTarget: true,
    },
  ];
}

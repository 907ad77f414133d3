/**
 * Classifies everything that can go wrong between the EHR's launch and the app's first FHIR call into a small set
 * of failures, each with its own page (src/ui/pages/app-failure-texts.ts says what happened and what to do).
 *
 * Sources of failure, in launch order: the authorization server's redirect back with `error=` (RFC 6749 §4.1.2.1),
 * fhirclient's `ready()` (no state, token exchange refused, network), and the first FHIR request (401 = token
 * rejected or expired, RFC 6750 §3.1).
 *
 * A failure is a Problem (src/core/problem.ts, code `launch/<kind>`) with the facts as params; the pages word it
 * (src/ui/pages/app-failure-texts.ts). fhirclient's errors are told apart by type and status where it gives them
 * (TypeError, HttpError.status), by its OAuth `error` line, and only for its plain assertions by their text.
 */
import type { LaunchCode, Problem } from '../../core/problem.ts';
import { isNetworkError } from './network-error.ts';

export { isNetworkError } from './network-error.ts';

export type LaunchFailureKind =
  /** No state: the app page was opened directly (bookmark, reload in a new tab) instead of launched. */
  | 'opened-directly'
  /** error=access_denied: the user (or the EHR on their behalf) refused the authorization. */
  | 'access-denied'
  /** error=invalid_client / unauthorized_client: the EHR does not know this client id. */
  | 'invalid-client'
  /** error=invalid_scope (authorize or token endpoint): the EHR refused the scopes the app asks for. */
  | 'invalid-scope'
  /** error=invalid_request (e.g. a redirect URI the EHR has not registered) or unsupported_response_type. */
  | 'invalid-request'
  /** error=server_error / temporarily_unavailable. */
  | 'auth-server-error'
  /** The token endpoint refused the code (invalid_grant, invalid_client, PKCE mismatch...) or gave no token. */
  | 'token-exchange-failed'
  /** The FHIR server answered 401 to the first request: the token was rejected. */
  | 'token-invalid'
  /** The FHIR server answered 401 and said the token expired. */
  | 'token-expired'
  /** No response at all (fetch TypeError): the network or the server is down. */
  | 'network-down'
  | 'unknown';

/** What a launch failure says beyond its kind: the facts support needs, never a token. */
export type LaunchFailureParams = {
  /** The OAuth error code as received, e.g. "invalid_scope". */
  readonly error?: string;
  /** The HTTP status of the answer that failed, when the failure came from one. */
  readonly status?: number;
  /** The server's own description (error_description), shown as plain text. */
  readonly technical?: string;
};

/** A failed launch: a problem whose code is `launch/<kind>`; `kind` picks the page. */
export interface LaunchFailure extends Problem<LaunchCode> {
  kind: LaunchFailureKind;
  severity: 'error';
  params?: LaunchFailureParams;
}

/** Builds a failure; params are left out when there are none. */
export function launchFailure(kind: LaunchFailureKind, params: LaunchFailureParams = {}): LaunchFailure {
  const given = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  return {
    code: `launch/${kind}`,
    severity: 'error',
    kind,
    ...(Object.keys(given).length ? { params: given as LaunchFailureParams } : {}),
  };
}

const OAUTH_ERRORS: Record<string, LaunchFailureKind> = {
  access_denied: 'access-denied',
  invalid_client: 'invalid-client',
  unauthorized_client: 'invalid-client',
  invalid_scope: 'invalid-scope',
  invalid_request: 'invalid-request',
  unsupported_response_type: 'invalid-request',
  server_error: 'auth-server-error',
  temporarily_unavailable: 'auth-server-error',
};

/** Caps what the UI repeats from a server, so a hostile description cannot flood the page. */
function short(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  return trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed || undefined;
}

/**
 * The failure an authorization server reported by redirecting back with `error` / `error_description`
 * (checked BEFORE fhirclient's ready(), which would only throw a generic Error). undefined when there is none.
 */
export function failureFromRedirect(search: URLSearchParams): LaunchFailure | undefined {
  const code = search.get('error');
  const description = short(search.get('error_description'));
  if (!code && !description) return undefined;
  const kind = (code && OAUTH_ERRORS[code]) || 'unknown';
  return launchFailure(kind, { ...(code ? { error: code } : {}), ...(description ? { technical: description } : {}) });
}

/** The shape of fhirclient's HttpError that matters here (fhirclient 2.6.3, lib/HttpError.js). */
interface HttpErrorLike {
  name: string;
  status: number;
  message: string;
}

function isHttpError(e: unknown): e is HttpErrorLike {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as HttpErrorLike).name === 'HttpError' &&
    typeof (e as HttpErrorLike).status === 'number' &&
    typeof (e as HttpErrorLike).message === 'string'
  );
}

/**
 * The OAuth `error` of a token endpoint's JSON answer, as fhirclient hands it on. Its HttpError reads the body
 * itself (parse()) and keeps only a message: `<status> <statusText>`, `URL: <url>`, then, for a JSON body with an
 * `error`, the line `<error>` or `<error>: <error_description>`. So the code is that third line's first token,
 * checked against the RFC 6749 §5.2 form (lower case and underscores), never a word found anywhere in the text
 * (a description or a URL may name another code).
 */
export function oauthErrorOf(e: HttpErrorLike): string | undefined {
  const lines = e.message.split('\n');
  if (!lines[1]?.startsWith('URL: ')) return undefined;
  const code = /^([a-z_]{1,64})(?::|$)/.exec(lines[2] ?? '')?.[1];
  return code;
}

/**
 * Classifies an error thrown by fhirclient's `FHIR.oauth2.ready()`: a TypeError is no response; the token
 * endpoint's HttpError by its status and OAuth `error` ({@link oauthErrorOf}). fhirclient 2.6.3 (lib/smart.js)
 * raises the rest through a plain `assert`, an Error with nothing but a message, so those few are known by their
 * text: "No 'state' parameter found" / "No state found!" (opened directly), "Failed to obtain access token." and
 * "Missing state.<tokenUri|clientId|redirectUri>" (no usable token exchange).
 */
export function failureFromReadyError(e: unknown): LaunchFailure {
  if (isNetworkError(e)) return launchFailure('network-down');
  if (isHttpError(e)) {
    const error = oauthErrorOf(e);
    if (error === 'invalid_scope') return launchFailure('invalid-scope', { error, status: e.status });
    return launchFailure('token-exchange-failed', { ...(error ? { error } : {}), status: e.status });
  }
  const message = e instanceof Error ? e.message : String(e);
  if (/^No 'state' parameter found|^No state found/.test(message)) return launchFailure('opened-directly');
  if (/^Failed to obtain access token|^Missing state\.(tokenUri|clientId|redirectUri)/.test(message)) {
    return launchFailure('token-exchange-failed');
  }
  return launchFailure('unknown');
}

/**
 * The failure shown when the first FHIR request of the session answers 401 (RFC 6750 §3.1: the
 * WWW-Authenticate header's error_description tells an expired token from an invalid one). undefined for any
 * other status: 403, 404 and 5xx are chart gaps the clinician screen reports, not launch failures.
 */
export function failureFromFirstResponse(status: number, wwwAuthenticate: string | null): LaunchFailure | undefined {
  if (status !== 401) return undefined;
  const header = wwwAuthenticate ?? '';
  const description = /error_description="([^"]*)"/.exec(header)?.[1];
  const expired = /expired/i.test(header);
  const technical = short(description);
  return launchFailure(expired ? 'token-expired' : 'token-invalid', {
    status: 401,
    ...(technical ? { technical } : {}),
  });
}

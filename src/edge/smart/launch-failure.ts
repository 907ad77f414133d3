/**
 * Classifies everything that can go wrong between the EHR's launch and the app's first FHIR call into a small set
 * of failures, each with its own page (src/ui/pages/app-failure-texts.ts says what happened and what to do).
 *
 * Sources of failure, in launch order: the authorization server's redirect back with `error=` (RFC 6749 §4.1.2.1),
 * fhirclient's `ready()` (no state, token exchange refused, network), and the first FHIR request (401 = token
 * rejected or expired, RFC 6750 §3.1).
 */

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

export interface LaunchFailure {
  kind: LaunchFailureKind;
  /** The OAuth error code as received, e.g. "invalid_scope" (shown to help support; never a token). */
  code?: string;
  /** The server's own description (error_description), shown as plain text. */
  description?: string;
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
  return { kind, ...(code ? { code } : {}), ...(description ? { description } : {}) };
}

/** The shape of fhirclient's HttpError that matters here. */
interface HttpErrorLike {
  status: number;
  message: string;
}

function isHttpError(e: unknown): e is HttpErrorLike {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as HttpErrorLike).status === 'number' &&
    typeof (e as HttpErrorLike).message === 'string'
  );
}

/** Whether an error means no response came (browsers reject fetch with a TypeError on network failure). */
export function isNetworkError(e: unknown): boolean {
  return e instanceof TypeError || (typeof e === 'object' && e !== null && (e as Error).name === 'TypeError');
}

/**
 * Classifies an error thrown by fhirclient's `FHIR.oauth2.ready()`. The messages matched are fhirclient 2.6.3's
 * (lib/smart.js): "No 'state' parameter found", "No state found!", "Failed to obtain access token.", and the
 * token endpoint's HttpError whose message carries the OAuth `error` code of the JSON body.
 */
export function failureFromReadyError(e: unknown): LaunchFailure {
  if (isNetworkError(e)) return { kind: 'network-down' };
  if (isHttpError(e)) {
    const code =
      /\b(invalid_scope|invalid_grant|invalid_client|unauthorized_client|invalid_request|server_error)\b/.exec(
        e.message,
      )?.[1];
    if (code === 'invalid_scope') return { kind: 'invalid-scope', code };
    return { kind: 'token-exchange-failed', ...(code ? { code } : { code: `HTTP ${e.status}` }) };
  }
  const message = e instanceof Error ? e.message : String(e);
  if (/No 'state' parameter found|No state found/i.test(message)) return { kind: 'opened-directly' };
  if (/Failed to obtain access token|Missing state\.(tokenUri|clientId|redirectUri)/.test(message)) {
    return { kind: 'token-exchange-failed' };
  }
  return { kind: 'unknown' };
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
  return {
    kind: expired ? 'token-expired' : 'token-invalid',
    code: 'HTTP 401',
    ...(description ? { description: short(description) } : {}),
  };
}

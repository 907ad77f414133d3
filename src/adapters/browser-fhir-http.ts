/**
 * The browser's `FhirHttp`: requests go to the FHIR server of the fhirclient session, with its bearer token.
 *
 * Why not `client.request()`: it reads the body before handing back the Response (so `response.json()` would
 * fail), follows a 201's Location with a GET, and wipes the session on any 401. The port promises the raw
 * Response for every status, so this adapter takes only the session's Authorization header (after fhirclient's
 * own refresh-if-needed) and calls fetch itself. It never logs requests or headers.
 */
import type { FhirHttp } from '../edge/types.ts';
import { resolveFhirUrl } from '../edge/fhir/url.ts';
import { stripTrailingSlashes } from '../core/fhir/systems.ts';

/** The part of fhirclient's Client the adapter uses. */
export interface FhirClientSession {
  state: { serverUrl: string; tokenResponse?: { refresh_token?: string } };
  getAuthorizationHeader(): string | null;
  /** fhirclient: refreshes when the token expires within 10 s and a refresh token (and its scope) exist. */
  refreshIfNeeded(options?: { signal?: AbortSignal }): Promise<unknown>;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * Wraps a fhirclient session as a FhirHttp. `fetchImpl` defaults to the global fetch (tests pass their own).
 * Adds `Accept: application/fhir+json` unless the caller set an Accept header.
 */
export function createBrowserFhirHttp(
  session: FhirClientSession,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): FhirHttp {
  const baseUrl = stripTrailingSlashes(session.state.serverUrl);
  return {
    baseUrl,
    async fetch(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
      if (session.state.tokenResponse?.refresh_token) {
        // A failed refresh is not fatal here: the request goes out with the old token and a 401 tells the app.
        await session.refreshIfNeeded(init.signal ? { signal: init.signal } : {}).catch(() => undefined);
      }
      const headers = new Headers(init.headers);
      if (!headers.has('accept')) headers.set('accept', 'application/fhir+json');
      const url = resolveFhirUrl(baseUrl, pathOrUrl);
      const authorization = session.getAuthorizationHeader();
      // The token goes only to the FHIR server's own origin (an absolute paging link or reference elsewhere
      // must not receive it).
      if (authorization && sameOrigin(url, baseUrl)) headers.set('authorization', authorization);
      return fetchImpl(url, { ...init, headers });
    },
  };
}

/**
 * The app's first FHIR request: reading the launch patient. It proves the token works before the clinician
 * screen starts (a 401 here gets its own page: session invalid or expired), and its Response is handed to the
 * clinician screen's own first read of the same resource, so the check costs no extra round trip.
 */
import type { FhirHttp } from '../types.ts';
import { failureFromFirstResponse, isNetworkError, type LaunchFailure } from './launch-failure.ts';

export type FirstReadOutcome =
  /** The server answered (any status but 401): carry on with `http`, which replays this answer once. */
  | { ok: true; http: FhirHttp }
  | { ok: false; failure: LaunchFailure };

function samePath(baseUrl: string, pathOrUrl: string, wanted: string): boolean {
  const relative = pathOrUrl.startsWith(baseUrl) ? pathOrUrl.slice(baseUrl.length) : pathOrUrl;
  return relative.replace(/^\/+/, '') === wanted;
}

/**
 * A FhirHttp that answers the first GET of `path` with a copy of `response`, then behaves like `http`.
 * Any other request (or a second GET of the same path) goes to the server.
 */
export function replayOnce(http: FhirHttp, path: string, response: Response): FhirHttp {
  let pending: Response | undefined = response;
  return {
    baseUrl: http.baseUrl,
    fetch(pathOrUrl: string, init?: RequestInit): Promise<Response> {
      const method = (init?.method ?? 'GET').toUpperCase();
      if (pending && method === 'GET' && samePath(http.baseUrl, pathOrUrl, path)) {
        const replay = pending;
        pending = undefined;
        return Promise.resolve(replay);
      }
      return http.fetch(pathOrUrl, init);
    },
  };
}

/** Reads `Patient/<patientId>`; 401 and network failure are launch failures, anything else is for the app. */
export async function firstRead(http: FhirHttp, patientId: string): Promise<FirstReadOutcome> {
  const path = `Patient/${encodeURIComponent(patientId)}`;
  let response: Response;
  try {
    response = await http.fetch(path);
  } catch (e) {
    return { ok: false, failure: isNetworkError(e) ? { kind: 'network-down' } : { kind: 'unknown' } };
  }
  const failure = failureFromFirstResponse(response.status, response.headers.get('www-authenticate'));
  if (failure) return { ok: false, failure };
  return { ok: true, http: replayOnce(http, path, response) };
}

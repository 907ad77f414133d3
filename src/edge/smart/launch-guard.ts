/**
 * Watches the session's first FHIR answers for a launch that failed after all: a 401 (token rejected or expired,
 * RFC 6750 §3.1) or no response at all (network down) before any other answer. Those get a launch failure page
 * instead of a chart full of gaps. The clinician screen starts at once and its own requests are the probe, so
 * checking the token costs no extra round trip.
 *
 * Once any other answer has come (2xx, 403, 404, 5xx), the launch has worked: later 401s and network errors are
 * the clinician screen's to report (as chart gaps), so a draft in progress is never swept away.
 */
import type { FhirHttp } from '../types.ts';
import { failureFromFirstResponse, isNetworkError, launchFailure, type LaunchFailure } from './launch-failure.ts';

export interface LaunchVerdictHandlers {
  /** The first answer was a 401 or a network failure. */
  onFailure(failure: LaunchFailure): void;
  /** The first answer was anything else: the launch worked. */
  onWorking(): void;
}

/**
 * Wraps `http`; calls exactly one of the handlers, once, on the session's first answer. Every response and
 * rejection still reaches the caller unchanged. Aborts and timeouts decide nothing (no answer yet).
 */
export function guardLaunch(http: FhirHttp, handlers: LaunchVerdictHandlers): FhirHttp {
  let decided = false;
  const decide = (failure: LaunchFailure | undefined) => {
    if (decided) return;
    decided = true;
    if (failure) handlers.onFailure(failure);
    else handlers.onWorking();
  };
  return {
    baseUrl: http.baseUrl,
    async fetch(pathOrUrl: string, init?: RequestInit): Promise<Response> {
      let response: Response;
      try {
        response = await http.fetch(pathOrUrl, init);
      } catch (e) {
        if (isNetworkError(e)) decide(launchFailure('network-down'));
        throw e;
      }
      decide(failureFromFirstResponse(response.status, response.headers.get('www-authenticate')));
      return response;
    },
  };
}

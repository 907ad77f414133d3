/**
 * The browser's FhirHttp without a session, for the standalone picker's servers it has no token for (discovery
 * documents, open-server searches): global fetch with `Accept: application/fhir+json` and a timeout. No
 * credentials are sent (credentials: 'omit').
 */
import { resolveFhirUrl } from '../edge/fhir/url.ts';
import type { FhirHttp } from '../edge/types.ts';
import { stripTrailingSlashes } from '../core/fhir/systems.ts';

export function fetchHttp(baseUrl: string, timeoutMs = 15_000): FhirHttp {
  const base = stripTrailingSlashes(baseUrl);
  return {
    baseUrl: base,
    fetch(pathOrUrl, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('accept')) headers.set('accept', 'application/fhir+json');
      return fetch(resolveFhirUrl(base, pathOrUrl), {
        ...init,
        headers,
        credentials: 'omit',
        signal: AbortSignal.timeout(timeoutMs),
      });
    },
  };
}

/**
 * A `FhirHttp` over Node's global fetch, for the command-line tools (check-server, seed) and for tests that talk
 * to MSW or to the sandbox over HTTP. Adds `Accept: application/fhir+json`, an optional bearer token and a
 * per-request timeout; never logs anything (the token stays in the header). As in the browser adapter, the token
 * goes only to the FHIR server's own origin: an absolute paging link or reference to another origin is fetched
 * without it (issue 10 item 6; RFC 6750 section 5.3, "Don't pass bearer tokens" to parties that are not the
 * resource server).
 */
import type { FhirHttp } from '../edge/types.ts';
import { resolveFhirUrl } from '../edge/fhir/url.ts';
import { stripTrailingSlashes } from '../core/fhir/systems.ts';

export interface NodeFhirHttpOptions {
  /** Bearer token for a protected server; omitted for open servers. */
  token?: string;
  /** Per-request timeout in milliseconds (default 15 000). */
  timeoutMs?: number;
  /** The fetch to use (default: global fetch); tests may pass another. */
  fetchImpl?: typeof fetch;
}

export const FHIR_JSON = 'application/fhir+json';

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** Creates the port. `baseUrl` loses any trailing slash. */
export function createNodeFhirHttp(baseUrl: string, options: NodeFhirHttpOptions = {}): FhirHttp {
  const base = stripTrailingSlashes(baseUrl.trim());
  const timeoutMs = options.timeoutMs ?? 15_000;
  const doFetch = options.fetchImpl ?? ((input: string, init?: RequestInit) => fetch(input, init));
  return {
    baseUrl: base,
    fetch(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
      const headers = new Headers(init.headers);
      if (!headers.has('accept')) headers.set('accept', FHIR_JSON);
      if (init.body !== undefined && init.body !== null && !headers.has('content-type'))
        headers.set('content-type', FHIR_JSON);
      const url = resolveFhirUrl(base, pathOrUrl);
      if (options.token && sameOrigin(url, base)) headers.set('authorization', `Bearer ${options.token}`);
      // A caller-set Authorization never leaves the origin either.
      else if (!sameOrigin(url, base)) headers.delete('authorization');
      const timeout = AbortSignal.timeout(timeoutMs);
      // Both the caller's signal (if any) and the timeout abort the request; AbortSignal.any is Node 20.3+.
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      return doFetch(url, { ...init, headers, signal });
    },
  };
}

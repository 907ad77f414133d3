/**
 * The FhirHttp for the hook's `fhirServer`: the bearer token of `fhirAuthorization` goes ONLY to requests on the
 * fhirServer's own origin (a paging link or reference to another host gets no token and is refused), and is never
 * logged or echoed (CDS Hooks 2.0: the token is scoped to this call and this server).
 */
import { createNodeFhirHttp } from '../../adapters/node-fhir-http.ts';
import { resolveFhirUrl } from '../fhir/url.ts';
import type { FhirHttp } from '../types.ts';
import { stripTrailingSlashes } from '../../core/fhir/systems.ts';

/** Error used when a request would leave the fhirServer's origin; the chart reader turns it into a gap. */
export class OtherOriginRefused extends Error {
  constructor() {
    super('request to another origin than fhirServer refused');
  }
}

/** A FhirHttp over `fhirServer` that carries `token` on same-origin requests only. */
export function fhirServerHttp(
  fhirServer: string,
  token: string | undefined,
  timeoutMs = 8000,
  fetchImpl?: typeof fetch,
): FhirHttp {
  const base = stripTrailingSlashes(fhirServer.trim());
  const origin = new URL(base).origin;
  const inner = createNodeFhirHttp(base, { timeoutMs, ...(fetchImpl ? { fetchImpl } : {}) });
  return {
    baseUrl: inner.baseUrl,
    fetch(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
      const url = resolveFhirUrl(base, pathOrUrl);
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        return Promise.reject(new OtherOriginRefused());
      }
      if (target.origin !== origin) return Promise.reject(new OtherOriginRefused());
      const headers = new Headers(init.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return inner.fetch(url, { ...init, headers });
    },
  };
}

/** True when `fhirServer` is an http(s) URL the client may name (its allow-listed prefixes, when it has any). */
export function fhirServerAllowed(fhirServer: string, prefixes: readonly string[] | undefined): boolean {
  let u: URL;
  try {
    u = new URL(fhirServer);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  if (u.username || u.password) return false;
  return !prefixes || prefixes.some((p) => fhirServer.startsWith(p));
}

/**
 * Simulated FHIR faults per launch (`fhir_fault=Type:kind`), applied on the protected base to requests for that
 * resource type: an error status, a timeout (held until the client gives up, at most 30 s), a slow answer (1.5 s),
 * a paging link that breaks after page 2, or a malformed body (truncated JSON).
 */
import type { FhirFault } from '../auth/options.ts';

export const TIMEOUT_MS = 30_000;
export const SLOW_MS = 1_500;
/** Marker the broken next link carries; a request with it fails with 500. */
export const BROKEN_CURSOR_PARAM = '_sandbox_cursor';

export function faultFor(faults: readonly FhirFault[], resourceType: string | undefined): FhirFault | undefined {
  return resourceType ? faults.find((f) => f.resourceType === resourceType) : undefined;
}

/** Waits `ms`, or less if the client goes away (abort). */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** Rewrites the next link of a searchset page at _offset > 0 (page 2 onward) to a cursor that fails. */
export function breakPaging(body: unknown, query: URLSearchParams): unknown {
  const offset = Number(query.get('_offset') ?? '0');
  const bundle = body as { resourceType?: string; link?: { relation: string; url: string }[] };
  if (bundle?.resourceType !== 'Bundle' || !(offset > 0) || !bundle.link) return body;
  return {
    ...bundle,
    link: bundle.link.map((l) =>
      l.relation === 'next' ? { ...l, url: `${l.url}&${BROKEN_CURSOR_PARAM}=expired` } : l,
    ),
  };
}

/** The JSON text cut in half: what a proxy that drops the connection mid-body delivers. */
export function truncatedJson(body: unknown): string {
  const text = JSON.stringify(body);
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

/**
 * Hand-written faulty FHIR servers, one MSW handler per fault, placed in front of the engine with `server.use`.
 * Each targets the searches (or reads) of one resource type; everything else falls through to the engine.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { FhirEngine } from '../../../sandbox/fhir/engine.ts';
import { forwardToEngine } from './engine-handler.ts';

export type SearchFault =
  | '500'
  | '401'
  | '403'
  | '404'
  | 'network'
  | 'timeout'
  | 'slow'
  | 'not-json'
  | 'operation-outcome'
  | 'malformed-entries'
  | 'broken-next'
  | 'foreign-next';

export const SEARCH_FAULTS: readonly SearchFault[] = [
  '500',
  '401',
  '403',
  '404',
  'network',
  'timeout',
  'slow',
  'not-json',
  'operation-outcome',
  'malformed-entries',
  'broken-next',
  'foreign-next',
];

/** How long the 'slow' fault waits: well inside the tests' request timeout. */
export const SLOW_MS = 150;

/** Resolves when the request is aborted (the client's timeout), so a "never answers" handler ends cleanly. */
export function untilAborted(request: Request): Promise<Response> {
  return new Promise((resolve) => {
    const done = (): void => resolve(HttpResponse.text('too late', { status: 599 }));
    if (request.signal.aborted) return done();
    request.signal.addEventListener('abort', done, { once: true });
  });
}

function outcome(code: string, text: string): Record<string, unknown> {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] };
}

/** One fault on every search of `resourceType` (GET <base>/<type>?...). */
export function searchFault(engine: FhirEngine, base: string, resourceType: string, fault: SearchFault): HttpHandler {
  return http.get(`${base}/${resourceType}`, async ({ request }) => {
    const offset = Number(new URL(request.url).searchParams.get('_offset') ?? '0');
    switch (fault) {
      case '500':
        return HttpResponse.json(outcome('exception', 'Internal error'), { status: 500 });
      case '401':
        return HttpResponse.json(outcome('login', 'Token expired'), { status: 401 });
      case '403':
        return HttpResponse.json(outcome('forbidden', 'Not permitted'), { status: 403 });
      case '404':
        return HttpResponse.json(outcome('not-found', 'Unknown resource type'), { status: 404 });
      case 'network':
        return HttpResponse.error();
      case 'timeout':
        return untilAborted(request);
      case 'slow':
        await delay(SLOW_MS);
        return forwardToEngine(engine, base, request);
      case 'not-json':
        return HttpResponse.text('<html><body>Service temporarily unavailable</body></html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        });
      case 'operation-outcome':
        return HttpResponse.json(outcome('processing', 'Search failed'), { status: 200 });
      case 'malformed-entries': {
        const answer = await forwardToEngine(engine, base, request);
        const bundle = (await answer.json()) as { entry?: unknown[] };
        // Four bad entries: not an object, no resource, a resource of a type nobody searched for, a resource without id.
        bundle.entry = [
          ...(bundle.entry ?? []),
          'not an entry',
          { fullUrl: 'x' },
          { resource: { resourceType: 'Observation', id: 'obs-1' } },
          { resource: { resourceType } },
        ];
        return HttpResponse.json(bundle);
      }
      case 'broken-next':
        // The first page is fine and links to a second page; the second page fails.
        if (offset > 0) return HttpResponse.json(outcome('exception', 'Paging cursor expired'), { status: 500 });
        return forwardToEngine(engine, base, request);
      case 'foreign-next': {
        const answer = await forwardToEngine(engine, base, request);
        const bundle = (await answer.json()) as { link?: { relation: string; url: string }[] };
        bundle.link = (bundle.link ?? []).map((l) =>
          l.relation === 'next' ? { ...l, url: 'http://localhost:1/elsewhere/next' } : l,
        );
        return HttpResponse.json(bundle);
      }
    }
  });
}

/** A server that ignores `_include`: searches of `resourceType` answer without the referenced Medications. */
export function ignoresInclude(engine: FhirEngine, base: string, resourceType: string): HttpHandler {
  return http.get(`${base}/${resourceType}`, ({ request }) => {
    const url = new URL(request.url);
    url.searchParams.delete('_include');
    return forwardToEngine(engine, base, new Request(url, { headers: request.headers }));
  });
}

/** A server that rejects `_include` with 400 (as some do for parameters they do not support). */
export function rejectsInclude(engine: FhirEngine, base: string, resourceType: string): HttpHandler {
  return http.get(`${base}/${resourceType}`, ({ request }) => {
    if (new URL(request.url).searchParams.has('_include')) {
      return HttpResponse.json(outcome('not-supported', '_include is not supported'), { status: 400 });
    }
    return forwardToEngine(engine, base, request);
  });
}

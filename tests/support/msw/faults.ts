/**
 * Hand-written faulty FHIR servers, one MSW handler per fault, placed in front of the engine with `server.use`.
 * Each targets the searches (or reads) of one resource type; everything else falls through to the engine.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { FhirEngine } from '../../../sandbox/fhir/engine.ts';
import { forwardToEngine } from './engine-handler.ts';
import {
  BROKEN_CURSOR_FAULT,
  BROKEN_CURSOR_PARAM,
  breakPaging,
  errorFault,
  FAULT_KINDS,
  foreignNext,
  NOT_JSON_BODY,
  outcomeOf,
  PROCESSING_OUTCOME,
  truncatedJson,
  withMalformedEntries,
  type FaultKind,
} from '../../../sandbox/gateway/faults.ts';

/** The sandbox's fault kinds (sandbox/gateway/faults.ts): one vocabulary for the sandbox and these servers. */
export type SearchFault = FaultKind;
export const SEARCH_FAULTS: readonly SearchFault[] = FAULT_KINDS;

/** How long the 'slow' fault waits here: well inside the tests' request timeout. */
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
  return outcomeOf({ code, text });
}

/**
 * One fault on every search of `resourceType` (GET <base>/<type>?...), as the sandbox applies it; broken paging
 * breaks the link of page 1 here (the charts are small), so the second page fails.
 */
export function searchFault(engine: FhirEngine, base: string, resourceType: string, fault: SearchFault): HttpHandler {
  return http.get(`${base}/${resourceType}`, async ({ request }) => {
    const query = new URL(request.url).searchParams;
    if (query.has(BROKEN_CURSOR_PARAM)) return HttpResponse.json(outcomeOf(BROKEN_CURSOR_FAULT), { status: 500 });
    const failed = errorFault(fault, resourceType);
    if (failed) return HttpResponse.json(outcomeOf(failed), { status: failed.status });
    switch (fault) {
      case 'network':
        return HttpResponse.error();
      case 'timeout':
        return untilAborted(request);
      case 'slow':
        await delay(SLOW_MS);
        return forwardToEngine(engine, base, request);
      case 'not-json':
        return HttpResponse.text(NOT_JSON_BODY, { status: 200, headers: { 'content-type': 'text/html' } });
      case 'operation-outcome':
        return HttpResponse.json(PROCESSING_OUTCOME, { status: 200 });
      default:
        break;
    }
    const answer = await forwardToEngine(engine, base, request);
    const body: unknown = await answer.json();
    switch (fault) {
      case 'malformed':
        return HttpResponse.text(truncatedJson(body), { headers: { 'content-type': 'application/fhir+json' } });
      case 'malformed-entries':
        return HttpResponse.json(withMalformedEntries(body, resourceType) as Record<string, unknown>);
      case 'broken-paging':
        return HttpResponse.json(breakPaging(body, query, 'page-1') as Record<string, unknown>);
      case 'foreign-next':
        return HttpResponse.json(foreignNext(body) as Record<string, unknown>);
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

/**
 * Hand-written servers for the order writer's hard cases: answers lost after (or before) the server stored the
 * resource, 5xx after storing, servers that ignore If-None-Exist, servers that accept only the reported-only shape,
 * and answers with only a Location header. Each forwards to the real engine where the server would store.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { FhirEngine } from '../../../sandbox/fhir/engine.ts';
import { forwardToEngine } from './engine-handler.ts';

function outcome(code: string, text: string): Record<string, unknown> {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] };
}

/** A copy of `request` (its body already read as `text`) with changed headers. */
function copyRequest(request: Request, text: string, edit?: (h: Headers) => void): Request {
  const headers = new Headers(request.headers);
  edit?.(headers);
  return new Request(request.url, { method: request.method, headers, body: text });
}

/** The first `times` POSTs of `type` are stored, then the connection drops before the answer. */
export function dropsAnswerAfterStoring(engine: FhirEngine, base: string, type: string, times = 1): HttpHandler {
  let left = times;
  return http.post(`${base}/${type}`, async ({ request }) => {
    const answer = await forwardToEngine(engine, base, request);
    if (left <= 0) return answer;
    left -= 1;
    return HttpResponse.error();
  });
}

/** The first `times` POSTs of `type` never reach the server: the connection drops on the way. */
export function dropsRequest(engine: FhirEngine, base: string, type: string, times = 1): HttpHandler {
  let left = times;
  return http.post(`${base}/${type}`, async ({ request }) => {
    if (left <= 0) return forwardToEngine(engine, base, request);
    left -= 1;
    return HttpResponse.error();
  });
}

/** POSTs of `type` are stored, then answered 503 (a proxy timing out behind a slow server). */
export function fails503AfterStoring(engine: FhirEngine, base: string, type: string, times = 1): HttpHandler {
  let left = times;
  return http.post(`${base}/${type}`, async ({ request }) => {
    const answer = await forwardToEngine(engine, base, request);
    if (left <= 0) return answer;
    left -= 1;
    return HttpResponse.json(outcome('transient', 'Gateway timeout'), { status: 503 });
  });
}

/** Every POST of `type` answers 503 and stores nothing. */
export function alwaysUnavailable(base: string, type: string): HttpHandler {
  return http.post(`${base}/${type}`, () =>
    HttpResponse.json(outcome('transient', 'Service unavailable'), { status: 503 }),
  );
}

/** A server without conditional create: the If-None-Exist header is dropped before the engine sees it. */
export function ignoresIfNoneExist(
  engine: FhirEngine,
  base: string,
  type: string,
  then?: (stored: Response) => Response,
): HttpHandler {
  return http.post(`${base}/${type}`, async ({ request }) => {
    const text = await request.text();
    const stored = await forwardToEngine(
      engine,
      base,
      copyRequest(request, text, (h) => h.delete('if-none-exist')),
    );
    return then ? then(stored) : stored;
  });
}

/**
 * An EHR that takes only a reported medication with one dosage instruction (as Oracle Health does): anything else
 * is refused with `status` and an OperationOutcome.
 */
export function acceptsOnlyReported(engine: FhirEngine, base: string, status: number): HttpHandler {
  return http.post(`${base}/MedicationRequest`, async ({ request }) => {
    const text = await request.text();
    const body = JSON.parse(text) as {
      reportedBoolean?: boolean;
      dosageInstruction?: unknown[];
      medicationCodeableConcept?: unknown;
    };
    if (body.reportedBoolean !== true || (body.dosageInstruction?.length ?? 0) > 1 || !body.medicationCodeableConcept) {
      return HttpResponse.json(
        outcome('business-rule', 'Only reported medications with one dosage instruction can be written'),
        { status },
      );
    }
    return forwardToEngine(engine, base, copyRequest(request, text));
  });
}

/** Every POST of `type` is refused with `status` and an OperationOutcome. */
export function refusesAll(base: string, type: string, status: number, text = 'Not allowed'): HttpHandler {
  return http.post(`${base}/${type}`, () =>
    HttpResponse.json(outcome(status === 403 ? 'forbidden' : 'invalid', text), { status }),
  );
}

/** Stores, then answers 201 with only a Location header and no body (Prefer: return=minimal behaviour). */
export function answersWithLocationOnly(engine: FhirEngine, base: string, type: string): HttpHandler {
  return http.post(`${base}/${type}`, async ({ request }) => {
    const answer = await forwardToEngine(engine, base, request);
    const location = answer.headers.get('location');
    return new HttpResponse(null, { status: answer.status, headers: location ? { location } : {} });
  });
}

/**
 * A server that ignores the `identifier` search parameter (issue 10 item 4): GET searches of `type` are answered
 * as if it were not there (so they return the patient's other records); with `inConditionalCreate` it also drops
 * the identifier from If-None-Exist, so a conditional create matches the patient's other records.
 */
export function ignoresIdentifierSearch(
  engine: FhirEngine,
  base: string,
  type: string,
  inConditionalCreate = false,
): HttpHandler[] {
  const strip = (query: string): string =>
    query
      .split('&')
      .filter((p) => p !== '' && !p.startsWith('identifier='))
      .join('&');
  const handlers: HttpHandler[] = [
    http.get(`${base}/${type}`, async ({ request }) => {
      const url = new URL(request.url);
      url.search = strip(url.search.slice(1));
      return forwardToEngine(engine, base, new Request(url, { headers: request.headers }));
    }),
  ];
  if (inConditionalCreate) {
    handlers.push(
      http.post(`${base}/${type}`, async ({ request }) => {
        const text = await request.text();
        return forwardToEngine(
          engine,
          base,
          copyRequest(request, text, (h) => h.set('if-none-exist', strip(h.get('if-none-exist') ?? ''))),
        );
      }),
    );
  }
  return handlers;
}

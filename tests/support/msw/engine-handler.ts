/**
 * MSW handlers that put the sandbox's real FHIR engine (sandbox/fhir/engine.ts) behind a fake HTTP base, so the
 * edge's production code runs against real search, paging, _include and conditional create. Faults are separate
 * handlers (faults.ts) placed in front with `server.use`.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { FhirEngine } from '../../../sandbox/fhir/engine.ts';

export interface EngineHandlerOptions {
  /** Added to every answer, so request timing (and round trips) can be seen. */
  latencyMs?: number;
}

/** Forwards one MSW request to the engine and turns the engine's answer into a Response. */
export async function forwardToEngine(engine: FhirEngine, base: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = `${url.pathname.slice(new URL(base).pathname.length)}${url.search}`;
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  const answer = await engine.handle({
    method: request.method,
    url: path,
    headers: Object.fromEntries(request.headers),
    ...(text !== '' ? { body: text } : {}),
    baseUrl: base,
  });
  return HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status, headers: answer.headers });
}

/** Every method on the base and below it, answered by `engine`. */
export function engineHandlers(engine: FhirEngine, base: string, opts: EngineHandlerOptions = {}): HttpHandler[] {
  const answer = async ({ request }: { request: Request }): Promise<Response> => {
    if (opts.latencyMs) await delay(opts.latencyMs);
    return forwardToEngine(engine, base, request);
  };
  return [http.all(base, answer), http.all(`${base}/*`, answer)];
}

/**
 * Batch support in front of the engine (which has none): POST <base> with a batch Bundle of GETs is answered with
 * a batch-response, each entry run through the engine. Only reads, which is all the chart reader sends.
 */
export function batchHandler(engine: FhirEngine, base: string): HttpHandler {
  return http.post(base, async ({ request }) => {
    const bundle = (await request.json()) as {
      resourceType?: string;
      type?: string;
      entry?: { request?: { method?: string; url?: string } }[];
    };
    if (bundle.resourceType !== 'Bundle' || bundle.type !== 'batch')
      return HttpResponse.json(
        { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid' }] },
        { status: 400 },
      );
    const entry = await Promise.all(
      (bundle.entry ?? []).map(async (e) => {
        if (e.request?.method !== 'GET' || !e.request.url) return { response: { status: '400 Bad Request' } };
        const answer = await engine.handle({ method: 'GET', url: e.request.url, baseUrl: base });
        return answer.status < 300
          ? { resource: answer.body, response: { status: `${answer.status} OK` } }
          : { response: { status: String(answer.status), outcome: answer.body } };
      }),
    );
    return HttpResponse.json({ resourceType: 'Bundle', type: 'batch-response', entry });
  });
}

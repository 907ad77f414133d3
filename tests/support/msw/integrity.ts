/**
 * Hostile-server answers for the read-integrity tests (issue 10 item 1): searchsets that say in themselves that
 * they are partial or contradict themselves, and a Patient read that answers with someone else. Each is an MSW
 * handler for `server.use`, built from the engine's own answer where the case needs real entries.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Resource } from 'fhir/r4';
import type { FhirEngine } from '../../../sandbox/fhir/engine.ts';
import { forwardToEngine } from './engine-handler.ts';

type Issue = { severity: string; code: string; diagnostics?: string; details?: { text: string } };
const outcomeEntry = (issues: Issue[]) => ({
  resource: { resourceType: 'OperationOutcome', issue: issues },
  search: { mode: 'outcome' },
});

/** Searches of `type` answer a searchset whose only entry is an OperationOutcome. */
export function outcomeOnlySearchset(base: string, type: string, issues: Issue[]): HttpHandler {
  return http.get(`${base}/${type}`, () =>
    HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', total: 0, entry: [outcomeEntry(issues)] }),
  );
}

/** Searches of `type` answer the engine's results plus an OperationOutcome entry. */
export function withOutcomeEntry(engine: FhirEngine, base: string, type: string, issues: Issue[]): HttpHandler {
  return http.get(`${base}/${type}`, async ({ request }) => {
    const bundle = (await (await forwardToEngine(engine, base, request)).json()) as { entry?: unknown[] };
    bundle.entry = [...(bundle.entry ?? []), outcomeEntry(issues)];
    return HttpResponse.json(bundle);
  });
}

/** Searches of `type` answer the engine's results with `total` raised by `extra` and no next link. */
export function totalTooLarge(engine: FhirEngine, base: string, type: string, extra: number): HttpHandler {
  return http.get(`${base}/${type}`, async ({ request }) => {
    const bundle = (await (await forwardToEngine(engine, base, request)).json()) as {
      total?: number;
      link?: { relation: string }[];
    };
    bundle.total = (bundle.total ?? 0) + extra;
    bundle.link = (bundle.link ?? []).filter((l) => l.relation !== 'next');
    return HttpResponse.json(bundle);
  });
}

/** Searches of `type` answer the engine's results with `resources` appended as further matches. */
export function withExtraEntries(engine: FhirEngine, base: string, type: string, resources: Resource[]): HttpHandler {
  return http.get(`${base}/${type}`, async ({ request }) => {
    const bundle = (await (await forwardToEngine(engine, base, request)).json()) as { entry?: unknown[] };
    bundle.entry = [...(bundle.entry ?? []), ...resources.map((resource) => ({ resource, search: { mode: 'match' } }))];
    return HttpResponse.json(bundle);
  });
}

/** The Patient read answers with `other` whatever id was asked for. */
export function patientReadAnswers(base: string, other: Resource): HttpHandler {
  return http.get(`${base}/Patient/:id`, () => HttpResponse.json(other));
}

/**
 * Searches of `type` answered with opaque page links (a cursor, as Epic and Oracle Health give), `perPage`
 * resources a page, from `resources`; `total` is given, so only the link kind tells the reader not to guess pages.
 */
export function opaquePaging(base: string, type: string, resources: Resource[], perPage: number): HttpHandler {
  return http.get(`${base}/${type}`, ({ request }) => {
    const cursor = new URL(request.url).searchParams.get('cursor');
    const page = cursor ? Number(cursor.replace(/^c-/, '')) : 0;
    const slice = resources.slice(page * perPage, (page + 1) * perPage);
    const more = (page + 1) * perPage < resources.length;
    return HttpResponse.json({
      resourceType: 'Bundle',
      type: 'searchset',
      total: resources.length,
      entry: slice.map((resource) => ({ resource, search: { mode: 'match' } })),
      ...(more ? { link: [{ relation: 'next', url: `${base}/${type}?cursor=c-${page + 1}` }] } : {}),
    });
  });
}

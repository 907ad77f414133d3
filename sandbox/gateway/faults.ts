/**
 * The one vocabulary of simulated FHIR faults (issue 14 item 2), used by the sandbox (per launch,
 * `fhir_fault=Type:kind`, applied on the protected base to requests for that resource type) and by the MSW servers
 * of the tests (tests/support/msw/faults.ts). Each kind has one meaning; only its timings and the page it breaks on
 * are the environment's (a tester's sandbox waits 1.5 s where a unit test waits 150 ms). Pure functions and
 * constants, apart from `delay`.
 */

export const FAULT_KINDS = [
  '500',
  '401',
  '403',
  '404',
  'network',
  'timeout',
  'slow',
  'not-json',
  'operation-outcome',
  'malformed',
  'malformed-entries',
  'broken-paging',
  'foreign-next',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The sandbox's timings. */
export const TIMEOUT_MS = 30_000;
export const SLOW_MS = 1_500;
/** Marker the broken next link carries; a request with it fails with 500. */
export const BROKEN_CURSOR_PARAM = '_sandbox_cursor';

export function faultFor<F extends { resourceType: string }>(
  faults: readonly F[],
  resourceType: string | undefined,
): F | undefined {
  return resourceType ? faults.find((f) => f.resourceType === resourceType) : undefined;
}

/** An error answer: status, OperationOutcome issue code and text. */
export interface ErrorFault {
  status: number;
  code: string;
  text: string;
}

/** The answer of a kind that is a plain error status, or undefined for the other kinds. */
export function errorFault(kind: FaultKind, resourceType: string): ErrorFault | undefined {
  switch (kind) {
    case '500':
      return { status: 500, code: 'exception', text: `Simulated fault: ${resourceType} requests fail with 500` };
    case '401':
      return { status: 401, code: 'login', text: `Simulated fault: the token is not accepted for ${resourceType}` };
    case '403':
      return { status: 403, code: 'forbidden', text: `Simulated fault: ${resourceType} requests are refused (403)` };
    case '404':
      return { status: 404, code: 'not-found', text: `Simulated fault: ${resourceType} not found (404)` };
    default:
      return undefined;
  }
}

/** The answer to a request carrying the broken cursor. */
export const BROKEN_CURSOR_FAULT: ErrorFault = {
  status: 500,
  code: 'exception',
  text: 'Simulated fault: the paging cursor expired (broken-paging)',
};

/** The answer after a timeout fault, if the client is still there. */
export const timeoutFault = (resourceType: string): ErrorFault => ({
  status: 504,
  code: 'timeout',
  text: `Simulated fault: ${resourceType} request timed out`,
});

/** An OperationOutcome for an error answer. */
export function outcomeOf(f: Pick<ErrorFault, 'code' | 'text'>): Record<string, unknown> {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: f.code, details: { text: f.text } }] };
}

/** The 'not-json' body: what a proxy's error page looks like. */
export const NOT_JSON_BODY = '<html><body>Service temporarily unavailable</body></html>';

/** The 'operation-outcome' body (sent with status 200). */
export const PROCESSING_OUTCOME = outcomeOf({ code: 'processing', text: 'Simulated fault: the search failed' });

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

type PageBundle = { resourceType?: string; link?: { relation: string; url: string }[]; entry?: unknown[] };

/**
 * Rewrites the next link of a searchset page to a cursor that fails: from page 2 on in the sandbox (pages 1 and 2
 * work, the third fails), from page 1 in the unit tests, whose charts are small (the second page fails). Page 2
 * onward is told by `_offset` > 0.
 */
export function breakPaging(body: unknown, query: URLSearchParams, from: 'page-1' | 'page-2' = 'page-2'): unknown {
  const offset = Number(query.get('_offset') ?? '0');
  const bundle = body as PageBundle;
  if (bundle?.resourceType !== 'Bundle' || !bundle.link) return body;
  if (from === 'page-2' && !(offset > 0)) return body;
  const broken = (url: string) => `${url}${url.includes('?') ? '&' : '?'}${BROKEN_CURSOR_PARAM}=expired`;
  return { ...bundle, link: bundle.link.map((l) => (l.relation === 'next' ? { ...l, url: broken(l.url) } : l)) };
}

/** The next link moved to another server (which the client must not follow with its token). */
export function foreignNext(body: unknown, elsewhere = 'http://localhost:1/elsewhere/next'): unknown {
  const bundle = body as PageBundle;
  if (bundle?.resourceType !== 'Bundle' || !bundle.link) return body;
  return { ...bundle, link: bundle.link.map((l) => (l.relation === 'next' ? { ...l, url: elsewhere } : l)) };
}

/**
 * Four unreadable entries added to a page: not an object, no resource, a resource of a type nobody searched
 * for, a resource without an id.
 */
export function withMalformedEntries(body: unknown, resourceType: string): unknown {
  const bundle = body as PageBundle;
  if (bundle?.resourceType !== 'Bundle') return body;
  return {
    ...bundle,
    entry: [
      ...(bundle.entry ?? []),
      'not an entry',
      { fullUrl: 'x' },
      { resource: { resourceType: 'Observation', id: 'obs-1' } },
      { resource: { resourceType } },
    ],
  };
}

/** The JSON text cut in half: what a proxy that drops the connection mid-body delivers. */
export function truncatedJson(body: unknown): string {
  const text = JSON.stringify(body);
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

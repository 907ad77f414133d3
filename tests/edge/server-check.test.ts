/**
 * The check-server fetch path against MSW servers: one complete server, servers lacking each feature, and
 * servers failing in each way a tester meets (HTML, 404, 500, invalid JSON, timeout, network error).
 */
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import type { ServerReport } from '../../src/core/server/types.ts';
import { failureText } from '../../src/core/server/strings.ts';
import { checkServer, fetchJson } from '../../src/edge/server-check.ts';
import {
  capabilityStatement,
  searchset,
  smartConfiguration,
  type ServerFeatures,
  type SmartFeatures,
} from '../core/server/server-fixtures.ts';

const BASE = 'https://ehr.test/fhir';
// The batch probe (a POST to the base): an open server answers it with a batch-response, a protected one with 401.
let batchOpen = false;
const server = setupServer(
  http.post(BASE, () =>
    batchOpen
      ? HttpResponse.json({ resourceType: 'Bundle', type: 'batch-response', entry: [{ response: { status: '200' } }] })
      : new HttpResponse(null, { status: 401 }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface MockServer {
  cap?: ServerFeatures;
  smart?: SmartFeatures | 'absent';
  open?: boolean;
  /** How an open server answers MedicationRequest?identifier= (default: it filters). */
  identifier?: 'filters' | 'ignores';
}

/** An unrelated order: what a server that ignores `identifier` sends back. */
const unrelatedOrder = {
  resourceType: 'MedicationRequest',
  id: 'someone-elses',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/x' },
  identifier: [{ system: 'urn:other', value: '1' }],
};

function serve({ cap = {}, smart = {}, open = false, identifier = 'filters' }: MockServer) {
  batchOpen = open;
  server.use(
    http.get(`${BASE}/.well-known/smart-configuration`, () =>
      smart === 'absent'
        ? new HttpResponse('Not found', { status: 404 })
        : HttpResponse.json(smartConfiguration(BASE, smart)),
    ),
    http.get(`${BASE}/metadata`, () =>
      HttpResponse.json(capabilityStatement(cap), { headers: { 'content-type': 'application/fhir+json' } }),
    ),
    http.get(`${BASE}/Patient`, () =>
      open ? HttpResponse.json(searchset()) : new HttpResponse(null, { status: 401 }),
    ),
    http.get(`${BASE}/MedicationRequest`, () => {
      if (!open) return new HttpResponse(null, { status: 401 });
      const entry = identifier === 'ignores' ? [{ resource: unrelatedOrder, search: { mode: 'match' } }] : [];
      return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', total: entry.length, entry });
    }),
  );
}

const check = (timeoutMs = 2000) => checkServer(createNodeFhirHttp(BASE, { timeoutMs }));
const status = (r: ServerReport, id: string) => r.items.find((i) => i.id === id)?.status;

describe('does identifier search filter? (issue 10 item 4)', () => {
  it('an open server that answers an identifier that cannot exist with an order: "identifier search not supported (ignored)"', async () => {
    let asked = '';
    serve({ smart: 'absent', open: true, identifier: 'ignores' });
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/MedicationRequest?'))
        asked = new URL(request.url).searchParams.get('identifier') ?? '';
    });
    const r = await check();
    server.events.removeAllListeners();
    expect(asked).toMatch(/^urn:ietf:rfc:3986\|urn:uuid:/);
    const item = r.items.find((i) => i.id === 'identifier-search');
    expect(item).toMatchObject({ status: 'fails' });
    expect(item?.reason).toMatch(/identifier search not supported \(ignored\)/);
    expect(r.notes.join(' ')).toMatch(/duplicate order cannot be excluded/);
  });

  it('an open server that answers it with nothing: ok', async () => {
    serve({ smart: 'absent', open: true });
    const r = await check();
    expect(status(r, 'identifier-search')).toBe('ok');
    expect(r.notes.join(' ')).not.toMatch(/identifier/);
  });

  it('a protected server: not checked (the probe needs a token), which changes nothing else', async () => {
    serve({});
    const r = await check();
    expect(r.items.find((i) => i.id === 'identifier-search')).toMatchObject({
      status: 'missing',
      reason: expect.stringMatching(/not checked/),
    });
    expect(r.verdict).toBe('full');
  });
});

describe('checkServer over HTTP (MSW)', () => {
  it('a complete SMART server: full', async () => {
    serve({});
    const r = await check();
    expect(r.verdict).toBe('full');
    expect(status(r, 'open-read')).toBe('missing');
    expect(r.items.find((i) => i.id === 'open-read')?.reason).toMatch(/401/);
  });

  it('sends Accept application/fhir+json on metadata', async () => {
    let accept = '';
    serve({});
    server.use(
      http.get(`${BASE}/metadata`, ({ request }) => {
        accept = request.headers.get('accept') ?? '';
        return HttpResponse.json(capabilityStatement());
      }),
    );
    await check();
    expect(accept).toBe('application/fhir+json');
  });

  it('an open server without SMART discovery: full via open reads', async () => {
    serve({ smart: 'absent', open: true });
    const r = await check();
    expect(r.verdict).toBe('full');
    expect(status(r, 'smart-discovery')).toBe('missing');
  });

  const lacking: Array<[string, MockServer, string, string, ServerReport['verdict']]> = [
    [
      'no EHR launch',
      { smart: { capabilities: ['launch-standalone', 'permission-v2'] } },
      'launch-ehr',
      'missing',
      'full',
    ],
    ['no PKCE declared', { smart: { codeChallengeMethods: null } }, 'pkce-s256', 'missing', 'full'],
    ['PKCE plain', { smart: { codeChallengeMethods: ['plain'] } }, 'pkce-s256', 'fails', 'full'],
    ['no scope versions', { smart: { capabilities: ['launch-ehr'] } }, 'scope-versions', 'missing', 'full'],
    ['STU3', { cap: { fhirVersion: '3.0.2' } }, 'fhir-version', 'fails', 'not usable'],
    ['no Condition', { cap: { without: ['Condition'] } }, 'resource-Condition', 'missing', 'not usable'],
    [
      'no MedicationDispense',
      { cap: { without: ['MedicationDispense'] } },
      'resource-MedicationDispense',
      'missing',
      'full',
    ],
    ['no _include', { cap: { withoutInclude: true } }, 'include', 'missing', 'full'],
    ['no _count', { cap: { withoutCount: true } }, 'paging', 'missing', 'full'],
    [
      'no MedicationRequest create',
      { cap: { withoutCreate: ['MedicationRequest'] } },
      'create-MedicationRequest',
      'missing',
      'read-only',
    ],
    [
      'no DetectedIssue create',
      { cap: { withoutCreate: ['DetectedIssue'] } },
      'create-DetectedIssue',
      'missing',
      'full',
    ],
    ['no conditional create', { cap: { conditionalCreate: false } }, 'conditional-create', 'missing', 'full'],
    ['XML only', { cap: { formats: ['xml'] } }, 'formats', 'fails', 'not usable'],
  ];
  it.each(lacking)('a server with %s', async (_name, mock, id, itemStatus, verdict) => {
    serve(mock);
    const r = await check();
    expect(status(r, id)).toBe(itemStatus);
    expect(r.verdict).toBe(verdict);
  });

  describe('failures become one-line problems', () => {
    it('HTML instead of JSON (a web page at the URL)', async () => {
      server.use(http.get(`${BASE}/*`, () => HttpResponse.html('<!doctype html><title>Portal</title>')));
      const r = await check();
      expect(r.verdict).toBe('not usable');
      expect(r.verdictReason).toBe('metadata: answered HTML instead of JSON (is this the FHIR base URL?)');
    });

    it('404 everywhere', async () => {
      server.use(http.get(`${BASE}/*`, () => new HttpResponse('nope', { status: 404, statusText: 'Not Found' })));
      const r = await check();
      expect(r.verdictReason).toBe('metadata: HTTP 404 Not Found');
    });

    it('500 on metadata', async () => {
      serve({});
      server.use(
        http.get(
          `${BASE}/metadata`,
          () => new HttpResponse('boom', { status: 500, statusText: 'Internal Server Error' }),
        ),
      );
      expect((await check()).verdictReason).toBe('metadata: HTTP 500 Internal Server Error');
    });

    it('invalid JSON', async () => {
      serve({});
      server.use(
        http.get(
          `${BASE}/metadata`,
          () => new HttpResponse('{"resourceType": "Capab', { headers: { 'content-type': 'application/fhir+json' } }),
        ),
      );
      expect((await check()).verdictReason).toBe('metadata: answered invalid JSON (application/fhir+json)');
    });

    it('a server that never answers times out', async () => {
      serve({});
      server.use(
        http.get(`${BASE}/metadata`, async () => {
          await delay('infinite');
          return HttpResponse.json({});
        }),
      );
      const r = await check(200);
      expect(r.verdictReason).toBe('metadata: timed out (no answer within the timeout)');
    });

    it('a network error', async () => {
      server.use(http.get(`${BASE}/*`, () => HttpResponse.error()));
      const r = await check();
      expect(r.verdict).toBe('not usable');
      expect(r.verdictReason).toMatch(/^metadata: network error/);
    });
  });

  it('fetchJson keeps the status of an HTTP failure', async () => {
    server.use(http.get(`${BASE}/x`, () => new HttpResponse(null, { status: 403, statusText: 'Forbidden' })));
    expect(await fetchJson(createNodeFhirHttp(BASE), 'x')).toEqual({
      kind: 'error',
      failure: { what: 'http', status: 403, statusText: 'Forbidden', html: false },
      status: 403,
    });
  });
});

describe('fetchJson failures are data (words in src/core/server/strings.ts)', () => {
  const body = (text: string, init: ResponseInit) => () => new HttpResponse(text, init);
  it.each([
    [
      'an HTML error page',
      body('<!doctype html><p>gone</p>', {
        status: 404,
        statusText: 'Not Found',
        headers: { 'content-type': 'text/html' },
      }),
      { what: 'http', status: 404, statusText: 'Not Found', html: true },
      'HTTP 404 Not Found (an HTML page)',
    ],
    [
      'an HTML page with 200',
      body('<html><body>portal</body></html>', { status: 200 }),
      { what: 'html' },
      'answered HTML instead of JSON (is this the FHIR base URL?)',
    ],
    [
      'invalid JSON without a content type',
      body('{"resourceType":', { status: 200, headers: { 'content-type': '' } }),
      { what: 'invalid-json' },
      'answered invalid JSON (no content-type)',
    ],
  ])('%s', async (_name, handler, failure, line) => {
    server.use(http.get(`${BASE}/doc`, handler));
    const f = await fetchJson(createNodeFhirHttp(BASE), 'doc');
    expect(f).toMatchObject({ kind: 'error', failure });
    expect(f.kind === 'error' ? failureText(f.failure) : '').toBe(line);
  });

  it('a body cut off after the headers: "cut-off", with the status kept', async () => {
    server.use(
      http.get(
        `${BASE}/doc`,
        () =>
          new HttpResponse(
            new ReadableStream({
              start(c) {
                c.enqueue(new TextEncoder().encode('{"resourceType"'));
                c.error(Object.assign(new Error('terminated'), { code: 'ECONNRESET' }));
              },
            }),
            { status: 200, headers: { 'content-type': 'application/fhir+json' } },
          ),
      ),
    );
    const f = await fetchJson(createNodeFhirHttp(BASE), 'doc');
    expect(f).toMatchObject({ kind: 'error', status: 200, failure: { what: 'cut-off' } });
    expect(f.kind === 'error' ? failureText(f.failure) : '').toMatch(/^response cut off: /);
  });
});

describe('may the chart be read in one batch? (issue 14 item 1)', () => {
  it('an open server that answers a batch of one search: "reads": "batch" recommended', async () => {
    serve({ smart: 'absent', open: true, cap: { withoutBatch: true } });
    const r = await check();
    expect(status(r, 'batch')).toBe('ok');
  });

  it('an open server that refuses the batch: parallel reads, whatever it declares', async () => {
    serve({ smart: 'absent', open: true });
    server.use(http.post(BASE, () => new HttpResponse(null, { status: 405, statusText: 'Method Not Allowed' })));
    const r = await check();
    expect(status(r, 'batch')).toBe('missing');
    expect(r.items.find((i) => i.id === 'batch')?.reason).toMatch(/405.*"reads": "parallel"/);
  });
});

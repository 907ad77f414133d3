/**
 * readChart with `reads: "batch"` (issue 14 item 1): the Patient read and the nine first pages go in one FHIR
 * batch. The batch server here forwards each entry as a real request through MSW, so every fault handler of
 * tests/support/msw/faults.ts applies per entry, as the sandbox applies scopes and faults per entry. The reference
 * is the same read without the batch: for every fault on every type, both give the same chart and the same gaps.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Bundle } from 'fhir/r4';
import { createFhirEngine, type FhirEngine } from '../../sandbox/fhir/engine.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import { readChart, type ReadStats } from '../../src/edge/chart-reader.ts';
import { splitBatch } from '../../src/edge/fhir/batch-first.ts';
import type { Chart } from '../../src/core/chart.ts';
import type { FhirHttp } from '../../src/edge/types.ts';
import { FHIR_BASE } from '../support/msw/base.ts';
import { engineHandlers } from '../support/msw/engine-handler.ts';
import { searchFault, SEARCH_FAULTS, untilAborted, type SearchFault } from '../support/msw/faults.ts';
import { recordRequests } from '../support/msw/request-log.ts';
import { typicalChart } from '../support/msw/charts.ts';

const engine: FhirEngine = createFhirEngine({ baseUrl: FHIR_BASE });
const server = setupServer(...engineHandlers(engine, FHIR_BASE));
const fhir = createNodeFhirHttp(FHIR_BASE);
const typical = typicalChart('pat-batch');
const TIMEOUT_MS = 600;

beforeAll(async () => {
  await engine.load(typical.resources);
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Entry = { request?: { method?: string; url?: string } };

/** A server that takes a batch at the base and answers each entry by sending it, as a GET, through MSW again. */
function forwardingBatch(tamper: (entries: unknown[]) => unknown[] = (e) => e): HttpHandler {
  return http.post(FHIR_BASE, async ({ request }) => {
    const bundle = (await request.json()) as { type?: string; entry?: Entry[] };
    if (bundle.type !== 'batch') return HttpResponse.json({ resourceType: 'OperationOutcome' }, { status: 400 });
    const entry = await Promise.all(
      (bundle.entry ?? []).map(async (e) => {
        try {
          const answer = await fetch(`${FHIR_BASE}/${e.request!.url!}`, { signal: request.signal });
          const text = await answer.text();
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined; // a batch cannot carry a body that is not JSON: the entry has no resource
          }
          const isOutcome = (body as { resourceType?: string } | undefined)?.resourceType === 'OperationOutcome';
          return answer.status < 300
            ? { ...(body !== undefined ? { resource: body } : {}), response: { status: `${answer.status} OK` } }
            : { response: { status: String(answer.status), ...(isOutcome ? { outcome: body } : {}) } };
        } catch {
          return { response: { status: '502 Bad Gateway' } };
        }
      }),
    );
    return HttpResponse.json({ resourceType: 'Bundle', type: 'batch-response', entry: tamper(entry) });
  });
}

/** What a read found, without the wording of the gaps (another module words them). */
function essence(chart: Chart) {
  const ids = (xs: { id?: string }[]) => xs.map((x) => x.id).sort();
  return {
    patient: chart.patient?.id,
    conditions: ids(chart.conditions),
    medicationRequests: ids(chart.medicationRequests),
    medicationStatements: ids(chart.medicationStatements),
    medicationDispenses: ids(chart.medicationDispenses),
    medicationAdministrations: ids(chart.medicationAdministrations),
    medications: ids(chart.medications),
    allergies: ids(chart.allergies),
    searched: chart.searched,
    gaps: chart.gaps
      .map((g) => `${g.resourceType}|${g.reason}|${g.target ?? ''}|${g.count ?? ''}`)
      .sort((a, b) => a.localeCompare(b)),
  };
}

async function read(reads: 'batch' | 'parallel', port: FhirHttp = fhir) {
  let stats: ReadStats | undefined;
  const chart = await readChart(port, typical.patientId, {
    pageSize: 2,
    timeoutMs: TIMEOUT_MS,
    reads,
    onStats: (s) => (stats = s),
  });
  return { chart, stats: stats! };
}

describe('readChart in one batch on a healthy server', () => {
  it('reads the same chart as ten parallel requests, with the first pages in one request', async () => {
    server.use(forwardingBatch());
    const parallel = await read('parallel');
    const log = recordRequests(server);
    const batched = await read('batch');
    log.stop();

    expect(batched.chart.gaps).toEqual([]);
    expect(essence(batched.chart)).toEqual(essence(parallel.chart));
    // The first request is the batch; the GETs that follow are its entries (sent by the test's batch server) and
    // the further pages (page size 2), which the reader asks for itself.
    expect(log.requests[0]).toMatchObject({ method: 'POST', path: new URL(FHIR_BASE).pathname });
    expect(batched.stats.requests).toBe(parallel.stats.requests - 10 + 1);
    expect(batched.stats.roundTrips).toBe(parallel.stats.roundTrips);
  });

  it('is used by default when the port says the server takes a batch, and not otherwise', async () => {
    server.use(forwardingBatch());
    const withBatch: FhirHttp = { ...fhir, fetch: fhir.fetch.bind(fhir), capabilities: { batchReads: true } };
    for (const [port, posts] of [
      [withBatch, 1],
      [fhir, 0],
    ] as const) {
      const log = recordRequests(server);
      const chart = await readChart(port, typical.patientId, { timeoutMs: TIMEOUT_MS });
      log.stop();
      expect(chart.gaps).toEqual([]);
      expect(log.count((r) => r.method === 'POST')).toBe(posts);
    }
  });
});

describe('readChart in one batch when one entry fails', () => {
  // A hung entry holds the whole batch (a batch is as slow as its slowest entry): tested on its own below.
  const faults = SEARCH_FAULTS.filter((f) => f !== 'timeout');
  describe.each(['Condition', 'MedicationStatement', 'AllergyIntolerance'] as const)('on the %s search', (type) => {
    it.each(faults)('fault %s gives the same chart and gaps as the parallel read', async (fault: SearchFault) => {
      server.use(forwardingBatch(), searchFault(engine, FHIR_BASE, type, fault));
      const parallel = await read('parallel');
      const batched = await read('batch');
      expect(essence(batched.chart)).toEqual(essence(parallel.chart));
    });
  });

  it('a search refused with 400 for its _include is asked again without it, as a single request', async () => {
    server.use(
      forwardingBatch(),
      http.get(`${FHIR_BASE}/MedicationRequest`, ({ request }) =>
        new URL(request.url).searchParams.has('_include')
          ? HttpResponse.json({ resourceType: 'OperationOutcome' }, { status: 400 })
          : undefined,
      ),
    );
    const log = recordRequests(server);
    const { chart } = await read('batch');
    log.stop();
    expect(chart.gaps).toEqual([]);
    expect(chart.medicationRequests).toHaveLength(typical.counts.MedicationRequest);
    const firstPageAlone = (r: { path: string }) =>
      r.path.startsWith('/fhir/MedicationRequest?') && !r.path.includes('_include') && !r.path.includes('_offset');
    expect(log.count(firstPageAlone)).toBe(1);
  });
});

describe('readChart in one batch when the batch itself fails', () => {
  it.each([
    ['is refused (405)', () => HttpResponse.json({ resourceType: 'OperationOutcome' }, { status: 405 })],
    ['is answered with a searchset', () => HttpResponse.json({ resourceType: 'Bundle', type: 'searchset' })],
    ['is answered with HTML', () => HttpResponse.text('<html>no</html>', { status: 200 })],
    ['is cut off (network error)', () => HttpResponse.error()],
  ])('when the batch %s, every read is sent on its own and the chart is read in full', async (_, answer) => {
    server.use(http.post(FHIR_BASE, answer));
    const parallel = await read('parallel');
    const batched = await read('batch');
    expect(batched.chart.gaps).toEqual([]);
    expect(essence(batched.chart)).toEqual(essence(parallel.chart));
    expect(batched.stats.roundTrips).toBe(parallel.stats.roundTrips + 1);
  });

  it('when the batch answers with fewer entries than asked, every read is sent on its own', async () => {
    server.use(forwardingBatch((entries) => entries.slice(1)));
    const { chart, stats } = await read('batch');
    expect(chart.gaps).toEqual([]);
    expect(chart.patient?.id).toBe(typical.patientId);
    expect(stats.requests).toBeGreaterThan(10);
  });

  it('an entry without a readable status is sent on its own; the others are taken from the batch', async () => {
    server.use(
      forwardingBatch((entries) =>
        entries.map((e, i) => (i === 1 ? { ...(e as object), response: { status: 'fine' } } : e)),
      ),
    );
    const log = recordRequests(server);
    const { chart } = await read('batch');
    log.stop();
    expect(chart.gaps).toEqual([]);
    // The Condition search (entry 1) twice: once inside the batch, once on its own.
    expect(log.count((r) => r.path.startsWith('/fhir/Condition?') && !r.path.includes('_offset'))).toBe(2);
  });

  it('a 401 for the batch is a 401 for every read, and nothing more is sent', async () => {
    server.use(http.post(FHIR_BASE, () => HttpResponse.json({ resourceType: 'OperationOutcome' }, { status: 401 })));
    const log = recordRequests(server);
    const { chart } = await read('batch');
    log.stop();
    expect(log.count()).toBe(1);
    expect(new Set(chart.gaps.map((g) => g.reason))).toEqual(new Set(['unauthorized']));
    expect(chart.gaps.map((g) => g.resourceType)).toEqual(expect.arrayContaining(['Patient', 'Condition']));
    expect(chart.gaps).toHaveLength(10);
  });

  it('a batch held up by one hung entry is a timeout for every read, inside the deadline, without throwing', async () => {
    server.use(
      forwardingBatch(),
      http.get(`${FHIR_BASE}/MedicationDispense`, ({ request }) => untilAborted(request)),
    );
    const { chart } = await read('batch');
    expect(chart.gaps).toHaveLength(10);
    expect(new Set(chart.gaps.map((g) => g.reason))).toEqual(new Set(['timeout']));
    expect(chart.conditions).toEqual([]);
  });

  it('a cancelled read ends at once with a gap for every read', async () => {
    server.use(http.post(FHIR_BASE, ({ request }) => untilAborted(request)));
    const controller = new AbortController();
    const reading = readChart(fhir, typical.patientId, {
      reads: 'batch',
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    controller.abort();
    const chart = await reading;
    expect(chart.gaps.length).toBeGreaterThanOrEqual(10);
    expect(chart.patient).toBeUndefined();
  });
});

describe('splitBatch', () => {
  const answered = (json: unknown, status = 200) =>
    ({ kind: 'answered', status, headers: new Headers(), json, notJson: false }) as const;
  const response = (entry: NonNullable<Bundle['entry']>) =>
    answered({ resourceType: 'Bundle', type: 'batch-response', entry });

  it('takes an error entry outcome as the body and a success entry resource', () => {
    const outcome = { resourceType: 'OperationOutcome', issue: [] };
    const split = splitBatch(
      response([
        { resource: { resourceType: 'Patient', id: 'p' }, response: { status: '200 OK' } },
        { response: { status: '403 Forbidden', outcome: outcome as never } },
      ]),
      2,
    );
    expect(split).toEqual([
      { kind: 'response', status: 200, body: { resourceType: 'Patient', id: 'p' } },
      { kind: 'response', status: 403, body: outcome },
    ]);
  });

  it('sends on its own an entry whose status is out of range or missing', () => {
    const split = splitBatch(response([{ response: { status: '100' } }, {} as never]), 2);
    expect(split).toEqual([{ kind: 'send' }, { kind: 'send' }]);
  });

  it('fails every read on a timeout or a cancel, and sends them all on a 5xx', () => {
    expect(splitBatch({ kind: 'timeout', afterMs: 5 }, 2)).toEqual([
      { kind: 'fail', name: 'TimeoutError' },
      { kind: 'fail', name: 'TimeoutError' },
    ]);
    expect(splitBatch({ kind: 'aborted' }, 1)).toEqual([{ kind: 'fail', name: 'AbortError' }]);
    expect(splitBatch(answered({ resourceType: 'OperationOutcome' }, 503), 1)).toEqual([{ kind: 'send' }]);
  });
});

/**
 * readChart against the sandbox's real FHIR engine behind MSW, with hand-written faulty servers in front.
 *
 * Dimensions: searched type (5) x fault (12); paging (page size, limit, foreign and repeating links);
 * medication references (included, missing and batched, missing and read one by one, contained, elsewhere);
 * progress; cancel.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createFhirEngine, type FhirEngine } from '../../sandbox/fhir/engine.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import { readChart, MEDICATION_REQUEST_STATUSES, type ReadStats } from '../../src/edge/chart-reader.ts';
import type { ReadProgress } from '../../src/edge/types.ts';
import type { Chart, GapReason } from '../../src/core/chart.ts';
import { FHIR_BASE } from '../support/msw/base.ts';
import { batchHandler, engineHandlers } from '../support/msw/engine-handler.ts';
import { ignoresInclude, rejectsInclude, searchFault, SEARCH_FAULTS, type SearchFault } from '../support/msw/faults.ts';
import { recordRequests } from '../support/msw/request-log.ts';
import { manyMedicationsChart, typicalChart } from '../support/msw/charts.ts';
import { medication, medicationRequest, medicationStatement, concept, patient } from '../../fixtures/factories.ts';
import { describeReadGap } from '../../src/ui/strings-read.ts';

const engine: FhirEngine = createFhirEngine({ baseUrl: FHIR_BASE });
const server = setupServer(...engineHandlers(engine, FHIR_BASE));
const fhir = createNodeFhirHttp(FHIR_BASE);
const typical = typicalChart();
const TIMEOUT_MS = 600;

beforeAll(async () => {
  await engine.load(typical.resources);
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const SEARCHED = [
  'Condition',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationDispense',
  'MedicationAdministration',
] as const;
type Searched = (typeof SEARCHED)[number];

function listOf(chart: Chart, type: Searched): { id?: string }[] {
  return {
    Condition: chart.conditions,
    MedicationRequest: chart.medicationRequests,
    MedicationStatement: chart.medicationStatements,
    MedicationDispense: chart.medicationDispenses,
    MedicationAdministration: chart.medicationAdministrations,
  }[type];
}

describe('readChart on a healthy server', () => {
  it('reads the Patient, every searched type and the included medications, with no gaps, in one round trip of ten requests', async () => {
    const log = recordRequests(server);
    let stats: ReadStats | undefined;
    const chart = await readChart(fhir, typical.patientId, { onStats: (s) => (stats = s) });
    log.stop();

    expect(chart.gaps).toEqual([]);
    for (const type of SEARCHED) expect(listOf(chart, type)).toHaveLength(typical.counts[type]);
    expect(chart.medications.map((m) => m.id).sort()).toEqual([
      `${typical.patientId}-med-a`,
      `${typical.patientId}-med-b`,
    ]);
    expect(chart.patient?.id).toBe(typical.patientId);
    expect(chart.searched).toEqual([
      'Patient',
      ...SEARCHED,
      'AllergyIntolerance',
      'ServiceRequest',
      'Procedure',
      'Appointment',
      'Medication',
    ]);
    // The Patient read and nine searches.
    expect(log.count()).toBe(10);
    expect(log.roundTrips()).toBe(1);
    expect(stats).toMatchObject({ requests: 10, roundTrips: 1 });
  });

  it('asks for orders in every status, a large page and the included Medication', async () => {
    const log = recordRequests(server);
    const chart = await readChart(fhir, typical.patientId);
    log.stop();
    const mrSearch = log.requests.find((r) => r.path.includes('/MedicationRequest?'));
    const params = new URL(mrSearch!.path, FHIR_BASE).searchParams;
    expect(params.get('status')?.split(',').sort()).toEqual([...MEDICATION_REQUEST_STATUSES].sort());
    expect(params.get('_count')).toBe('1000');
    expect(params.get('_include')).toBe('MedicationRequest:medication');
    expect(chart.medicationRequests.map((r) => (r as { status: string }).status).sort()).toEqual([
      'active',
      'completed',
      'on-hold',
      'stopped',
    ]);
  });

  it('follows next links page by page, each search on its own, and keeps every resource once', async () => {
    const log = recordRequests(server);
    let stats: ReadStats | undefined;
    const chart = await readChart(fhir, typical.patientId, { pageSize: 2, onStats: (s) => (stats = s) });
    log.stop();
    expect(chart.gaps).toEqual([]);
    for (const type of SEARCHED) {
      const ids = listOf(chart, type).map((r) => r.id);
      expect(ids).toHaveLength(typical.counts[type]);
      expect(new Set(ids).size).toBe(ids.length);
    }
    // 4 conditions and 4 orders: 2 pages each; 3 of each other type: 2 pages each; the four new types (none in this
    // chart) and the Patient read: one request each.
    expect(log.count()).toBe(15);
    expect(log.roundTrips()).toBe(2);
    expect(stats?.pages).toEqual({
      Condition: 2,
      MedicationRequest: 2,
      MedicationStatement: 2,
      MedicationDispense: 2,
      MedicationAdministration: 2,
      AllergyIntolerance: 1,
      ServiceRequest: 1,
      Procedure: 1,
      Appointment: 1,
    });
  });

  it('keeps a resource once when a server repeats it on the next page', async () => {
    const [c1, c2, c3] = typical.resources.filter((r) => r.resourceType === 'Condition');
    const page = (entries: unknown[], next?: string) =>
      HttpResponse.json({
        resourceType: 'Bundle',
        type: 'searchset',
        entry: entries.map((resource) => ({ resource })),
        ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
      });
    server.use(
      http.get(`${FHIR_BASE}/Condition`, ({ request }) =>
        new URL(request.url).searchParams.get('page') === '2'
          ? page([c2, c3])
          : page([c1, c2], `${FHIR_BASE}/Condition?page=2`),
      ),
    );
    const chart = await readChart(fhir, typical.patientId);
    expect(chart.gaps).toEqual([]);
    expect(chart.conditions.map((c) => c.id)).toEqual([c1!.id, c2!.id, c3!.id]);
  });

  it('stops when a next link repeats an earlier page, instead of looping', async () => {
    server.use(
      http.get(`${FHIR_BASE}/Condition`, () =>
        HttpResponse.json({
          resourceType: 'Bundle',
          type: 'searchset',
          entry: [],
          link: [{ relation: 'next', url: `${FHIR_BASE}/Condition?page=1` }],
        }),
      ),
    );
    const chart = await readChart(fhir, typical.patientId);
    expect(chart.gaps).toEqual([expect.objectContaining({ resourceType: 'Condition', reason: 'truncated' })]);
    expect(describeReadGap(chart.gaps[0]!)).toMatch(/repeats an earlier page/);
  });

  it('stops at the page limit and says the search was cut short', async () => {
    const chart = await readChart(fhir, typical.patientId, { pageSize: 1, maxPages: 2 });
    const conditionGap = chart.gaps.find((g) => g.resourceType === 'Condition');
    expect(conditionGap).toMatchObject({ reason: 'truncated' });
    expect(conditionGap && describeReadGap(conditionGap)).toMatch(/page limit/);
    expect(chart.conditions).toHaveLength(2);
  });

  it('reports progress: nothing loaded at first, a total once every search announced one, all loaded at the end', async () => {
    const seen: ReadProgress[] = [];
    await readChart(fhir, typical.patientId, { pageSize: 2, onProgress: (p) => seen.push(p) });
    const all = Object.values(typical.counts).reduce((a, b) => a + b, 0) - typical.counts.Medication;
    expect(seen[0]).toEqual({ loaded: 0, pending: 9 });
    expect(seen.at(-1)).toEqual({ loaded: all, pending: 0, total: all });
    for (let i = 1; i < seen.length; i += 1) {
      expect(seen[i]!.loaded).toBeGreaterThanOrEqual(seen[i - 1]!.loaded);
      expect(seen[i]!.pending).toBeLessThanOrEqual(seen[i - 1]!.pending);
    }
    expect(seen.some((p) => p.total === undefined && p.loaded > 0)).toBe(true); // some searches answered before others
  });

  it('leaves the total out when a search does not announce one', async () => {
    server.use(
      http.get(`${FHIR_BASE}/Condition`, () =>
        HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry: [] }),
      ),
    );
    const seen: ReadProgress[] = [];
    await readChart(fhir, typical.patientId, { onProgress: (p) => seen.push(p) });
    expect(seen.every((p) => p.total === undefined)).toBe(true);
  });
});

/** The reason each fault must produce on the search it hits; undefined: read in full, no gap. */
const EXPECTED: Record<SearchFault, GapReason | undefined> = {
  '500': 'failed',
  '401': 'unauthorized',
  '403': 'refused',
  '404': 'not-found',
  network: 'failed',
  timeout: 'timeout',
  slow: undefined,
  'not-json': 'malformed',
  'operation-outcome': 'malformed',
  'malformed-entries': 'malformed',
  malformed: 'malformed',
  'broken-paging': 'truncated',
  'foreign-next': 'truncated',
};

describe.each(SEARCHED)('readChart when the %s search fails', (type) => {
  it.each(SEARCH_FAULTS)('fault %s becomes the right gap, other searches are read in full', async (fault) => {
    server.use(searchFault(engine, FHIR_BASE, type, fault));
    const chart = await readChart(fhir, typical.patientId, { pageSize: 2, timeoutMs: TIMEOUT_MS });

    const expected = EXPECTED[fault];
    const gaps = chart.gaps.filter((g) => g.resourceType === type);
    if (expected === undefined) {
      expect(chart.gaps).toEqual([]);
      expect(listOf(chart, type)).toHaveLength(typical.counts[type]);
    } else {
      expect(gaps.map((g) => g.reason)).toEqual([expected]);
      expect(describeReadGap(gaps[0]!)).toContain(type);
      expect(gaps[0]!.target).toContain(`${type}?patient=${typical.patientId}`);
    }
    // Whatever was partly read is kept; whatever failed outright is empty.
    const expectedCount: Partial<Record<SearchFault, number>> = {
      'malformed-entries': typical.counts[type],
      'broken-paging': 2,
      'foreign-next': 2,
      slow: typical.counts[type],
    };
    expect(listOf(chart, type)).toHaveLength(expectedCount[fault] ?? 0);
    // The faulty server adds four bad entries to each page; every type here spans two pages of two.
    if (fault === 'malformed-entries') expect(gaps[0]!.count).toBe(8);
    for (const other of SEARCHED.filter((t) => t !== type)) {
      expect(listOf(chart, other)).toHaveLength(typical.counts[other]);
      expect(chart.gaps.filter((g) => g.resourceType === other)).toEqual([]);
    }
  });
});

describe('readChart and medication references', () => {
  it('reads Medications a server did not include, each once, in a single batch round trip', async () => {
    const many = manyMedicationsChart(40);
    await engine.load(many.resources);
    server.use(ignoresInclude(engine, FHIR_BASE, 'MedicationRequest'), batchHandler(engine, FHIR_BASE));
    const log = recordRequests(server);
    const chart = await readChart(fhir, many.patientId);
    log.stop();
    expect(chart.gaps).toEqual([]);
    expect(chart.medications).toHaveLength(40);
    expect(log.count((r) => r.method === 'POST' && r.path === '/fhir')).toBe(1);
    expect(log.count((r) => r.path.startsWith('/fhir/Medication/'))).toBe(0);
    expect(log.roundTrips()).toBe(2);
  });

  it('names each Medication the batch could not return, and keeps the others', async () => {
    const p = 'pat-batch-404';
    await engine.load([
      patient({ id: p, given: 'Test', family: 'Batch' }),
      medication({ id: `${p}-here`, code: concept([], 'Present') }),
      medicationRequest({ id: `${p}-mr1`, patientId: p, medication: { reference: `Medication/${p}-here` } }),
      medicationRequest({ id: `${p}-mr2`, patientId: p, medication: { reference: `Medication/${p}-gone` } }),
    ]);
    server.use(ignoresInclude(engine, FHIR_BASE, 'MedicationRequest'), batchHandler(engine, FHIR_BASE));
    const log = recordRequests(server);
    const chart = await readChart(fhir, p);
    log.stop();
    expect(chart.medications.map((m) => m.id)).toEqual([`${p}-here`]);
    expect(chart.gaps).toHaveLength(1);
    expect(chart.gaps[0]).toMatchObject({
      resourceType: 'Medication',
      reason: 'unresolved-reference',
      target: `Medication/${p}-gone`,
      count: 1,
    });
    expect(describeReadGap(chart.gaps[0]!)).toContain('answered 404');
    expect(log.count((r) => r.path.startsWith('/fhir/Medication/'))).toBe(0);
  });

  it('falls back to parallel reads where batch is not supported, and names each one that cannot be read', async () => {
    const p = 'pat-missing-med';
    await engine.load([
      patient({ id: p, given: 'Test', family: 'Missing' }),
      medication({ id: `${p}-here`, code: concept([], 'Present') }),
      medicationRequest({ id: `${p}-mr1`, patientId: p, medication: { reference: `Medication/${p}-here` } }),
      medicationRequest({ id: `${p}-mr2`, patientId: p, medication: { reference: `Medication/${p}-gone` } }),
      medicationStatement({ id: `${p}-ms1`, patientId: p, medication: { reference: `Medication/${p}-gone` } }),
    ]);
    server.use(
      ignoresInclude(engine, FHIR_BASE, 'MedicationRequest'),
      ignoresInclude(engine, FHIR_BASE, 'MedicationStatement'),
      http.post(FHIR_BASE, () =>
        HttpResponse.json(
          { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] },
          { status: 400 },
        ),
      ),
    );
    const log = recordRequests(server);
    const chart = await readChart(fhir, p);
    log.stop();
    expect(chart.medications.map((m) => m.id)).toEqual([`${p}-here`]);
    expect(chart.gaps).toEqual([
      expect.objectContaining({
        resourceType: 'Medication',
        reason: 'unresolved-reference',
        target: `Medication/${p}-gone`,
        count: 2,
      }),
    ]);
    // No batch here: one refused batch POST, then one read per missing Medication.
    expect(log.count((r) => r.method === 'POST')).toBe(1);
    expect(log.count((r) => r.path.startsWith('/fhir/Medication/'))).toBe(2);
  });

  it('needs no request for contained medications and reports a missing contained one or one on another server', async () => {
    const p = 'pat-contained';
    const broken = medicationStatement({
      id: `${p}-ms2`,
      patientId: p,
      medication: { contained: medication({ id: 'm1', code: concept([], 'x') }) },
    });
    broken.medicationReference = { reference: '#not-there' };
    await engine.load([
      patient({ id: p, given: 'Test', family: 'Contained' }),
      medicationStatement({
        id: `${p}-ms1`,
        patientId: p,
        medication: { contained: medication({ id: 'm1', code: concept([], 'Inline') }) },
      }),
      broken,
      medicationRequest({
        id: `${p}-mr1`,
        patientId: p,
        medication: { reference: 'https://other.example/fhir/Medication/9' },
      }),
    ]);
    const log = recordRequests(server);
    const chart = await readChart(fhir, p);
    log.stop();
    expect(log.count()).toBe(10);
    expect(chart.gaps.map((g) => [g.reason, g.target])).toEqual(
      expect.arrayContaining([
        ['unresolved-reference', `MedicationStatement/${p}-ms2#not-there`],
        ['unresolved-reference', 'https://other.example/fhir/Medication/9'],
      ]),
    );
    expect(chart.gaps).toHaveLength(2);
  });

  it('retries a search without _include when the server rejects it, and reads the medications by reference', async () => {
    server.use(rejectsInclude(engine, FHIR_BASE, 'MedicationRequest'), batchHandler(engine, FHIR_BASE));
    const chart = await readChart(fhir, typical.patientId);
    expect(chart.gaps).toEqual([]);
    expect(chart.medicationRequests).toHaveLength(typical.counts.MedicationRequest);
    expect(chart.medications).toHaveLength(2);
  });
});

describe('readChart when cancelled', () => {
  beforeEach(() => {
    server.use(...SEARCHED.map((t) => searchFault(engine, FHIR_BASE, t, 'timeout')));
  });
  it('returns at once with every unread search as a gap, and does not throw', async () => {
    const controller = new AbortController();
    const reading = readChart(fhir, typical.patientId, { signal: controller.signal, timeoutMs: 10_000 });
    setTimeout(() => controller.abort(), 50);
    const chart = await reading;
    expect(chart.gaps.map((g) => g.reason)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']);
    expect(describeReadGap(chart.gaps[0]!)).toMatch(/cancelled/);
  });
});

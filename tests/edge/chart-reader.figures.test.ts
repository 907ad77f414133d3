/**
 * Figures, not assertions on time: how many HTTP requests and sequential round trips readChart makes for a typical
 * chart and for the sandbox's 5,000-medication chart, measured from the MSW side (each answer delayed a little so
 * overlapping requests can be told from sequential ones). The lead's benchmark measures time; this prints counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createFhirEngine } from '../../sandbox/fhir/engine.ts';
import { largeChartPatient } from '../../fixtures/patients.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import { readChart, type ReadStats } from '../../src/edge/chart-reader.ts';
import { FHIR_BASE } from '../support/msw/base.ts';
import { engineHandlers, forwardToEngine } from '../support/msw/engine-handler.ts';
import { recordRequests } from '../support/msw/request-log.ts';
import { typicalChart } from '../support/msw/charts.ts';

const engine = createFhirEngine({ baseUrl: FHIR_BASE });
const server = setupServer(...engineHandlers(engine, FHIR_BASE, { latencyMs: 10 }));
const fhir = createNodeFhirHttp(FHIR_BASE);
const typical = typicalChart('pat-figures');
const large = largeChartPatient(new Date('2026-11-25T12:00:00Z'));

beforeAll(async () => {
  await engine.load([...typical.resources, large.patient, ...large.resources]);
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

describe('readChart request figures', () => {
  it('prints requests and sequential round trips for a typical chart and the 5,000-medication chart', async () => {
    const rows: string[] = [];
    for (const [label, patientId] of [
      ['typical chart', typical.patientId],
      ['5,000-medication chart', large.key],
    ] as const) {
      const log = recordRequests(server);
      let stats: ReadStats | undefined;
      const started = performance.now();
      const chart = await readChart(fhir, patientId, { onStats: (s) => (stats = s) });
      const ms = Math.round(performance.now() - started);
      log.stop();
      const medicationRecords =
        chart.medicationRequests.length +
        chart.medicationStatements.length +
        chart.medicationDispenses.length +
        chart.medicationAdministrations.length;
      expect(chart.gaps).toEqual([]);
      expect(stats?.requests).toBe(log.count());
      rows.push(
        `${label}: ${log.count()} requests, ${log.roundTrips()} sequential round trips ` +
          `(pages per search ${JSON.stringify(stats?.pages)}; ${medicationRecords} medication records, ${chart.conditions.length} conditions, ` +
          `${chart.medications.length} Medications; ${ms} ms in-process with 10 ms added per answer)`,
      );
    }
    // The same large read again with the server's answers cached: what the reader itself costs (parsing, checking,
    // deduplicating), without the in-memory engine's search time.
    const cache = new Map<string, unknown>();
    server.use(
      http.get(`${FHIR_BASE}/*`, async ({ request }) => {
        const key = request.url;
        if (!cache.has(key)) cache.set(key, await (await forwardToEngine(engine, FHIR_BASE, request)).json());
        return HttpResponse.json(cache.get(key) as Record<string, unknown>);
      }),
    );
    await readChart(fhir, large.key);
    const startedCached = performance.now();
    const cachedChart = await readChart(fhir, large.key);
    const cachedMs = Math.round(performance.now() - startedCached);
    expect(cachedChart.gaps).toEqual([]);
    rows.push(
      `5,000-medication chart with the server's answers cached (reader cost only, no added latency): ${cachedMs} ms`,
    );
    console.log(`[readChart figures]\n  ${rows.join('\n  ')}`);
    expect(rows).toHaveLength(3);
  });
});

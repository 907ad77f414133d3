/**
 * `npm run bench:requests`: how many HTTP requests and sequential round trips readChart makes for a typical chart
 * and for the sandbox's 5,000-medication chart, measured from the MSW side (each answer delayed 10 ms so
 * overlapping requests can be told from sequential ones), and what the reader itself costs on the large chart
 * once the server's answers are cached. Figures only, no assertions (the checks are in
 * tests/edge/chart-reader.stats.test.ts; moved here from tests/edge/chart-reader.figures.test.ts, issue 14 item 5).
 */
import { cpus, loadavg } from 'node:os';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createFhirEngine } from '../sandbox/fhir/engine.ts';
import { largeChartPatient } from '../fixtures/patients.ts';
import { createNodeFhirHttp } from '../src/adapters/node-fhir-http.ts';
import { readChart, type ReadStats } from '../src/edge/chart-reader.ts';
import { FHIR_BASE } from '../tests/support/msw/base.ts';
import { engineHandlers, forwardToEngine } from '../tests/support/msw/engine-handler.ts';
import { recordRequests } from '../tests/support/msw/request-log.ts';
import { typicalChart } from '../tests/support/msw/charts.ts';

async function main(): Promise<void> {
  const engine = createFhirEngine({ baseUrl: FHIR_BASE });
  const server = setupServer(...engineHandlers(engine, FHIR_BASE, { latencyMs: 10 }));
  const fhir = createNodeFhirHttp(FHIR_BASE);
  const typical = typicalChart('pat-figures');
  const large = largeChartPatient(new Date('2026-11-25T12:00:00Z'));
  await engine.load([...typical.resources, large.patient, ...large.resources]);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    console.log(
      `readChart request figures (node ${process.version}, ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)})`,
    );
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
      console.log(
        `  ${label}: ${log.count()} requests (reader counted ${stats?.requests}), ${log.roundTrips()} sequential round trips ` +
          `(pages per search ${JSON.stringify(stats?.pages)}; ${medicationRecords} medication records, ${chart.conditions.length} conditions, ` +
          `${chart.medications.length} Medications, ${chart.gaps.length} gaps; ${ms} ms in-process with 10 ms added per answer)`,
      );
    }
    // The same large read with the server's answers cached: what the reader itself costs (parsing, checking,
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
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await readChart(fhir, large.key);
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    console.log(
      `  5,000-medication chart with the server's answers cached (reader cost only, no added latency): median ${runs[2]!.toFixed(0)} ms of 5`,
    );
  } finally {
    server.close();
  }
}

await main();

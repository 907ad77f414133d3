/**
 * readChart's own request count (ReadStats, which the benchmarks print) is what the server saw, for a typical chart
 * and across the many pages of the sandbox's 5,000-medication chart, and both are read in full through MSW. The
 * figures themselves are printed by `npm run bench:requests` (bench/chart-reader-requests.bench.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { createFhirEngine } from '../../sandbox/fhir/engine.ts';
import { largeChartPatient } from '../../fixtures/patients.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import { readChart, type ReadStats } from '../../src/edge/chart-reader.ts';
import { FHIR_BASE } from '../support/msw/base.ts';
import { engineHandlers } from '../support/msw/engine-handler.ts';
import { recordRequests } from '../support/msw/request-log.ts';
import { typicalChart } from '../support/msw/charts.ts';

const engine = createFhirEngine({ baseUrl: FHIR_BASE });
const server = setupServer(...engineHandlers(engine, FHIR_BASE));
const fhir = createNodeFhirHttp(FHIR_BASE);
const typical = typicalChart('pat-stats');
const large = largeChartPatient(new Date('2026-11-25T12:00:00Z'));

beforeAll(async () => {
  await engine.load([...typical.resources, large.patient, ...large.resources]);
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

describe('readChart request counts', () => {
  it.each([
    ['a typical chart', typical.patientId, undefined],
    ['the 5,000-medication chart', large.key, 5000],
  ] as const)(
    '%s: read in full, and the reader counts every request the server saw',
    async (_l, patientId, records) => {
      const log = recordRequests(server);
      let stats: ReadStats | undefined;
      const chart = await readChart(fhir, patientId, { onStats: (s) => (stats = s) });
      log.stop();
      expect(chart.gaps).toEqual([]);
      expect(stats?.requests).toBe(log.count());
      if (records !== undefined)
        expect(
          chart.medicationRequests.length +
            chart.medicationStatements.length +
            chart.medicationDispenses.length +
            chart.medicationAdministrations.length,
        ).toBe(records);
    },
  );
});

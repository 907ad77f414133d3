/**
 * What the clinician's screen does after an EHR launch, in process: a real SMART EHR launch against the sandbox
 * (sandbox/server.ts on a free port, the protected base, the app's scopes), readChart over HTTP with the token, as
 * the browser does (one batch for the first requests, the sandbox's own entry says "reads": "batch"), then assess.
 *
 * These are the cases tests/e2e/clinician.test.ts used to launch one by one in Chromium (issue 14 item 5): every
 * synthetic patient's verdict, each simulated fault (500, 403, 404, malformed) on each searched type, a timed-out
 * search (here with a short deadline instead of the app's 20 s), a slow server and broken paging. The browser
 * keeps one launch per behaviour (a verdict of each kind, one fault, the timeout, the large chart's progress).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeChartPatient, syntheticPatients } from '../../fixtures/patients.ts';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import { assess } from '../../src/core/assess/index.ts';
import type { Chart, GapReason } from '../../src/core/chart.ts';
import { readChart, type ReadChartOptions } from '../../src/edge/chart-reader.ts';
import { ehrLaunchToken } from '../sandbox/support.ts';

const NOW = new Date('2026-11-25T12:00:00Z');

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appDir: null, quiet: true, now: NOW });
  await sandbox.ready;
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
});

/** An EHR launch for `patient` (with the sandbox's launch options, e.g. a fault), then the chart read with its token. */
async function launchAndRead(
  patient: string,
  options: Record<string, string> = {},
  read: ReadChartOptions = {},
): Promise<Chart> {
  const token = await ehrLaunchToken(sandbox, patient, options);
  expect(token.patient).toBe(patient);
  const http = createNodeFhirHttp(sandbox.fhirBase, { token: token.access_token, timeoutMs: 30_000 });
  return readChart(http, patient, { reads: 'batch', now: NOW, ...read });
}

/**
 * The verdict is incomplete, and `type` has a gap for one of `reasons`; unless `othersToo`, no other type has one
 * (a batch that times out leaves every search it carried unread).
 */
function expectIncomplete(chart: Chart, type: string, reasons: GapReason[], othersToo = false): void {
  const assessment = assess(chart, NOW);
  expect(assessment.verdict).toBe('incomplete');
  expect(assessment.complete).toBe(false);
  const mine = chart.gaps.filter((g) => g.resourceType === type);
  expect(mine.length, JSON.stringify(chart.gaps)).toBeGreaterThan(0);
  expect(
    mine.some((g) => reasons.includes(g.reason)),
    JSON.stringify(mine),
  ).toBe(true);
  if (!othersToo) expect(chart.gaps.filter((g) => g.resourceType !== type)).toEqual([]);
}

describe('after an EHR launch: every synthetic patient', () => {
  it.each(syntheticPatients(NOW).map((p) => [p.key, p.expected.verdict] as const))('%s: %s', async (key, verdict) => {
    const chart = await launchAndRead(key);
    expect(chart.gaps).toEqual([]);
    expect(assess(chart, NOW).verdict).toBe(verdict);
  });
});

describe('after an EHR launch: simulated faults', () => {
  const searches = [
    'Condition',
    'MedicationRequest',
    'MedicationStatement',
    'MedicationDispense',
    'MedicationAdministration',
  ] as const;
  const faults: [string, GapReason][] = [
    ['500', 'failed'],
    ['403', 'refused'],
    ['404', 'not-found'],
    ['malformed', 'malformed'],
  ];
  const cases = searches.flatMap((type) => faults.map(([kind, reason]) => [type, kind, reason] as const));

  it.each(cases)('%s answering %s is incomplete with the reason %s', async (type, kind, reason) => {
    const chart = await launchAndRead('ldn-fibromyalgia', { fhir_fault: `${type}:${kind}` });
    expectIncomplete(chart, type, [reason]);
  });

  it('a search that never answers is a timeout gap once the deadline passes (a short deadline here)', async () => {
    const chart = await launchAndRead(
      'ldn-fibromyalgia',
      { fhir_fault: 'MedicationStatement:timeout' },
      { timeoutMs: 400 },
    );
    expectIncomplete(chart, 'MedicationStatement', ['timeout'], true);
  });

  it('a slow server still gives the full verdict', async () => {
    const chart = await launchAndRead('ldn-fibromyalgia', { fhir_fault: 'MedicationStatement:slow' });
    expect(chart.gaps).toEqual([]);
    expect(assess(chart, NOW).verdict).toBe(
      syntheticPatients(NOW).find((p) => p.key === 'ldn-fibromyalgia')?.expected.verdict,
    );
  });

  it('paging that breaks on the large chart is incomplete (cut short or failed)', async () => {
    // The app's page size: the 3,000 orders take three pages, and the link after page 2 is the broken one.
    const chart = await launchAndRead(largeChartPatient(NOW).key, { fhir_fault: 'MedicationRequest:broken-paging' });
    expectIncomplete(chart, 'MedicationRequest', ['truncated', 'failed']);
  }, 60_000);
});

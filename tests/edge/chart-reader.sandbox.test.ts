/**
 * readChart and writeOrder over real HTTP against the sandbox EHR's open FHIR base (sandbox/server.ts on a free
 * localhost port): the same production code as the MSW tests, with Node's HTTP stack, real headers and the
 * sandbox's gateway in between. Prints request figures for a synthetic patient and the 5,000-medication chart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, MedicationRequest } from 'fhir/r4';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import { readChart, type ReadStats } from '../../src/edge/chart-reader.ts';
import { writeOrder } from '../../src/edge/order-writer.ts';
import { ORDER_IDENTIFIER_SYSTEM } from '../../src/core/order/input.ts';
import { testDraft } from '../support/msw/drafts.ts';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appDir: null, quiet: true, now: new Date('2026-11-25T12:00:00Z') });
  await sandbox.ready;
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
});

describe('the edge against the sandbox EHR over HTTP', () => {
  it('reads a synthetic patient and the 5,000-medication chart in full, and prints the figures', async () => {
    const fhir = createNodeFhirHttp(sandbox.openFhirBase);
    const rows: string[] = [];
    for (const id of ['ldn-fibromyalgia', 'ldn-large-chart']) {
      let stats: ReadStats | undefined;
      let progressEvents = 0;
      const started = performance.now();
      const chart = await readChart(fhir, id, { onStats: (s) => (stats = s), onProgress: () => (progressEvents += 1) });
      const ms = Math.round(performance.now() - started);
      expect(chart.gaps).toEqual([]);
      const records =
        chart.medicationRequests.length +
        chart.medicationStatements.length +
        chart.medicationDispenses.length +
        chart.medicationAdministrations.length;
      rows.push(
        `${id}: ${stats?.requests} requests, ${stats?.roundTrips} sequential round trips, ${records} medication records, ${chart.conditions.length} conditions, ${progressEvents} progress events, ${ms} ms over localhost HTTP`,
      );
      if (id === 'ldn-large-chart') expect(records).toBe(5000);
    }
    console.log(`[readChart against the sandbox]\n  ${rows.join('\n  ')}`);
  }, 60_000);

  it('writes an order with an override once, even when the same draft is sent twice', async () => {
    const fhir = createNodeFhirHttp(sandbox.openFhirBase);
    const draft = testDraft({ value: `sandbox-${Date.now()}`, patientId: 'ldn-fibromyalgia', overrides: 1 });
    const scopes = ['patient/MedicationRequest.c', 'patient/DetectedIssue.c'];
    const [a, b] = await Promise.all([
      writeOrder(fhir, draft, { grantedScopes: scopes }),
      writeOrder(fhir, draft, { grantedScopes: scopes }),
    ]);
    expect(a).toBe(b);
    expect(a.kind).toBe('created');
    const again = await writeOrder(fhir, draft, { grantedScopes: scopes });
    expect(again.kind).toBe('already-existed');
    const found = (await (
      await fhir.fetch(
        `MedicationRequest?patient=ldn-fibromyalgia&identifier=${ORDER_IDENTIFIER_SYSTEM}|${draft.identifier.value}`,
      )
    ).json()) as Bundle;
    const orders = (found.entry ?? []).map((e) => e.resource as MedicationRequest);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.detectedIssue?.[0]?.reference).toMatch(/^DetectedIssue\//);
  }, 60_000);
});

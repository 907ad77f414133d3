/**
 * The fault kinds the sandbox shares with the MSW servers of the tests (sandbox/gateway/faults.ts, issue 14 item
 * 2), over real HTTP with a launch token: the kinds the sandbox gained from the tests' vocabulary, each on its type
 * only. (500/403/404, timeout, slow, broken-paging and malformed are in simulated-errors.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from 'fhir/r4';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import { FAULT_KINDS } from '../../sandbox/gateway/faults.ts';
import { parseLaunchOptions } from '../../sandbox/auth/options.ts';
import { ehrLaunchToken, fhirGet } from './support.ts';

let s: SandboxHandle;
beforeAll(async () => {
  s = await startSandbox({ port: 0, appDir: null, quiet: true });
}, 60_000);
afterAll(() => s?.close());

const tokenWith = async (fault: string, patient = 'ldn-status-mix') =>
  (await ehrLaunchToken(s, patient, { fhir_fault: fault })).access_token;
const other = (t: string) => fhirGet(s, t, 'MedicationRequest?patient=ldn-status-mix');

describe('the shared fault kinds in the sandbox', () => {
  it('every kind is a launch option (what each does: sandbox/README.md)', () => {
    for (const kind of FAULT_KINDS) {
      expect(parseLaunchOptions(new URLSearchParams({ fhir_fault: `Condition:${kind}` })).ok).toBe(true);
    }
    expect(parseLaunchOptions(new URLSearchParams({ fhir_fault: 'Condition:broken-next' })).ok).toBe(false);
  });

  it('401 refuses that type only', async () => {
    const t = await tokenWith('Condition:401');
    expect((await fhirGet(s, t, 'Condition?patient=ldn-status-mix')).status).toBe(401);
    expect((await other(t)).status).toBe(200);
  });

  it('network drops the connection without an answer', async () => {
    const t = await tokenWith('Condition:network');
    await expect(fhirGet(s, t, 'Condition?patient=ldn-status-mix')).rejects.toThrow();
    expect((await other(t)).status).toBe(200);
  });

  it('not-json answers an HTML page with status 200', async () => {
    const t = await tokenWith('Condition:not-json');
    const res = await fhirGet(s, t, 'Condition?patient=ldn-status-mix');
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^<html>/);
  });

  it('operation-outcome answers an OperationOutcome with status 200', async () => {
    const t = await tokenWith('Condition:operation-outcome');
    const res = await fhirGet(s, t, 'Condition?patient=ldn-status-mix');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  });

  it('malformed-entries adds four unreadable entries to the page', async () => {
    const clean = (await (await other(await tokenWith('Condition:500'))).json()) as Bundle;
    const t = await tokenWith('MedicationRequest:malformed-entries');
    const page = (await (await other(t)).json()) as Bundle;
    expect(page.entry).toHaveLength((clean.entry?.length ?? 0) + 4);
  });

  it('foreign-next points the next link at another server', async () => {
    const t = await tokenWith('MedicationRequest:foreign-next', 'ldn-large-chart');
    const page = (await (await fhirGet(s, t, 'MedicationRequest?patient=ldn-large-chart&_count=10')).json()) as Bundle;
    const next = page.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(new URL(next).origin).not.toBe(new URL(s.fhirBase).origin);
  });
});

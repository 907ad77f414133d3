/**
 * The service mounted in the sandbox EHR's process: discovery at <sandbox>/cds-services, 401 without the sandbox's
 * JWT, the sandbox's public JWKS, and the order-entry API for the three CDS patients, with prefetch and with the
 * fhirServer fallback against the sandbox's own FHIR server, and patient-view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server.ts';

let sb: SandboxHandle;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, appDir: null, quiet: true });
  await sb.ready;
}, 120_000);
afterAll(() => sb?.close());

const hook = async (body: Record<string, unknown>) => {
  const res = await fetch(`${sb.origin}/cds/api/hook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as {
    status: number;
    response: { cards: { indicator: string; summary: string }[] };
    request: { prefetch?: Record<string, unknown>; fhirServer: string };
  };
};

describe('CDS Hooks in the sandbox', () => {
  it('serves discovery at <sandbox>/cds-services and refuses a call without the sandbox JWT', async () => {
    const disc = (await (await fetch(`${sb.origin}/cds-services`)).json()) as { services: { id: string }[] };
    expect(disc.services.map((s) => s.id)).toEqual(['ldn-order-select', 'ldn-order-sign', 'ldn-patient-view']);
    const res = await fetch(`${sb.origin}/cds-services/ldn-order-select`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  it('publishes only the public part of its CDS client key', async () => {
    const jwks = (await (await fetch(`${sb.origin}/cds/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-384', alg: 'ES384' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  for (const prefetch of [true, false]) {
    it(`gives the expected cards for the three CDS patients (${prefetch ? 'with prefetch' : 'fhirServer fallback'})`, async () => {
      const onLdn = await hook({
        hook: 'order-select',
        patient: 'ldn-cds-on-ldn-opioid-order',
        medication: 'oxycodone',
        prefetch,
      });
      expect(onLdn.status).toBe(200);
      expect(onLdn.response.cards.map((c) => c.indicator)).toEqual(['critical']);
      expect(onLdn.response.cards[0]!.summary).toContain('Naltrexone HCl 4.5 mg');
      expect(onLdn.request.prefetch === undefined).toBe(!prefetch);
      const onOpioid = await hook({
        hook: 'order-sign',
        patient: 'ldn-cds-on-opioid-ldn-order',
        medication: 'ldn',
        prefetch,
      });
      expect(onOpioid.response.cards.map((c) => c.indicator)).toEqual(['critical']);
      expect(onOpioid.response.cards[0]!.summary).toMatch(/opioid-free from/);
      const other = await hook({
        hook: 'order-select',
        patient: 'ldn-cds-on-ldn-other-order',
        medication: 'ibuprofen',
        prefetch,
      });
      expect(other.response.cards).toEqual([]);
      const tramadol = await hook({
        hook: 'order-select',
        patient: 'ldn-cds-on-ldn-opioid-order',
        medication: 'tramadol',
        prefetch,
      });
      expect(tramadol.response.cards.map((c) => c.indicator)).toEqual(['critical']);
      const ntx50 = await hook({
        hook: 'order-select',
        patient: 'ldn-cds-on-opioid-ldn-order',
        medication: 'naltrexone50',
        prefetch,
      });
      expect(ntx50.response.cards.map((c) => c.indicator)).toEqual(['critical']);
    });
  }

  it('patient-view: an alert for the patient on LDN with an opioid, none for LDN alone', async () => {
    const both = await hook({ hook: 'patient-view', patient: 'ldn-cds-ldn-and-opioid', prefetch: true });
    expect(both.response.cards.map((c) => c.indicator)).toEqual(['critical']);
    const alone = await hook({ hook: 'patient-view', patient: 'ldn-cds-on-ldn-opioid-order', prefetch: true });
    expect(alone.response.cards).toEqual([]);
  });

  it('forwards signed feedback to the service', async () => {
    const res = await fetch(`${sb.origin}/cds/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        hook: 'order-sign',
        feedback: [
          {
            card: 'c-1',
            outcome: 'accepted',
            acceptedSuggestions: [{ id: 's-1' }],
            outcomeTimestamp: new Date().toISOString(),
          },
        ],
      }),
    });
    expect(await res.json()).toEqual({ status: 200 });
  });
});

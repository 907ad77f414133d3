/**
 * The fhirServer fallback: prefetch keys the EHR did not send are read with the chart reader from fhirServer (the
 * sandbox's FHIR engine behind a fetch), with fhirAuthorization's token sent to fhirServer's origin only; a failed
 * read makes the card say the check was incomplete; a fhirServer outside the client's allow-list is not used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFhirEngine } from '../../../sandbox/fhir/engine.ts';
import { forwardToEngine } from '../../support/msw/engine-handler.ts';
import { cdsPatient, DRAFTS, hookBody, prefetchOf } from './requests.ts';
import { startService, type TestService } from './support.ts';

const FHIR = 'https://ehr.example.org/fhir';
const TOKEN = 'secret-access-token-123';
const engine = createFhirEngine({ baseUrl: FHIR });
const seen: { url: string; auth: string | null }[] = [];
let failTypes = new Set<string>();

const fetchImpl: typeof fetch = async (input, init) => {
  const request = new Request(input as string, init);
  seen.push({ url: request.url, auth: request.headers.get('authorization') });
  const type = new URL(request.url).pathname.split('/').at(-1) ?? '';
  if (failTypes.has(type)) return new Response('{}', { status: 503 });
  return forwardToEngine(engine, FHIR, request);
};

const onLdn = cdsPatient('ldn-cds-on-ldn-opioid-order');
let svc: TestService;
beforeAll(async () => {
  await engine.load([onLdn.patient, ...onLdn.resources]);
  svc = await startService({ fetchImpl }, { fhirServers: [FHIR] });
});
afterAll(() => svc.close());

const call = (prefetch: Record<string, unknown> | undefined, fhirServer = FHIR) =>
  svc.post(
    '/cds-services/ldn-order-select',
    hookBody('order-select', onLdn.id, [DRAFTS.oxycodone(onLdn.id)], prefetch, {
      fhirServer,
      fhirAuthorization: { access_token: TOKEN, token_type: 'Bearer', scope: 'patient/*.read', subject: 'cds' },
    }),
  );

describe('fhirServer fallback', () => {
  it('reads the missing keys from fhirServer, with the token on its origin only, and finds the LDN order', async () => {
    seen.length = 0;
    const res = await call(undefined);
    const { cards } = (await res.json()) as { cards: { indicator: string; summary: string }[] };
    expect(cards.map((c) => c.indicator)).toEqual(['critical']);
    expect(cards[0]!.summary).toContain('Naltrexone HCl 4.5 mg');
    expect(seen.length).toBeGreaterThan(3);
    for (const r of seen) {
      expect(new URL(r.url).origin).toBe('https://ehr.example.org');
      expect(r.auth).toBe(`Bearer ${TOKEN}`);
    }
  });

  it('reads only what is missing: an empty key is re-read, a full prefetch causes no request', async () => {
    seen.length = 0;
    await call(prefetchOf(onLdn));
    expect(seen).toEqual([]);
    const partial = { ...prefetchOf(onLdn), medicationStatements: null };
    const res = await call(partial);
    expect(seen.length).toBeGreaterThan(0);
    expect(((await res.json()) as { cards: unknown[] }).cards).toHaveLength(1);
  });

  it('says the check was incomplete when a fallback read fails, alongside what it found', async () => {
    failTypes = new Set(['MedicationStatement']);
    const res = await call(undefined);
    failTypes = new Set();
    const { cards } = (await res.json()) as { cards: { indicator: string; summary: string }[] };
    expect(cards.map((c) => c.indicator)).toEqual(['critical', 'warning']);
    expect(cards[1]!.summary).toMatch(/incomplete/);
  });

  it('does not use a fhirServer outside the client allow-list (no token leaves), and says the check was incomplete', async () => {
    seen.length = 0;
    const res = await call(undefined, 'https://attacker.example/fhir');
    expect(seen).toEqual([]);
    const { cards } = (await res.json()) as { cards: { indicator: string }[] };
    expect(cards.map((c) => c.indicator)).toEqual(['warning']);
  });
});

describe('fhirServerHttp', () => {
  it('refuses a request to another origin (a paging link or reference elsewhere) without sending anything', async () => {
    const { fhirServerHttp } = await import('../../../src/edge/cds/fhir-server.ts');
    seen.length = 0;
    const http = fhirServerHttp(FHIR, TOKEN, 1000, fetchImpl);
    await expect(http.fetch('https://elsewhere.example/fhir/MedicationStatement?page=2')).rejects.toThrow(
      /another origin/,
    );
    expect(seen).toEqual([]);
    await http.fetch(`${FHIR}/Patient/${onLdn.id}`);
    expect(seen).toEqual([{ url: `${FHIR}/Patient/${onLdn.id}`, auth: `Bearer ${TOKEN}` }]);
  });
});

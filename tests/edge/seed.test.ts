/**
 * The seeder against the sandbox's transport-free FHIR engine (an open server): identifiers, reference rewriting,
 * idempotency (a second run creates nothing), and per-resource failures from a refusing server (MSW).
 */
import type { Resource } from 'fhir/r4';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPatients } from '../../fixtures/patients.ts';
import { concept, condition, medication, medicationRequest, patient, rxnorm } from '../../fixtures/factories.ts';
import { createFhirEngine, type FhirEngine } from '../../sandbox/fhir/engine.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import type { FhirHttp } from '../../src/edge/types.ts';
import {
  openLaunchUrl,
  rewriteReferences,
  SEED_IDENTIFIER_SYSTEM,
  seedPatient,
  seedPatients,
  withSeedIdentifier,
} from '../../src/edge/seed.ts';
import { seedProblemWords } from '../../src/entry/cli/strings.ts';

const BASE = 'http://engine.test/fhir';

/** A FhirHttp answering from the engine in process (no sockets). */
function engineHttp(engine: FhirEngine): FhirHttp {
  return {
    baseUrl: BASE,
    async fetch(pathOrUrl, init = {}) {
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((v, k) => (headers[k] = v));
      const res = await engine.handle({
        method: init.method ?? 'GET',
        url: pathOrUrl.replace(`${BASE}/`, ''),
        headers,
        body: init.body ?? undefined,
        baseUrl: BASE,
      });
      return new Response(JSON.stringify(res.body), { status: res.status, headers: res.headers });
    },
  };
}

async function countAll(engine: FhirEngine): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const type of [
    'Patient',
    'Condition',
    'Medication',
    'MedicationRequest',
    'MedicationStatement',
    'MedicationDispense',
    'MedicationAdministration',
  ]) {
    const res = await engine.handle({ method: 'GET', url: `${type}?_summary=count`, baseUrl: BASE });
    out[type] = (res.body as { total: number }).total;
  }
  return out;
}

const NOW = new Date('2026-03-01T12:00:00Z');

describe('seed helpers', () => {
  it('adds the seed identifier once, keeps other identifiers, drops the fixture id', () => {
    const p = patient({ id: 'ldn-x', given: 'A', family: 'B' });
    const once = withSeedIdentifier(p) as typeof p;
    const twice = withSeedIdentifier({ ...once, id: 'ldn-x' }) as typeof p;
    expect(once.id).toBeUndefined();
    expect(twice.identifier?.filter((i) => i.system === SEED_IDENTIFIER_SYSTEM)).toEqual([
      { system: SEED_IDENTIFIER_SYSTEM, value: 'Patient/ldn-x' },
    ]);
    expect(twice.identifier?.some((i) => i.system === 'urn:ldn-app:synthetic-patient')).toBe(true);
  });

  it('rewrites known references and keeps unknown and contained ones', () => {
    const mr = medicationRequest({ id: 'mr', patientId: 'p1', medication: { reference: 'Medication/m1' } });
    const out = rewriteReferences(
      { ...mr, note: [{ text: 'x' }], basedOn: [{ reference: '#c1' }] },
      new Map([
        ['Patient/p1', 'Patient/901'],
        ['Medication/m1', 'Medication/77'],
      ]),
    );
    expect(out.subject).toEqual({ reference: 'Patient/901' });
    expect(out.medicationReference).toEqual({ reference: 'Medication/77' });
    expect(out.basedOn).toEqual([{ reference: '#c1' }]);
  });

  it('builds an open-server launch link', () => {
    expect(openLaunchUrl('http://localhost:8787/app/', 'http://localhost:8787/open/fhir', '12')).toBe(
      'http://localhost:8787/app/launch/?fhirServiceUrl=http%3A%2F%2Flocalhost%3A8787%2Fopen%2Ffhir&patientId=12',
    );
  });
});

describe('seeding the sandbox engine', () => {
  let engine: FhirEngine;
  beforeAll(() => {
    engine = createFhirEngine({ baseUrl: BASE });
  });

  it('creates every synthetic patient with server ids, then a second run creates nothing', async () => {
    const patients = syntheticPatients(NOW);
    const expected = patients.reduce((n, p) => n + 1 + p.resources.length, 0);
    const first = await seedPatients(engineHttp(engine), patients);
    const outcomes = first.flatMap((r) => r.resources.map((x) => x.outcome));
    expect(outcomes).toHaveLength(expected);
    expect(outcomes.every((o) => o === 'created')).toBe(true);
    const afterFirst = await countAll(engine);
    expect(afterFirst.Patient).toBe(patients.length);

    const second = await seedPatients(engineHttp(engine), patients);
    expect(second.flatMap((r) => r.resources.map((x) => x.outcome)).every((o) => o === 'existing')).toBe(true);
    expect(await countAll(engine)).toEqual(afterFirst);
    expect(second.map((r) => r.patientId)).toEqual(first.map((r) => r.patientId));
  });

  it('points references at the server ids, so a patient search finds the chart', async () => {
    const p = {
      key: 'ref-check',
      patient: patient({ id: 'ref-check', given: 'Ref', family: 'Check' }),
      resources: [
        medication({ id: 'ref-check-med' }),
        medicationRequest({
          id: 'ref-check-mr',
          patientId: 'ref-check',
          medication: { reference: 'Medication/ref-check-med' },
        }),
        condition({ id: 'ref-check-c', patientId: 'ref-check', code: concept([], 'Fibromyalgia') }),
      ] as Resource[],
    };
    const r = await seedPatient(engineHttp(engine), p);
    expect(r.patientId).toBeDefined();
    expect(r.patientId).not.toBe('ref-check');
    const res = await engine.handle({
      method: 'GET',
      url: `MedicationRequest?patient=Patient/${r.patientId}`,
      baseUrl: BASE,
    });
    const bundle = res.body as { entry?: Array<{ resource: { medicationReference?: { reference?: string } } }> };
    const medRef = r.resources.find((x) => x.fixtureRef === 'Medication/ref-check-med')?.serverRef;
    expect(bundle.entry?.[0]?.resource.medicationReference?.reference).toBe(medRef);
  });
});

describe('a server refusing writes (MSW)', () => {
  const FHIR = 'https://refusing.test/fhir';
  const server = setupServer(
    http.post(`${FHIR}/Patient`, () => HttpResponse.json({ resourceType: 'Patient', id: 'p9' }, { status: 201 })),
    http.post(`${FHIR}/Condition`, () =>
      HttpResponse.json(
        {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'invalid', diagnostics: 'Condition.code is required here' }],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      ),
    ),
    http.post(`${FHIR}/Medication`, () => new HttpResponse(null, { status: 500, statusText: 'Server Error' })),
    // After a 5xx the create looks for an earlier copy by identifier before trying again: there is none.
    http.get(`${FHIR}/Medication`, () => HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry: [] })),
    http.post(
      `${FHIR}/MedicationRequest`,
      () => new HttpResponse(null, { status: 201, headers: { location: `${FHIR}/MedicationRequest/mr5/_history/1` } }),
    ),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('reports each failure with its status and reason, skips resources that refer to a failed one', async () => {
    const r = await seedPatient(createNodeFhirHttp(FHIR), {
      key: 'x',
      patient: patient({ id: 'x', given: 'X', family: 'Y' }),
      resources: [
        condition({ id: 'x-c', patientId: 'x', code: concept([], 'Fibromyalgia') }),
        medication({ id: 'x-med' }),
        medicationRequest({ id: 'x-mr', patientId: 'x', medication: { reference: 'Medication/x-med' } }),
        medicationRequest({
          id: 'x-mr2',
          patientId: 'x',
          medication: { concept: concept([rxnorm('197361', 'amlodipine 5 MG Oral Tablet')]) },
        }),
      ] as Resource[],
    });
    expect(r.patientId).toBe('p9');
    // What the command prints for each (src/entry/cli/strings.ts), and the facts behind it.
    const said = r.resources.map((x) => ({ ...x, ...(x.problem ? { problem: seedProblemWords(x.problem) } : {}) }));
    expect(said).toEqual([
      { fixtureRef: 'Patient/x', outcome: 'created', serverRef: 'Patient/p9' },
      {
        fixtureRef: 'Condition/x-c',
        outcome: 'failed',
        problem: expect.stringMatching(/422.*: Condition\.code is required here$/),
      },
      { fixtureRef: 'Medication/x-med', outcome: 'failed', problem: expect.stringMatching(/500/) },
      {
        fixtureRef: 'MedicationRequest/x-mr',
        outcome: 'skipped',
        problem: 'not sent: it refers to Medication/x-med, which failed',
      },
      { fixtureRef: 'MedicationRequest/x-mr2', outcome: 'created', serverRef: 'MedicationRequest/mr5' },
    ]);
    expect(r.resources[1]?.problem).toMatchObject({ code: 'create/refused', params: { status: 422 } });
  });
});

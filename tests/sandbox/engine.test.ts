/**
 * The thin layer over @medplum/fhir-router (shared/research/sandbox-fhir-engine.md, "Missing" items 1-7), run
 * in-process through createFhirEngine().handle, as MSW handlers do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, CapabilityStatement, MedicationRequest, OperationOutcome } from 'fhir/r4';
import { createFhirEngine, type FhirEngine } from '../../sandbox/fhir/engine.ts';
import {
  allergyIntolerance,
  appointment,
  concept,
  condition,
  medication,
  medicationDispense,
  medicationRequest,
  patient,
  procedure,
  rxnorm,
  serviceRequest,
} from '../../fixtures/factories.ts';

let engine: FhirEngine;
const get = (url: string) => engine.handle({ method: 'GET', url });
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  engine.handle({ method: 'POST', url, body, headers });
const issueText = (body: unknown) => (body as OperationOutcome).issue.map((i) => i.details?.text ?? '').join(' | ');

beforeAll(async () => {
  engine = createFhirEngine({ baseUrl: 'http://sandbox.test/fhir' });
  const med = medication({
    id: 'med-ox',
    code: concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]),
  });
  await engine.load([
    patient({ id: 'p1', given: 'Ann', family: 'One' }),
    patient({ id: 'p2', given: 'Bob', family: 'Two' }),
    med,
    ...Array.from({ length: 120 }, (_, i) =>
      medicationRequest({
        id: `mr-${i}`,
        patientId: 'p1',
        medication: { reference: 'Medication/med-ox' },
        authoredOn: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
        status: i % 2 ? 'active' : 'stopped',
      }),
    ),
    medicationRequest({ id: 'mr-p2', patientId: 'p2', medication: { concept: concept([], 'aspirin') } }),
    medicationDispense({
      id: 'md-1',
      patientId: 'p1',
      medication: { reference: 'Medication/med-ox' },
      whenHandedOver: '2020-02-01',
    }),
    condition({ id: 'c-1', patientId: 'p1', code: concept([], 'Fibromyalgia') }),
    allergyIntolerance({ id: 'al-1', patientId: 'p1', code: concept([], 'Naltrexone') }),
    serviceRequest({ id: 'sr-1', patientId: 'p1', code: concept([], 'Knee replacement'), occurrence: '2026-12-05' }),
    serviceRequest({ id: 'sr-2', patientId: 'p1', code: concept([], 'Knee replacement'), status: 'revoked' }),
    procedure({ id: 'pr-1', patientId: 'p1', code: concept([], 'Colonoscopy') }),
    appointment({ id: 'ap-1', patientId: 'p1', start: '2026-12-05T09:00:00Z', end: '2026-12-05T10:00:00Z' }),
    appointment({ id: 'ap-2', patientId: 'p1', start: '2026-10-05T09:00:00Z', end: '2026-10-05T10:00:00Z' }),
    appointment({ id: 'ap-p2', patientId: 'p2', start: '2026-12-05T09:00:00Z', end: '2026-12-05T10:00:00Z' }),
  ]);
}, 60_000);

describe('metadata (item 1)', () => {
  it('answers a CapabilityStatement for R4 listing the types, includes and conditional create', async () => {
    const res = await get('metadata');
    expect(res.status).toBe(200);
    const cs = res.body as CapabilityStatement;
    expect(cs.resourceType).toBe('CapabilityStatement');
    expect(cs.fhirVersion).toBe('4.0.1');
    const mr = cs.rest?.[0]?.resource?.find((r) => r.type === 'MedicationRequest');
    expect(mr?.searchInclude).toContain('MedicationRequest:medication');
    expect(mr?.conditionalCreate).toBe(true);
    expect(mr?.interaction?.map((i) => i.code)).toEqual(expect.arrayContaining(['read', 'search-type', 'create']));
    expect(mr?.searchParam?.map((p) => p.name)).toEqual(expect.arrayContaining(['patient', 'status', 'authoredon']));
    expect(cs.rest?.[0]?.security).toBeUndefined();
  });

  it('advertises the SMART oauth-uris when the base is protected', async () => {
    const secured = createFhirEngine({
      securityFor: (base) => ({ authorizeUrl: `${base}/../auth/authorize`, tokenUrl: `${base}/../auth/token` }),
    });
    const cs = (await secured.handle({ method: 'GET', url: 'metadata' })).body as CapabilityStatement;
    const security = cs.rest?.[0]?.security;
    expect(security?.service?.[0]?.coding?.[0]?.code).toBe('SMART-on-FHIR');
    const uris = security?.extension?.find(
      (e) => e.url === 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
    );
    expect(uris?.extension?.map((e) => e.url)).toEqual(['authorize', 'token']);
  });

  it('answers 404 for an unknown resource type instead of an empty Bundle', async () => {
    const res = await get('NotAType?patient=p1');
    expect(res.status).toBe(404);
    expect((res.body as OperationOutcome).resourceType).toBe('OperationOutcome');
  });
});

describe('allergies and planned procedures (issue 9 item 1)', () => {
  it('advertises AllergyIntolerance, ServiceRequest, Procedure and Appointment with the parameters the app searches by', async () => {
    const cs = (await get('metadata')).body as CapabilityStatement;
    const params = (type: string) =>
      cs.rest?.[0]?.resource?.find((r) => r.type === type)?.searchParam?.map((p) => p.name) ?? [];
    expect(params('AllergyIntolerance')).toContain('patient');
    for (const type of ['ServiceRequest', 'Procedure'])
      expect(params(type)).toEqual(expect.arrayContaining(['patient', 'status']));
    expect(params('Appointment')).toEqual(expect.arrayContaining(['patient', 'status', 'date']));
  });

  it("answers the app's searches: by patient, by status, and Appointments from a date on", async () => {
    const ids = async (url: string) => (((await get(url)).body as Bundle).entry ?? []).map((e) => e.resource?.id);
    expect(await ids('AllergyIntolerance?patient=p1')).toEqual(['al-1']);
    expect(await ids('ServiceRequest?patient=p1&status=draft,active')).toEqual(['sr-1']);
    expect(await ids('Procedure?patient=p1&status=preparation,in-progress')).toEqual(['pr-1']);
    expect(await ids('Appointment?patient=p1&status=proposed,pending,booked&date=ge2026-11-30')).toEqual(['ap-1']);
    expect(await ids('Appointment?patient=Patient/p2')).toEqual(['ap-p2']);
  });
});

describe('searchset Bundles (item 2)', () => {
  it('pages with a default _count of 50, total, self/next links, fullUrl and search.mode', async () => {
    const res = await get('MedicationRequest?patient=Patient/p1');
    const b = res.body as Bundle;
    expect(b.type).toBe('searchset');
    expect(b.total).toBe(120);
    expect(b.entry).toHaveLength(50);
    expect(b.entry?.[0]?.fullUrl).toBe(`http://sandbox.test/fhir/MedicationRequest/${b.entry?.[0]?.resource?.id}`);
    expect(b.entry?.every((e) => e.search?.mode === 'match')).toBe(true);
    const next = b.link?.find((l) => l.relation === 'next')?.url;
    expect(b.link?.find((l) => l.relation === 'self')?.url).toContain('_offset=0');
    expect(next).toContain('_offset=50');
  });

  it('follows next links to the last page, which has no next link, and sees every record once', async () => {
    const ids = new Set<string>();
    let url: string | undefined = 'MedicationRequest?patient=p1&_count=40';
    let pages = 0;
    while (url) {
      const b = (await get(url)).body as Bundle;
      b.entry?.forEach((e) => ids.add(e.resource?.id ?? ''));
      pages += 1;
      url = b.link?.find((l) => l.relation === 'next')?.url.replace('http://sandbox.test/fhir/', '');
    }
    expect(pages).toBe(3);
    expect(ids.size).toBe(120);
  });

  it('caps _count at 1000 and refuses a negative or non-numeric _offset', async () => {
    const b = (await get('MedicationRequest?patient=p1&_count=5000')).body as Bundle;
    expect(b.link?.find((l) => l.relation === 'self')?.url).toContain('_count=1000');
    expect((await get('MedicationRequest?patient=p1&_offset=-1')).status).toBe(400);
  });

  it('answers _summary=count with the total and no entries', async () => {
    const b = (await get('MedicationRequest?patient=p1&_summary=count')).body as Bundle;
    expect(b.total).toBe(120);
    expect(b.entry).toBeUndefined();
  });

  it('combines the patient filter with status and sort', async () => {
    const b = (await get('MedicationRequest?patient=p1&status=active&_sort=-authoredon&_count=200'))
      .body as Bundle<MedicationRequest>;
    expect(b.total).toBe(60);
    const dates = b.entry?.map((e) => e.resource?.authoredOn ?? '') ?? [];
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('_include (item 3)', () => {
  it('adds the referenced Medication once, with search.mode include', async () => {
    const b = (await get('MedicationRequest?patient=p1&_count=10&_include=MedicationRequest:medication'))
      .body as Bundle;
    const included = b.entry?.filter((e) => e.search?.mode === 'include') ?? [];
    expect(included.map((e) => e.resource?.id)).toEqual(['med-ox']);
    expect(included[0]?.fullUrl).toBe('http://sandbox.test/fhir/Medication/med-ox');
  });

  it('resolves MedicationDispense:medication too, and refuses an _include it does not support', async () => {
    const b = (await get('MedicationDispense?patient=p1&_include=MedicationDispense:medication')).body as Bundle;
    expect(b.entry?.some((e) => e.resource?.resourceType === 'Medication')).toBe(true);
    expect((await get('MedicationRequest?patient=p1&_include=*')).status).toBe(400);
  });
});

describe('search parameters (item 4)', () => {
  it('rewrites a bare patient id to Patient/<id>', async () => {
    const bare = (await get('MedicationRequest?patient=p2')).body as Bundle;
    const full = (await get('MedicationRequest?subject=Patient/p2')).body as Bundle;
    expect(bare.total).toBe(1);
    expect(full.total).toBe(1);
    expect(bare.entry?.[0]?.resource?.id).toBe('mr-p2');
  });

  it('searches by POST with form parameters like by GET', async () => {
    const res = await engine.handle({ method: 'POST', url: 'MedicationRequest/_search', body: 'patient=p2' });
    expect(res.status).toBe(200);
    expect((res.body as Bundle).total).toBe(1);
  });

  it('refuses an unknown search parameter with 400 naming it', async () => {
    const res = await get('MedicationRequest?patient=p1&colour=blue');
    expect(res.status).toBe(400);
    expect(issueText(res.body)).toContain('colour');
  });
});

describe('validation on write (item 6) and server-assigned ids (item 7)', () => {
  const valid = () =>
    medicationRequest({ patientId: 'p1', medication: { concept: concept([], 'naltrexone 1.5 mg capsule') } });

  it('stores a valid create under a server-assigned id with Location and ETag', async () => {
    const res = await post('MedicationRequest', { ...valid(), id: 'client-chose-this' });
    expect(res.status).toBe(201);
    const created = res.body as MedicationRequest;
    expect(created.id).not.toBe('client-chose-this');
    expect(res.headers['location']).toContain(`/MedicationRequest/${created.id}/_history/`);
    expect(res.headers['etag']).toMatch(/^W\/"/);
    expect((await get(`MedicationRequest/${created.id}`)).status).toBe(200);
  });

  it.each([
    ['a missing status', { status: undefined }, 'status'],
    ['a status outside the required value set', { status: 'bogus' }, 'status'],
    ['an intent outside the required value set', { intent: 'wish' }, 'intent'],
    ['an unknown property', { colour: 'red' }, 'colour'],
    ['a malformed dateTime', { authoredOn: '10/01/2026' }, 'authoredOn'],
  ])('refuses %s with 400 and an OperationOutcome', async (_label, change, field) => {
    const res = await post('MedicationRequest', { ...valid(), ...change });
    expect(res.status).toBe(400);
    expect((res.body as OperationOutcome).resourceType).toBe('OperationOutcome');
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('refuses a body that is not JSON and a body of another type', async () => {
    expect((await engine.handle({ method: 'POST', url: 'MedicationRequest', body: '{not json' })).status).toBe(400);
    expect((await post('MedicationRequest', patient({ given: 'X', family: 'Y' }))).status).toBe(400);
  });
});

describe('conditional create (If-None-Exist)', () => {
  it('creates once (201), then returns the same resource (200) for the same identifier', async () => {
    const body = {
      ...medicationRequest({ patientId: 'p1', medication: { concept: concept([], 'LDN 1.5 mg') } }),
      identifier: [{ system: 'urn:test:order', value: 'ord-42' }],
    };
    const first = await post('MedicationRequest', body, { 'If-None-Exist': 'identifier=urn:test:order|ord-42' });
    const second = await post('MedicationRequest', body, { 'If-None-Exist': 'identifier=urn:test:order|ord-42' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect((second.body as MedicationRequest).id).toBe((first.body as MedicationRequest).id);
    const count = (await get('MedicationRequest?identifier=urn:test:order|ord-42&_summary=count')).body as Bundle;
    expect(count.total).toBe(1);
  });

  it('refuses a condition with an unknown parameter instead of creating a duplicate', async () => {
    const res = await post(
      'MedicationRequest',
      medicationRequest({ patientId: 'p1', medication: { concept: concept([], 'x') } }),
      { 'If-None-Exist': 'idntifier=a|b' },
    );
    expect(res.status).toBe(400);
  });
});

describe('conditional update and delete', () => {
  it('updates the one match of a condition, with bare ids rewritten, and refuses an unknown parameter', async () => {
    const { id: _clientId, ...fields } = medicationRequest({
      patientId: 'p2',
      medication: { concept: concept([], 'LDN 3 mg') },
    });
    const body = { ...fields, identifier: [{ system: 'urn:test:order', value: 'upd-1' }] };
    const created = await post('MedicationRequest', body);
    expect(created.status).toBe(201);
    const id = (created.body as MedicationRequest).id;
    const updated = await engine.handle({
      method: 'PUT',
      url: 'MedicationRequest?identifier=urn:test:order|upd-1&patient=p2',
      body: { ...body, status: 'stopped' },
    });
    expect(updated.status).toBe(200);
    expect((updated.body as MedicationRequest).id).toBe(id);
    expect(((await get(`MedicationRequest/${id}`)).body as MedicationRequest).status).toBe('stopped');
    expect(
      (await engine.handle({ method: 'DELETE', url: 'MedicationRequest?identifer=urn:test:order|upd-1' })).status,
    ).toBe(400);
    expect(
      (await engine.handle({ method: 'DELETE', url: 'MedicationRequest?identifier=urn:test:order|upd-1' })).status,
    ).toBe(200);
    expect((await get(`MedicationRequest/${id}`)).status).toBe(404);
  });
});

describe('batch', () => {
  it('is refused unless enabled, and then advertised in metadata', async () => {
    expect((await post('', { resourceType: 'Bundle', type: 'batch', entry: [] })).status).toBe(400);
    const plain = (await get('metadata')).body as CapabilityStatement;
    expect(plain.rest?.[0]?.interaction ?? []).toEqual([]);
    const withBatch = createFhirEngine({ batch: true });
    const cs = (await withBatch.handle({ method: 'GET', url: 'metadata' })).body as CapabilityStatement;
    expect(cs.rest?.[0]?.interaction).toEqual([{ code: 'batch' }]);
  });

  it('answers each entry through the thin layer (bare ids, unknown parameters, 404) in a batch-response', async () => {
    const batchEngine = createFhirEngine({ batch: true, baseUrl: 'http://sandbox.test/fhir' });
    await batchEngine.load([
      patient({ id: 'p2', given: 'Bob', family: 'Two' }),
      medication({ id: 'med-ox', code: concept([], 'oxycodone') }),
      medicationRequest({ id: 'mr-p2', patientId: 'p2', medication: { concept: concept([], 'aspirin') } }),
    ]);
    const res = await batchEngine.handle({
      method: 'POST',
      url: '',
      body: {
        resourceType: 'Bundle',
        type: 'batch',
        entry: [
          { request: { method: 'GET', url: 'Medication/med-ox' } },
          { request: { method: 'GET', url: 'MedicationRequest?patient=p2' } },
          { request: { method: 'GET', url: 'MedicationRequest?colour=blue' } },
          { request: { method: 'GET', url: 'Medication/missing' } },
          {
            request: { method: 'POST', url: 'Condition' },
            resource: condition({ patientId: 'p2', code: concept([], 'Psoriasis') }),
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const b = res.body as Bundle;
    expect(b.type).toBe('batch-response');
    expect(b.entry?.map((e) => e.response?.status)).toEqual(['200', '200', '400', '404', '201']);
    expect((b.entry?.[1]?.resource as Bundle).total).toBe(1);
    expect(b.entry?.[4]?.response?.location).toContain('/Condition/');
  });

  it('refuses a transaction (the in-memory store cannot make it atomic)', async () => {
    const batchEngine = createFhirEngine({ batch: true });
    expect(
      (
        await batchEngine.handle({
          method: 'POST',
          url: '',
          body: { resourceType: 'Bundle', type: 'transaction', entry: [] },
        })
      ).status,
    ).toBe(400);
  });
});

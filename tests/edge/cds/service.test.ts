/** The CDS Hooks service over HTTP: discovery, each hook with prefetch, CORS, size limits, feedback. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdsPatient, DRAFTS, hookBody, prefetchOf } from './requests.ts';
import { startService, type TestService } from './support.ts';

let svc: TestService;
beforeAll(async () => {
  svc = await startService({ maxBodyBytes: 200_000 });
});
afterAll(() => svc.close());

const onLdn = cdsPatient('ldn-cds-on-ldn-opioid-order');
const onOpioid = cdsPatient('ldn-cds-on-opioid-ldn-order');
const other = cdsPatient('ldn-cds-on-ldn-other-order');

describe('discovery', () => {
  it('lists order-select, order-sign and patient-view with the prefetch templates, without a token', async () => {
    const res = await fetch(`${svc.base}/cds-services`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const { services } = (await res.json()) as {
      services: { hook: string; id: string; prefetch: Record<string, string> }[];
    };
    expect(services.map((s) => s.hook)).toEqual(['order-select', 'order-sign', 'patient-view']);
    for (const s of services) {
      expect(Object.keys(s.prefetch).sort()).toEqual([
        'allergies',
        'appointments',
        'conditions',
        'medicationAdministrations',
        'medicationDispenses',
        'medicationRequests',
        'medicationStatements',
        'patient',
        'procedures',
        'serviceRequests',
      ]);
      expect(s.prefetch.medicationStatements).toBe(
        'MedicationStatement?patient={{context.patientId}}&_include=MedicationStatement:medication',
      );
    }
  });

  it('answers the CORS preflight for Authorization and Content-Type', async () => {
    const res = await fetch(`${svc.base}/cds-services/ldn-order-select`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://sandbox.cds-hooks.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });
});

describe('hooks with prefetch', () => {
  it('order-select: oxycodone for the patient on LDN gives a critical card naming the LDN order', async () => {
    const res = await svc.post(
      '/cds-services/ldn-order-select',
      hookBody('order-select', onLdn.id, [DRAFTS.oxycodone(onLdn.id)], prefetchOf(onLdn)),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const { cards } = (await res.json()) as {
      cards: {
        indicator: string;
        summary: string;
        uuid: string;
        suggestions?: { actions: { resource: { id: string; status: string } }[] }[];
      }[];
    };
    expect(cards).toHaveLength(1);
    expect(cards[0]!.indicator).toBe('critical');
    expect(cards[0]!.summary).toContain('Naltrexone HCl 4.5 mg');
    expect(cards[0]!.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(cards[0]!.suggestions?.[0]?.actions[0]?.resource).toMatchObject({
      id: 'ldn-cds-on-ldn-opioid-order-ldn',
      status: 'on-hold',
    });
  });

  it('order-sign: LDN for the patient on tramadol gives a critical card with the window end and a smart link', async () => {
    const res = await svc.post(
      '/cds-services/ldn-order-sign',
      hookBody('order-sign', onOpioid.id, [DRAFTS.ldn(onOpioid.id)], prefetchOf(onOpioid)),
    );
    const { cards } = (await res.json()) as {
      cards: { indicator: string; summary: string; links: { type: string; url: string }[] }[];
    };
    expect(cards.map((c) => c.indicator)).toEqual(['critical']);
    expect(cards[0]!.summary).toMatch(/opioid-free from \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    expect(cards[0]!.links).toEqual([expect.objectContaining({ type: 'smart', url: 'https://app.example/launch/' })]);
  });

  it('order-select: a non-opioid for the patient on LDN gives no card; an empty draft neither', async () => {
    const res = await svc.post(
      '/cds-services/ldn-order-select',
      hookBody('order-select', other.id, [DRAFTS.ibuprofen(other.id)], prefetchOf(other)),
    );
    expect(await res.json()).toEqual({ cards: [] });
    const blank = {
      resourceType: 'MedicationRequest',
      id: 'x',
      status: 'draft',
      category: { text: 'outpatient' },
      subject: { reference: `Patient/${other.id}` },
    };
    const res2 = await svc.post(
      '/cds-services/ldn-order-select',
      hookBody('order-select', other.id, [blank as never], prefetchOf(other)),
    );
    expect(await res2.json()).toEqual({ cards: [] });
  });

  it('patient-view: speaks for LDN with an opioid, silent for LDN alone', async () => {
    const both = {
      ...onLdn,
      resources: [
        ...onLdn.resources,
        ...onOpioid.resources
          .filter((r) => r.resourceType === 'MedicationRequest')
          .map((r) => ({ ...r, subject: { reference: `Patient/${onLdn.id}` } })),
      ],
    };
    const res = await svc.post(
      '/cds-services/ldn-patient-view',
      hookBody('patient-view', onLdn.id, [], prefetchOf(both)),
    );
    const { cards } = (await res.json()) as { cards: { indicator: string }[] };
    expect(cards.map((c) => c.indicator)).toEqual(['critical']);
    const alone = await svc.post(
      '/cds-services/ldn-patient-view',
      hookBody('patient-view', onLdn.id, [], prefetchOf(onLdn)),
    );
    expect(await alone.json()).toEqual({ cards: [] });
  });

  it('says the check was incomplete when prefetch is missing and there is no fhirServer', async () => {
    const res = await svc.post(
      '/cds-services/ldn-order-select',
      hookBody('order-select', onLdn.id, [DRAFTS.oxycodone(onLdn.id)]),
    );
    const { cards } = (await res.json()) as { cards: { indicator: string; summary: string }[] };
    expect(cards).toEqual([
      expect.objectContaining({ indicator: 'warning', summary: expect.stringMatching(/incomplete/) }),
    ]);
  });

  it('an opioid order depends on the medication keys only: no allergies or appointments sent is no gap for it', async () => {
    const { allergies: _a, appointments: _b, ...rest } = prefetchOf(onLdn);
    const res = await svc.post(
      '/cds-services/ldn-order-select',
      hookBody('order-select', onLdn.id, [DRAFTS.oxycodone(onLdn.id)], rest),
    );
    const { cards } = (await res.json()) as { cards: { indicator: string }[] };
    expect(cards.map((c) => c.indicator)).toEqual(['critical']);
    // The same gap matters for a naltrexone order (allergy and surgery rules): the card says the check was incomplete.
    const res2 = await svc.post(
      '/cds-services/ldn-order-select',
      hookBody('order-select', other.id, [DRAFTS.ldn(other.id)], (({ allergies: _c, ...r }) => r)(prefetchOf(other))),
    );
    const out = (await res2.json()) as { cards: { indicator: string; detail: string }[] };
    expect(out.cards.map((c) => c.indicator)).toEqual(['warning']);
    expect(out.cards[0]!.detail).toContain('AllergyIntolerance');
  });

  it('drops prefetched records of another patient and says so', async () => {
    const res = await svc.post(
      '/cds-services/ldn-order-select',
      hookBody('order-select', 'someone-else', [DRAFTS.oxycodone('someone-else')], prefetchOf(onLdn)),
    );
    const { cards } = (await res.json()) as { cards: { indicator: string; detail: string }[] };
    expect(cards.map((c) => c.indicator)).toEqual(['warning']);
    expect(cards[0]!.detail).toMatch(/another patient/);
  });

  it('rejects a wrong hook, a missing patientId and a body that is not JSON with 400', async () => {
    expect((await svc.post('/cds-services/ldn-order-select', hookBody('patient-view', onLdn.id, []))).status).toBe(400);
    expect((await svc.post('/cds-services/ldn-order-select', { hook: 'order-select', context: {} })).status).toBe(400);
    expect((await svc.post('/cds-services/ldn-order-select', 'not json')).status).toBe(400);
    expect((await svc.post('/cds-services/nope', {})).status).toBe(404);
  });

  it('refuses a body over the size limit with 413', async () => {
    const big = hookBody('order-select', onLdn.id, [DRAFTS.oxycodone(onLdn.id)], {
      ...prefetchOf(onLdn),
      padding: 'x'.repeat(300_000),
    });
    const res = await svc.post('/cds-services/ldn-order-select', big);
    expect(res.status).toBe(413);
  });
});

describe('feedback', () => {
  it('records accepted and overridden cards with the reason, and each issued card by topic only', async () => {
    const res = await svc.post(
      '/cds-services/ldn-order-sign',
      hookBody('order-sign', onLdn.id, [DRAFTS.oxycodone(onLdn.id)], prefetchOf(onLdn)),
    );
    const { cards } = (await res.json()) as { cards: { uuid: string; overrideReasons: unknown[] }[] };
    const card = cards[0]!;
    const issued = svc.store.records.find((r) => r.type === 'card' && r.card === card.uuid);
    expect(issued).toMatchObject({
      type: 'card',
      service: 'ldn-order-sign',
      topic: 'opioid-on-naltrexone',
      indicator: 'critical',
    });
    expect(JSON.stringify(issued)).not.toContain(onLdn.id);
    const fb = {
      feedback: [
        {
          card: card.uuid,
          outcome: 'overridden',
          overrideReason: { reason: card.overrideReasons[0], userComment: 'post-op, monitored' },
          outcomeTimestamp: new Date().toISOString(),
        },
      ],
    };
    const ok = await svc.post('/cds-services/ldn-order-sign/feedback', fb);
    expect(ok.status).toBe(200);
    expect(svc.store.records.at(-1)).toMatchObject({
      type: 'feedback',
      card: card.uuid,
      outcome: 'overridden',
      overrideReason: { reason: { code: 'emergency' }, userComment: 'post-op, monitored' },
    });
    const bad = await svc.post('/cds-services/ldn-order-sign/feedback', {
      feedback: [{ card: card.uuid, outcome: 'ignored' }],
    });
    expect(bad.status).toBe(400);
    expect((await svc.post('/cds-services/ldn-order-sign/feedback', fb, null)).status).toBe(401);
  });
});

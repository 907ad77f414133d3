/**
 * The sandbox's server profiles over HTTP (issue 12 item 4): `profile=` on a launch reshapes the protected base as
 * sandbox/README.md documents: epic-like (no _include, 50 per page, opaque cursors, no MedicationStatement, order
 * and DetectedIssue writes refused, active orders unless a status is named), oracle-like (order create only as a
 * reported medication, no DetectedIssue), hapi-like (HAPI's _getpages links, default page 20, total on every page),
 * full (unchanged). The open base is never reshaped, so it serves as the reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, MedicationRequest, OperationOutcome } from 'fhir/r4';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import { EPIC_MAX_PAGE, HAPI_DEFAULT_PAGE } from '../../sandbox/gateway/profiles.ts';
import { offsetPlan } from '../../src/edge/fhir/offset-pages.ts';
import { ehrLaunchToken, fhirGet, outcomeText } from './support.ts';
import { readChart, type ReadStats } from '../../src/edge/chart-reader.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import type { Chart } from '../../src/core/chart.ts';

let s: SandboxHandle;
const LARGE = 'ldn-large-chart';
const STATUSES = 'active,on-hold,cancelled,completed,entered-in-error,stopped,draft,unknown';

beforeAll(async () => {
  s = await startSandbox({ port: 0, appDir: null, quiet: true });
  await s.ready;
}, 60_000);
afterAll(() => s?.close());

const tokenFor = async (patient: string, profile: string): Promise<string> =>
  (await ehrLaunchToken(s, patient, { profile })).access_token;

async function bundle(res: Response): Promise<Bundle> {
  expect(res.status).toBe(200);
  return (await res.json()) as Bundle;
}

/** Follows next links from `path`; returns the match ids and every page's Bundle. */
async function readAll(token: string, path: string): Promise<{ ids: string[]; pages: Bundle[] }> {
  const ids: string[] = [];
  const pages: Bundle[] = [];
  let url: string | undefined = path;
  while (url && pages.length < 200) {
    const b = await bundle(await fhirGet(s, token, url));
    pages.push(b);
    for (const e of b.entry ?? [])
      if (e.search?.mode !== 'include') ids.push(`${e.resource?.resourceType}/${e.resource?.id}`);
    url = b.link?.find((l) => l.relation === 'next')?.url;
  }
  return { ids, pages };
}

/** Every match id of a search on the open base (the unprofiled reference). */
async function openIds(path: string): Promise<string[]> {
  const ids: string[] = [];
  let url: string | undefined = `${s.openFhirBase}/${path}&_count=1000`;
  while (url) {
    const b = (await (await fetch(url)).json()) as Bundle;
    ids.push(...(b.entry ?? []).map((e) => `${e.resource?.resourceType}/${e.resource?.id}`));
    url = b.link?.find((l) => l.relation === 'next')?.url;
  }
  return ids;
}

const post = (token: string, type: string, body: unknown): Promise<Response> =>
  fhirGet(s, token, type, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/fhir+json' },
  });

function fullOrder(patient: string): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    subject: { reference: `Patient/${patient}` },
    contained: [
      { resourceType: 'Medication', id: 'ldn', code: { text: 'naltrexone 1 mg/mL oral suspension (compounded)' } },
    ],
    medicationReference: { reference: '#ldn' },
    dosageInstruction: [
      { sequence: 1, text: '1.5 mg daily for 7 days' },
      { sequence: 2, text: '3 mg daily for 7 days' },
    ],
  };
}

function reportedOrder(patient: string): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    reportedBoolean: true,
    subject: { reference: `Patient/${patient}` },
    medicationCodeableConcept: { text: 'naltrexone 1 mg/mL oral suspension (compounded)' },
    dosageInstruction: [{ text: 'Step 1: 1.5 mg daily for 7 days Step 2: 3 mg daily for 7 days' }],
  };
}

describe('profile option', () => {
  it('an unknown profile is refused by name; the launcher form offers the four', async () => {
    const res = await fetch(`${s.origin}/launch?patient=ldn-fibromyalgia&profile=cerner`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(
      'profile &quot;cerner&quot; is not one of full, epic-like, oracle-like, hapi-like',
    );
    const page = await (await fetch(`${s.origin}/`)).text();
    for (const p of ['full', 'epic-like', 'oracle-like', 'hapi-like']) expect(page).toContain(`<option value="${p}">`);
  });

  it('the /ehr frame carries the profile to the launch', async () => {
    const html = await (await fetch(`${s.origin}/ehr?patient=ldn-fibromyalgia&profile=epic-like`)).text();
    expect(html).toMatch(/src="\/launch\?[^"]*profile=epic-like/);
  });
});

describe('full (the default)', () => {
  it('resolves _include and pages by _offset', async () => {
    const token = await tokenFor(LARGE, 'full');
    const b = await bundle(
      await fhirGet(s, token, `MedicationRequest?patient=${LARGE}&_count=100&_include=MedicationRequest:medication`),
    );
    expect(b.entry?.some((e) => e.search?.mode === 'include')).toBe(true);
    expect(b.link?.find((l) => l.relation === 'next')?.url).toContain('_offset=100');
  });
});

describe('epic-like', () => {
  it('answers a search with _include with 400 and an OperationOutcome; the same search without it works', async () => {
    const token = await tokenFor('ldn-fibromyalgia', 'epic-like');
    const res = await fhirGet(
      s,
      token,
      'MedicationRequest?patient=ldn-fibromyalgia&_include=MedicationRequest:medication',
    );
    expect(res.status).toBe(400);
    expect(await outcomeText(res)).toContain('_include is not supported');
    expect((await fhirGet(s, token, 'MedicationRequest?patient=ldn-fibromyalgia')).status).toBe(200);
  });

  it('does not serve MedicationStatement (404 with an OperationOutcome)', async () => {
    const token = await tokenFor('ldn-fibromyalgia', 'epic-like');
    const res = await fhirGet(s, token, 'MedicationStatement?patient=ldn-fibromyalgia');
    expect(res.status).toBe(404);
    const body = (await res.json()) as OperationOutcome;
    expect(body.issue[0]?.code).toBe('not-supported');
  });

  it('gives at most 50 entries a page whatever _count asks, with opaque next links that reach every record once', async () => {
    const token = await tokenFor(LARGE, 'epic-like');
    const { ids, pages } = await readAll(token, `MedicationRequest?patient=${LARGE}&status=${STATUSES}&_count=1000`);
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) expect((p.entry ?? []).length).toBeLessThanOrEqual(EPIC_MAX_PAGE);
    const next = pages[0]!.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(next).toMatch(/\/MedicationRequest\?sessionID=[0-9a-f]{32}$/);
    expect(next).not.toMatch(/_offset|_count|patient=/);
    // The app's planner must not take it for offset paging.
    expect(offsetPlan(next, pages[0]!.total ?? 0, 50)).toBeUndefined();
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual((await openIds(`MedicationRequest?patient=${LARGE}&status=${STATUSES}`)).sort());
  });

  it("a cursor belongs to its launch: another launch's token gets 400", async () => {
    const a = await tokenFor(LARGE, 'epic-like');
    const b = await tokenFor(LARGE, 'epic-like');
    const first = await bundle(await fhirGet(s, a, `Condition?patient=${LARGE}`));
    const next = first.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(next).toContain('sessionID=');
    const res = await fhirGet(s, b, next);
    expect(res.status).toBe(400);
    expect(await outcomeText(res)).toContain('paging session is unknown or expired');
  });

  it('returns only active MedicationRequests unless the search names a status', async () => {
    const patient = 'ldn-ms-tramadol-stopped';
    const token = await tokenFor(patient, 'epic-like');
    const plain = await bundle(await fhirGet(s, token, `MedicationRequest?patient=${patient}`));
    expect((plain.entry ?? []).map((e) => (e.resource as MedicationRequest).status)).not.toContain('stopped');
    const named = await bundle(await fhirGet(s, token, `MedicationRequest?patient=${patient}&status=${STATUSES}`));
    expect((named.entry ?? []).map((e) => e.resource?.id)).toContain(`${patient}-mr1`);
  });

  it('refuses MedicationRequest and DetectedIssue creates with 403 and an OperationOutcome, and stores nothing', async () => {
    const patient = 'ldn-fibromyalgia';
    const token = await tokenFor(patient, 'epic-like');
    const before = (await openIds(`MedicationRequest?patient=${patient}`)).length;
    for (const body of [fullOrder(patient), reportedOrder(patient)]) {
      const res = await post(token, 'MedicationRequest', body);
      expect(res.status).toBe(403);
      expect(await outcomeText(res)).toContain('MedicationRequest writes are not available');
    }
    const di = await post(token, 'DetectedIssue', {
      resourceType: 'DetectedIssue',
      status: 'final',
      patient: { reference: `Patient/${patient}` },
    });
    expect(di.status).toBe(403);
    expect((await openIds(`MedicationRequest?patient=${patient}`)).length).toBe(before);
  });
});

describe('oracle-like', () => {
  const patient = 'ldn-fibromyalgia';

  it('refuses the full order with 422 naming each rule it breaks', async () => {
    const token = await tokenFor(patient, 'oracle-like');
    const res = await post(token, 'MedicationRequest', fullOrder(patient));
    expect(res.status).toBe(422);
    const texts = ((await res.json()) as OperationOutcome).issue.map((i) => i.details?.text ?? '');
    expect(texts.some((t) => t.startsWith('reportedBoolean must be true'))).toBe(true);
    expect(texts.some((t) => t.startsWith('the medication must be given as medicationCodeableConcept'))).toBe(true);
    expect(texts.some((t) => t.startsWith('exactly one dosageInstruction'))).toBe(true);
  });

  it.each([
    ['intent proposal', { intent: 'proposal' }, 'intent must be order or plan'],
    ['status draft', { status: 'draft' }, 'status must be active'],
    ['two dosage instructions', { dosageInstruction: [{ text: 'a' }, { text: 'b' }] }, 'exactly one dosageInstruction'],
  ])('refuses a reported medication with %s (422)', async (_name, change, message) => {
    const token = await tokenFor(patient, 'oracle-like');
    const res = await post(token, 'MedicationRequest', { ...reportedOrder(patient), ...change });
    expect(res.status).toBe(422);
    expect(await outcomeText(res)).toContain(message);
  });

  it('accepts the reported medication (intent order or plan) and stores it as sent', async () => {
    const token = await tokenFor(patient, 'oracle-like');
    for (const intent of ['order', 'plan'] as const) {
      const res = await post(token, 'MedicationRequest', { ...reportedOrder(patient), intent });
      expect(res.status).toBe(201);
      const created = (await res.json()) as MedicationRequest;
      const stored = (await (
        await fetch(`${s.openFhirBase}/MedicationRequest/${created.id}`)
      ).json()) as MedicationRequest;
      expect(stored.reportedBoolean).toBe(true);
      expect(stored.intent).toBe(intent);
      expect(stored.dosageInstruction).toHaveLength(1);
      expect((await fetch(`${s.openFhirBase}/MedicationRequest/${created.id}`, { method: 'DELETE' })).ok).toBe(true);
    }
  });

  it('does not support DetectedIssue (404 with an OperationOutcome), search or create', async () => {
    const token = await tokenFor(patient, 'oracle-like');
    const create = await post(token, 'DetectedIssue', {
      resourceType: 'DetectedIssue',
      status: 'final',
      patient: { reference: `Patient/${patient}` },
    });
    expect(create.status).toBe(404);
    expect(await outcomeText(create)).toContain('DetectedIssue is not a supported resource');
    expect((await fhirGet(s, token, `DetectedIssue?patient=${patient}`)).status).toBe(404);
  });
});

describe('hapi-like', () => {
  it('pages by 20 by default with _getpages links on the base, and total on every page', async () => {
    const token = await tokenFor(LARGE, 'hapi-like');
    const { ids, pages } = await readAll(token, `Condition?patient=${LARGE}`);
    expect(pages[0]!.entry).toHaveLength(HAPI_DEFAULT_PAGE);
    const next = pages[0]!.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(next).toMatch(
      new RegExp(`^${s.fhirBase}\\?_getpages=[0-9a-f]{32}&_getpagesoffset=20&_count=20&_bundletype=searchset$`),
    );
    for (const p of pages) expect(p.total).toBe(ids.length);
    expect([...ids].sort()).toEqual((await openIds(`Condition?patient=${LARGE}`)).sort());
  });

  it('its links are the offset paging the app plans ahead: the planned pages, read at once, give every record', async () => {
    const token = await tokenFor(LARGE, 'hapi-like');
    const first = await bundle(
      await fhirGet(s, token, `MedicationRequest?patient=${LARGE}&status=${STATUSES}&_count=200`),
    );
    const next = first.link?.find((l) => l.relation === 'next')?.url ?? '';
    const plan = offsetPlan(next, first.total ?? 0, 49);
    expect(plan?.urls.length).toBe(Math.ceil((first.total ?? 0) / 200) - 1);
    const rest = await Promise.all((plan?.urls ?? []).map(async (u) => bundle(await fhirGet(s, token, u))));
    const ids = [first, ...rest].flatMap((b) =>
      (b.entry ?? []).filter((e) => e.search?.mode !== 'include').map((e) => `MedicationRequest/${e.resource?.id}`),
    );
    expect(ids.length).toBe(first.total);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('an unknown search id answers 410 with an OperationOutcome', async () => {
    const token = await tokenFor(LARGE, 'hapi-like');
    const res = await fhirGet(
      s,
      token,
      `${s.fhirBase}?_getpages=0123456789abcdef0123456789abcdef&_getpagesoffset=20&_count=20`,
    );
    expect(res.status).toBe(410);
    expect(await outcomeText(res)).toContain('does not exist');
  });
});

describe("the app's chart reader under each profile", () => {
  /** Reads the chart as the app does, through the protected base with a launch under `profile`. */
  async function read(patient: string, profile: string): Promise<{ chart: Chart; stats: ReadStats }> {
    // The app's read scopes cover every type it searches (support.ts's APP_SCOPES_V2 predates some of them).
    const token = (await ehrLaunchToken(s, patient, { profile }, 'launch openid fhirUser patient/*.rs')).access_token;
    let stats: ReadStats | undefined;
    const chart = await readChart(createNodeFhirHttp(s.fhirBase, { token }), patient, { onStats: (x) => (stats = x) });
    return { chart, stats: stats! };
  }
  const ids = (c: Chart) =>
    [...c.medicationRequests, ...c.medicationDispenses, ...c.conditions].map((r) => `${r.resourceType}/${r.id}`).sort();

  it('epic-like: the one gap is the refused MedicationStatement search; everything else is read as under full', async () => {
    const patient = 'ldn-ms-tramadol-stopped';
    const full = await read(patient, 'full');
    const epic = await read(patient, 'epic-like');
    expect(full.chart.gaps).toEqual([]);
    expect(epic.chart.gaps.map((g) => `${g.resourceType}:${g.reason}`)).toEqual([
      `MedicationStatement:${epic.chart.gaps[0]?.reason}`,
    ]);
    expect(ids(epic.chart)).toEqual(ids(full.chart));
    // The stopped tramadol order is read although the profile defaults to active orders.
    expect(epic.chart.medicationRequests.map((r) => r.id)).toContain(`${patient}-mr1`);
  });

  it('epic-like: a type with more than 50 pages of 50 stops at the page limit and is a truncated gap', async () => {
    const { chart } = await read(LARGE, 'epic-like');
    expect(chart.gaps.some((g) => g.resourceType === 'MedicationRequest' && g.reason === 'truncated')).toBe(true);
  });

  it('hapi-like: the large chart is read in full, its pages planned ahead', async () => {
    const full = await read(LARGE, 'full');
    const hapi = await read(LARGE, 'hapi-like');
    expect(hapi.chart.gaps).toEqual([]);
    expect(ids(hapi.chart)).toEqual(ids(full.chart));
    // Planned ahead: as few round trips as the _offset links of full (following next links one by one takes more).
    expect(hapi.stats.pages.MedicationRequest).toBeGreaterThan(2);
    expect(hapi.stats.roundTrips).toBe(full.stats.roundTrips);
    console.log(
      `[profiles] large chart round trips: full ${full.stats.roundTrips}, hapi-like ${hapi.stats.roundTrips}; requests ${full.stats.requests} / ${hapi.stats.requests}`,
    );
  });

  it('oracle-like reads as full', async () => {
    const full = await read('ldn-fibromyalgia', 'full');
    const oracle = await read('ldn-fibromyalgia', 'oracle-like');
    expect(oracle.chart.gaps).toEqual([]);
    expect(ids(oracle.chart)).toEqual(ids(full.chart));
  });
});

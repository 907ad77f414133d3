/**
 * Scope enforcement on every /fhir request: a bearer token is required, the interaction must be granted, and
 * patient/ scopes keep the token inside its patient's compartment. /open/fhir has no authorization at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import { ehrLaunchToken, fhirGet, outcomeText } from './support.ts';
import { concept, minimalDetectedIssue, medicationRequest } from './support-resources.ts';
import { requestedScopes } from '../../src/core/smart/scopes.ts';
import { appointment } from '../../fixtures/factories.ts';

let s: SandboxHandle;
let token: string;
const ME = 'ldn-crohns-oxycodone';
const OTHER = 'ldn-fibromyalgia';

beforeAll(async () => {
  s = await startSandbox({ port: 0, appDir: null, quiet: true });
  token = (await ehrLaunchToken(s, ME)).access_token;
}, 60_000);
afterAll(() => s?.close());

const post = (t: string, path: string, body: unknown) =>
  fhirGet(s, t, path, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify(body),
  });

describe('authentication', () => {
  it('answers 401 with WWW-Authenticate when no bearer token is sent', async () => {
    const res = await fhirGet(s, undefined, `Condition?patient=${ME}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await outcomeText(res)).toContain('access token');
  });

  it('answers 401 invalid_token for a token it never issued', async () => {
    const res = await fhirGet(s, 'made-up-token', `Condition?patient=${ME}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });
});

describe('granted scopes', () => {
  it('allows the reads and searches the app asks for', async () => {
    for (const path of [
      `Patient/${ME}`,
      `Condition?patient=${ME}`,
      `MedicationRequest?patient=Patient/${ME}&_include=MedicationRequest:medication`,
      `MedicationDispense?subject=${ME}`,
    ]) {
      expect((await fhirGet(s, token, path)).status, path).toBe(200);
    }
  });

  it('refuses a type outside the scopes with 403 and an OperationOutcome naming the missing scope', async () => {
    const res = await fhirGet(s, token, `Observation?patient=${ME}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toContain('insufficient_scope');
    expect(await outcomeText(res)).toContain('patient/Observation.s');
  });

  it('allows creating a MedicationRequest (patient/MedicationRequest.c) but refuses update and delete', async () => {
    const created = await post(
      token,
      'MedicationRequest',
      medicationRequest({
        patientId: ME,
        medication: { concept: concept([], 'naltrexone 1.5 mg capsule (compounded)') },
      }),
    );
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    const update = await fhirGet(s, token, `MedicationRequest/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'MedicationRequest', id }),
    });
    expect(update.status).toBe(403);
    expect(await outcomeText(update)).toContain('patient/MedicationRequest.u');
    const del = await fhirGet(s, token, `MedicationRequest/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(403);
  });

  it('refuses a write when only read scopes were granted', async () => {
    const readOnly = (await ehrLaunchToken(s, ME, {}, 'launch patient/MedicationRequest.rs patient/DetectedIssue.rs'))
      .access_token;
    const res = await post(readOnly, 'DetectedIssue', minimalDetectedIssue(ME));
    expect(res.status).toBe(403);
    expect(await outcomeText(res)).toContain('patient/DetectedIssue.c');
  });

  it('narrows the granted scopes to the launch option scope=', async () => {
    const narrowed = await ehrLaunchToken(s, ME, { scope: 'patient/Condition.rs patient/Patient.r' });
    expect(
      narrowed.scope
        .split(' ')
        .filter((x) => x.startsWith('patient/'))
        .sort(),
    ).toEqual(['patient/Condition.rs', 'patient/Patient.r']);
    expect((await fhirGet(s, narrowed.access_token, `Condition?patient=${ME}`)).status).toBe(200);
    expect((await fhirGet(s, narrowed.access_token, `MedicationRequest?patient=${ME}`)).status).toBe(403);
    expect((await fhirGet(s, narrowed.access_token, `Patient?_id=${ME}`)).status).toBe(403);
  });

  it('refuses a system-level search', async () => {
    expect((await fhirGet(s, token, `?_type=Condition`)).status).toBe(403);
  });

  it('checks every entry of a batch on its own: allowed reads answer, the rest get 403 entries', async () => {
    const batch = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { request: { method: 'GET', url: `Patient/${ME}` } },
        { request: { method: 'GET', url: `Condition/${OTHER}-c1` } },
        { request: { method: 'GET', url: `Observation?patient=${ME}` } },
        { request: { method: 'GET', url: `MedicationRequest?patient=${ME}` } },
      ],
    };
    const res = await post(token, '', batch);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      type: string;
      entry: { resource?: { resourceType: string }; response: { status: string } }[];
    };
    expect(body.type).toBe('batch-response');
    expect(body.entry.map((e) => e.response.status)).toEqual(['200', '403', '403', '200']);
    expect(body.entry[0]?.resource?.resourceType).toBe('Patient');
    expect(body.entry[3]?.resource?.resourceType).toBe('Bundle');
  });
});

describe('the patient compartment', () => {
  it("refuses a search for another patient's data", async () => {
    const res = await fhirGet(s, token, `MedicationRequest?patient=${OTHER}`);
    expect(res.status).toBe(403);
    expect(await outcomeText(res)).toContain(`Patient/${ME}`);
  });

  it('applies the same rule to a search by POST (form parameters)', async () => {
    const search = (patientId: string) =>
      fhirGet(s, token, 'Condition/_search', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ patient: patientId }).toString(),
      });
    expect((await search(ME)).status).toBe(200);
    expect((await search(OTHER)).status).toBe(403);
  });

  it('refuses a search that is not restricted to the launch patient', async () => {
    expect((await fhirGet(s, token, 'Condition')).status).toBe(403);
    expect((await fhirGet(s, token, `Condition?patient=${ME},${OTHER}`)).status).toBe(403);
  });

  it("refuses a read of another patient's resources", async () => {
    expect((await fhirGet(s, token, `Patient/${OTHER}`)).status).toBe(403);
    expect((await fhirGet(s, token, `Condition/${OTHER}-c1`)).status).toBe(403);
  });

  it('refuses a create for another patient', async () => {
    const res = await post(
      token,
      'MedicationRequest',
      medicationRequest({ patientId: OTHER, medication: { concept: concept([], 'naltrexone 1 mg') } }),
    );
    expect(res.status).toBe(403);
  });

  it('lets Medication resources (outside any compartment) be read', async () => {
    const t = (await ehrLaunchToken(s, 'ldn-contrave')).access_token;
    expect((await fhirGet(s, t, 'Medication/ldn-contrave-med1')).status).toBe(200);
  });
});

describe('allergies and planned procedures (issue 9)', () => {
  const today = new Date().toISOString().slice(0, 10);
  const searches = (p: string) => [
    `AllergyIntolerance?patient=${p}`,
    `ServiceRequest?patient=${p}&status=draft,active`,
    `Procedure?patient=${p}&status=preparation,in-progress`,
    `Appointment?patient=${p}&status=proposed,pending,booked&date=ge${today}`,
  ];

  it("answers the app's four new searches with the scopes it requests, in v2 and in v1 form", async () => {
    for (const version of ['v2', 'v1'] as const) {
      const t = (await ehrLaunchToken(s, ME, {}, requestedScopes('ehr', version))).access_token;
      for (const path of searches(ME)) expect((await fhirGet(s, t, path)).status, `${version} ${path}`).toBe(200);
    }
  });

  it('refuses them with 403 naming the scope when a token lacks it', async () => {
    const narrowed = (await ehrLaunchToken(s, ME, { scope: 'patient/Condition.rs patient/Patient.rs' })).access_token;
    for (const path of searches(ME)) {
      const res = await fhirGet(s, narrowed, path);
      expect(res.status, path).toBe(403);
      expect(await outcomeText(res)).toContain(`patient/${path.split('?')[0]}.s`);
    }
  });

  it("keeps Appointments inside the patient compartment: another patient's are neither searched nor read", async () => {
    const created = await fetch(`${s.openFhirBase}/Appointment`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify(appointment({ patientId: OTHER, start: `${today}T10:00:00Z`, end: `${today}T11:00:00Z` })),
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    const t = (await ehrLaunchToken(s, ME, {}, requestedScopes('ehr', 'v2'))).access_token;
    expect((await fhirGet(s, t, `Appointment?patient=${OTHER}`)).status).toBe(403);
    expect((await fhirGet(s, t, 'Appointment?status=booked')).status).toBe(403);
    expect((await fhirGet(s, t, `Appointment/${id}`)).status).toBe(403);
    const own = (await (await fhirGet(s, t, `Appointment?patient=${ME}`)).json()) as {
      entry?: { resource: { id: string } }[];
    };
    expect((own.entry ?? []).map((e) => e.resource.id)).not.toContain(id);
  });
});

describe('the open endpoint', () => {
  it('serves any patient without a token', async () => {
    const res = await fetch(`${s.openFhirBase}/Condition?patient=${OTHER}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);
  });

  it('has no SMART configuration and no rest.security', async () => {
    expect((await fetch(`${s.openFhirBase}/.well-known/smart-configuration`)).status).toBe(404);
    const cs = (await (await fetch(`${s.openFhirBase}/metadata`)).json()) as { rest: { security?: unknown }[] };
    expect(cs.rest[0]?.security).toBeUndefined();
  });
});

/**
 * If-None-Exist stays inside the token's patient compartment (issue 10 item 6): a create-scoped token for one
 * patient, sending the identifier of another patient's order as the condition, gets a new order for its own
 * patient (201), never the other patient's order back; its own earlier order still matches (200, no second one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MedicationRequest } from 'fhir/r4';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import { confineConditionalCreate } from '../../sandbox/gateway/conditional-create.ts';
import type { TokenRecord } from '../../sandbox/auth/store.ts';
import { ehrLaunchToken, fhirGet } from './support.ts';
import { concept, medicationRequest } from './support-resources.ts';

let s: SandboxHandle;
let token: string;
const ME = 'ldn-crohns-oxycodone';
const OTHER = 'ldn-fibromyalgia';
const SYSTEM = 'urn:ietf:rfc:3986';

beforeAll(async () => {
  s = await startSandbox({ port: 0, appDir: null, quiet: true });
  token = (await ehrLaunchToken(s, ME)).access_token;
}, 60_000);
afterAll(() => s?.close());

const order = (patientId: string, value: string): MedicationRequest => ({
  ...medicationRequest({ patientId, medication: { concept: concept([], 'naltrexone 1.5 mg compounded oral liquid') } }),
  identifier: [{ system: SYSTEM, value }],
});

function createIfNone(
  t: string | undefined,
  base: 'fhir' | 'open',
  body: MedicationRequest,
  value: string,
): Promise<Response> {
  const headers = { 'content-type': 'application/fhir+json', 'if-none-exist': `identifier=${SYSTEM}|${value}` };
  if (base === 'open')
    return fetch(`${s.openFhirBase}/MedicationRequest`, { method: 'POST', headers, body: JSON.stringify(body) });
  return fhirGet(s, t, 'MedicationRequest', { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('If-None-Exist and the patient compartment', () => {
  it("does not hand another patient's order back; creates this patient's own", async () => {
    const value = `urn:uuid:${crypto.randomUUID()}`;
    const theirs = await createIfNone(undefined, 'open', order(OTHER, value), value);
    expect(theirs.status).toBe(201);
    const theirId = ((await theirs.json()) as MedicationRequest).id;

    const mine = await createIfNone(token, 'fhir', order(ME, value), value);
    expect(mine.status).toBe(201);
    const created = (await mine.json()) as MedicationRequest;
    expect(created.subject?.reference).toBe(`Patient/${ME}`);
    expect(created.id).not.toBe(theirId);

    const again = await createIfNone(token, 'fhir', order(ME, value), value);
    expect(again.status).toBe(200);
    expect(((await again.json()) as MedicationRequest).id).toBe(created.id);
  });

  it('the same holds for an entry of a batch', async () => {
    const value = `urn:uuid:${crypto.randomUUID()}`;
    await createIfNone(undefined, 'open', order(OTHER, value), value);
    const batch = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        {
          resource: order(ME, value),
          request: { method: 'POST', url: 'MedicationRequest', ifNoneExist: `identifier=${SYSTEM}|${value}` },
        },
      ],
    };
    const res = await fhirGet(s, token, '', {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify(batch),
    });
    const entry = (
      (await res.json()) as { entry: Array<{ response: { status: string }; resource?: MedicationRequest }> }
    ).entry[0];
    expect(entry?.response.status).toMatch(/^201/);
    expect(entry?.resource?.subject?.reference).toBe(`Patient/${ME}`);
  });
});

describe('confineConditionalCreate', () => {
  const grant = (scopes: string[], patient?: string) =>
    ({
      clientId: 'c',
      scopes,
      options: {},
      needPatientBanner: false,
      expiresAt: 0,
      ...(patient ? { patient } : {}),
    }) as unknown as TokenRecord;
  const post = { method: 'POST', url: 'MedicationRequest', headers: { 'if-none-exist': 'identifier=a|b' } };

  it('adds the patient for patient/ scopes, leaves user/ scopes, other methods and non-compartment types alone', () => {
    expect(
      confineConditionalCreate(grant(['patient/MedicationRequest.c'], 'p1'), post).headers?.['if-none-exist'],
    ).toBe('identifier=a%7Cb&patient=Patient%2Fp1');
    expect(confineConditionalCreate(grant(['user/MedicationRequest.cs'], 'p1'), post)).toBe(post);
    expect(
      confineConditionalCreate(grant(['patient/MedicationRequest.c'], 'p1'), { ...post, method: 'PUT' }),
    ).toMatchObject({ headers: { 'if-none-exist': 'identifier=a|b' } });
    expect(
      confineConditionalCreate(grant(['patient/Medication.c'], 'p1'), { ...post, url: 'Medication' }),
    ).toMatchObject({ headers: { 'if-none-exist': 'identifier=a|b' } });
  });

  it('never widens: a patient/ grant without a patient matches nothing', () => {
    expect(confineConditionalCreate(grant(['patient/MedicationRequest.c']), post).headers?.['if-none-exist']).toContain(
      'patient=Patient%2F-none-',
    );
  });
});

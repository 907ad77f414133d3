/**
 * The sandbox EHR as a CDS client: its own ES384 key (made at start, never written anywhere; JWKS published at
 * /cds/jwks.json), the hook requests it builds for the order-entry page (draft orders, prefetch resolved against
 * its own FHIR engine through the open base, as an EHR resolves the templates of the discovery document), the JWT
 * it signs for every call (iss = the sandbox origin, aud = the exact URL called, exp = iat + 300, a jti), and the
 * loopback HTTP call to the service, so the page exercises the real service end to end.
 */
import { randomUUID } from 'node:crypto';
import type { Bundle, MedicationRequest, Resource } from 'fhir/r4';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { discovery } from '../../src/edge/cds/discovery.ts';
import type { ServiceId } from '../../src/edge/cds/discovery.ts';
import { compoundedLdn } from '../../fixtures/patients-cds.ts';
import { concept, rxnorm } from '../../fixtures/factories.ts';

export interface CdsClientKey {
  kid: string;
  privateKey: CryptoKey;
  jwks: JSONWebKeySet;
}

/** A fresh ES384 key pair (the algorithm the public CDS Hooks sandbox uses). */
export async function createClientKey(): Promise<CdsClientKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES384');
  const kid = randomUUID();
  const jwk = await exportJWK(publicKey);
  return { kid, privateKey, jwks: { keys: [{ ...jwk, kid, alg: 'ES384', use: 'sig' }] } };
}

/** The bearer JWT for one call to `aud`. */
export function signFor(key: CdsClientKey, iss: string, aud: string, jku?: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid: key.kid, ...(jku ? { jku } : {}) })
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt()
    .setExpirationTime('300s')
    .setJti(randomUUID())
    .sign(key.privateKey);
}

/** The medicines the tester can order, as draft MedicationRequests name them. */
export const ORDERABLE = {
  oxycodone: {
    label: 'Oxycodone 5 mg tablet',
    medication: () => ({
      medicationCodeableConcept: concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]),
    }),
    sig: '5 mg by mouth every 6 hours as needed for pain',
  },
  tramadol: {
    label: 'Tramadol 50 mg tablet',
    medication: () => ({
      medicationCodeableConcept: concept([rxnorm('835603', 'tramadol hydrochloride 50 MG Oral Tablet')]),
    }),
    sig: '50 mg by mouth every 8 hours as needed',
  },
  naltrexone50: {
    label: 'Naltrexone 50 mg tablet',
    medication: () => ({
      medicationCodeableConcept: concept([rxnorm('1483744', 'naltrexone hydrochloride 50 MG Oral Tablet')]),
    }),
    sig: '50 mg by mouth once daily',
  },
  ldn: {
    label: 'Low-dose naltrexone 4.5 mg capsule (compounded)',
    medication: () => ({
      contained: [compoundedLdn('ldn-compound', 4.5)],
      medicationReference: { reference: '#ldn-compound' },
    }),
    sig: '4.5 mg by mouth at bedtime',
  },
  ibuprofen: {
    label: 'Ibuprofen 400 mg tablet (not an opioid)',
    medication: () => ({ medicationCodeableConcept: concept([], 'ibuprofen 400 mg oral tablet') }),
    sig: '400 mg by mouth every 8 hours with food',
  },
} as const;

export type Orderable = keyof typeof ORDERABLE;

/** The draft order for `med`, as the EHR holds it before signing. */
export function draftOrder(id: string, patientId: string, med: Orderable, now: Date): MedicationRequest {
  const o = ORDERABLE[med];
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    ...o.medication(),
    subject: { reference: `Patient/${patientId}` },
    authoredOn: now.toISOString(),
    dosageInstruction: [{ text: o.sig }],
  } as MedicationRequest;
}

/** Resolves the discovery document's prefetch templates against the open FHIR base (every page). */
export async function resolvePrefetch(
  fhirBase: string,
  patientId: string,
): Promise<Record<string, Resource | Bundle | null>> {
  const templates = discovery().services[0]!.prefetch;
  const out: Record<string, Resource | Bundle | null> = {};
  await Promise.all(
    Object.entries(templates).map(async ([key, t]) => {
      const first = `${fhirBase}/${t.replaceAll('{{context.patientId}}', encodeURIComponent(patientId))}`;
      const res = await fetch(first, { headers: { accept: 'application/fhir+json' } });
      if (!res.ok) return; // an EHR leaves out a key it could not fetch
      const body = (await res.json()) as Resource | Bundle;
      if (body.resourceType !== 'Bundle') return void (out[key] = body);
      const bundle = body as Bundle;
      const entry = [...(bundle.entry ?? [])];
      let next = bundle.link?.find((l) => l.relation === 'next')?.url;
      for (let page = 0; next && page < 20; page++) {
        const more = (await (await fetch(next, { headers: { accept: 'application/fhir+json' } })).json()) as Bundle;
        entry.push(...(more.entry ?? []));
        next = more.link?.find((l) => l.relation === 'next')?.url;
      }
      // The EHR read every page, so it knows the total (an empty result is then "none", not "not read").
      out[key] = next
        ? null
        : {
            resourceType: 'Bundle',
            type: 'searchset',
            total: entry.filter((e) => e.search?.mode !== 'include').length,
            entry,
          };
    }),
  );
  return out;
}

export interface HookCall {
  service: ServiceId;
  hook: 'order-select' | 'order-sign' | 'patient-view';
  patientId: string;
  draft?: MedicationRequest;
  /** false: send no prefetch, only fhirServer (the service reads the chart itself). */
  prefetch: boolean;
}

/** The hook request body, as the sandbox sends it. */
export async function hookRequest(call: HookCall, fhirBase: string): Promise<Record<string, unknown>> {
  const context: Record<string, unknown> = { userId: 'Practitioner/ldn-practitioner', patientId: call.patientId };
  if (call.draft) {
    context.draftOrders = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: call.draft }] };
    if (call.hook === 'order-select') context.selections = [`MedicationRequest/${call.draft.id}`];
  }
  return {
    hookInstance: randomUUID(),
    hook: call.hook,
    fhirServer: fhirBase,
    context,
    ...(call.prefetch ? { prefetch: await resolvePrefetch(fhirBase, call.patientId) } : {}),
  };
}

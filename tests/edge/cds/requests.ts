/** Hook request bodies for the HTTP tests: the CDS patients of fixtures/patients-cds.ts as prefetch. */
import type { Resource } from 'fhir/r4';
import { syntheticPatients } from '../../../fixtures/patients.ts';
import { concept, medicationRequest, rxnorm } from '../../../fixtures/factories.ts';
import { compoundedLdn } from '../../../fixtures/patients-cds.ts';

export const NOW = new Date();

export function cdsPatient(key: string): { id: string; resources: Resource[]; patient: Resource } {
  const p = syntheticPatients(NOW).find((x) => x.key === key);
  if (!p) throw new Error(`no patient ${key}`);
  return { id: p.key, resources: p.resources, patient: p.patient };
}

const searchset = (resources: Resource[]) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total: resources.length,
  entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
});

/** Every prefetch key of the discovery document (src/edge/cds/discovery.ts PREFETCH), filled from the patient's resources. */
export function prefetchOf(p: { resources: Resource[]; patient: Resource }): Record<string, unknown> {
  const of = (t: string) => searchset(p.resources.filter((r) => r.resourceType === t));
  return {
    patient: p.patient,
    medicationRequests: of('MedicationRequest'),
    medicationStatements: of('MedicationStatement'),
    medicationDispenses: of('MedicationDispense'),
    medicationAdministrations: of('MedicationAdministration'),
    conditions: of('Condition'),
    allergies: of('AllergyIntolerance'),
    serviceRequests: of('ServiceRequest'),
    procedures: of('Procedure'),
    appointments: of('Appointment'),
  };
}

export const DRAFTS = {
  oxycodone: (patientId: string) =>
    medicationRequest({
      id: 'draft-1',
      patientId,
      status: 'draft',
      medication: { concept: concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]) },
    }),
  ldn: (patientId: string) =>
    medicationRequest({
      id: 'draft-2',
      patientId,
      status: 'draft',
      medication: { contained: compoundedLdn('ldn-compound', 4.5) },
    }),
  ibuprofen: (patientId: string) =>
    medicationRequest({
      id: 'draft-3',
      patientId,
      status: 'draft',
      medication: { concept: concept([], 'ibuprofen 400 mg oral tablet') },
    }),
};

/** A hook request body. */
export function hookBody(
  hook: string,
  patientId: string,
  drafts: Resource[],
  prefetch?: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    hookInstance: 'd1bf0b5c-0f1b-4ef4-a6b5-2f5d5f0a8a11',
    hook,
    context: {
      userId: 'Practitioner/example',
      patientId,
      ...(drafts.length
        ? {
            draftOrders: {
              resourceType: 'Bundle',
              type: 'collection',
              entry: drafts.map((resource) => ({ resource })),
            },
          }
        : {}),
    },
    ...(prefetch ? { prefetch } : {}),
    ...extra,
  };
}

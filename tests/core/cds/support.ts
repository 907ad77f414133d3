/** Builders for the CDS card tests: draft-order contexts and charts from the fixture factories. */
import type { MedicationRequest, Resource } from 'fhir/r4';
import { emptyChart, type Chart } from '../../../src/core/chart.ts';
import { cdsCards } from '../../../src/core/cds/index.ts';
import type { CdsHook, CdsResponse } from '../../../src/core/cds/types.ts';
import { concept, medicationRequest, rxnorm } from '../../../fixtures/factories.ts';
import { compoundedLdn } from '../../../fixtures/patients-cds.ts';

export const NOW = new Date('2026-12-01T10:00:00Z');
export const PATIENT = 'p1';

export const DRAFT = {
  oxycodone: () => draft('d-oxy', concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')])),
  tramadol: () => draft('d-tram', concept([rxnorm('835603', 'tramadol hydrochloride 50 MG Oral Tablet')])),
  naltrexone50: () => draft('d-ntx', concept([rxnorm('1483744', 'naltrexone hydrochloride 50 MG Oral Tablet')])),
  ibuprofen: () => draft('d-ibu', concept([], 'ibuprofen 400 mg oral tablet')),
  ldn: (): MedicationRequest =>
    medicationRequest({
      id: 'd-ldn',
      patientId: PATIENT,
      status: 'draft',
      medication: { contained: compoundedLdn('ldn-compound', 4.5) },
    }),
};

function draft(id: string, c: ReturnType<typeof concept>): MedicationRequest {
  return medicationRequest({ id, patientId: PATIENT, status: 'draft', medication: { concept: c } });
}

/** An order-select / order-sign context with these drafts in a Bundle. */
export function orderContext(drafts: Resource[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    userId: 'Practitioner/example',
    patientId: PATIENT,
    draftOrders: { resourceType: 'Bundle', type: 'collection', entry: drafts.map((resource) => ({ resource })) },
    ...extra,
  };
}

/** A chart holding these resources, sorted by type. */
export function chartOf(resources: Resource[], gaps: Chart['gaps'] = []): Chart {
  const chart = emptyChart();
  for (const r of resources as never[]) {
    if ((r as Resource).resourceType === 'MedicationRequest') chart.medicationRequests.push(r);
    else if ((r as Resource).resourceType === 'MedicationStatement') chart.medicationStatements.push(r);
    else if ((r as Resource).resourceType === 'MedicationDispense') chart.medicationDispenses.push(r);
    else if ((r as Resource).resourceType === 'MedicationAdministration') chart.medicationAdministrations.push(r);
    else if ((r as Resource).resourceType === 'Condition') chart.conditions.push(r);
    else if ((r as Resource).resourceType === 'Medication') chart.medications.push(r);
  }
  chart.gaps.push(...gaps);
  return chart;
}

let n = 0;
/** Runs the card rules with counting uuids and the app's launch URL. */
export function cards(hook: CdsHook, context: unknown, chart: Chart): CdsResponse {
  return cdsCards({
    hook,
    context,
    chart,
    now: NOW,
    newId: () => `uuid-${++n}`,
    appLaunchUrl: 'https://app.example/launch/',
  });
}

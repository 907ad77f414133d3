/**
 * Charts for the edge tests, built from fixtures/factories.ts. Clinical meaning is irrelevant here; what matters is
 * shape: several resources of every searched type (so paging with a small page size gives several pages), orders in
 * statuses other than active, and medications named by reference, by contained resource and by code.
 */
import type { Resource } from 'fhir/r4';
import {
  concept,
  condition,
  medication,
  medicationAdministration,
  medicationDispense,
  medicationRequest,
  medicationStatement,
  patient,
  rxnorm,
  snomed,
} from '../../../fixtures/factories.ts';

export interface TestChart {
  patientId: string;
  resources: Resource[];
  /** How many of each searched type the chart holds. */
  counts: {
    Condition: number;
    MedicationRequest: number;
    MedicationStatement: number;
    MedicationDispense: number;
    MedicationAdministration: number;
    Medication: number;
  };
}

/** A typical chart: 4 conditions, 2 stored Medications, 4 orders, 3 statements, 3 dispenses, 3 administrations. */
export function typicalChart(patientId = 'pat-typical'): TestChart {
  const p = patientId;
  const medA = medication({ id: `${p}-med-a`, code: concept([rxnorm('1049621', 'oxycodone 5 MG Oral Tablet')]) });
  const medB = medication({ id: `${p}-med-b`, code: concept([rxnorm('197696', 'naltrexone 50 MG Oral Tablet')]) });
  const byRef = (m: typeof medA) => ({ reference: `Medication/${m.id}` });
  const resources: Resource[] = [
    patient({ id: p, given: 'Test', family: 'Typical' }),
    condition({ id: `${p}-c1`, patientId: p, code: concept([snomed('203082005', 'Fibromyalgia')]) }),
    condition({ id: `${p}-c2`, patientId: p, code: concept([snomed('24700007', 'Multiple sclerosis')]) }),
    condition({ id: `${p}-c3`, patientId: p, code: concept([], 'Low back pain'), clinicalStatus: 'resolved' }),
    condition({ id: `${p}-c4`, patientId: p, code: concept([], 'Seasonal allergy') }),
    medA,
    medB,
    medicationRequest({ id: `${p}-mr1`, patientId: p, medication: byRef(medA), status: 'stopped' }),
    medicationRequest({ id: `${p}-mr2`, patientId: p, medication: byRef(medA), status: 'completed' }),
    medicationRequest({ id: `${p}-mr3`, patientId: p, medication: byRef(medB), status: 'on-hold' }),
    medicationRequest({ id: `${p}-mr4`, patientId: p, medication: { concept: concept([], 'Vitamin D 1000 IU') } }),
    medicationStatement({
      id: `${p}-ms1`,
      patientId: p,
      medication: { contained: medication({ id: 'inline', code: concept([], 'Tramadol 50 mg') }) },
    }),
    medicationStatement({ id: `${p}-ms2`, patientId: p, medication: { concept: concept([], 'Ibuprofen 400 mg') } }),
    medicationStatement({ id: `${p}-ms3`, patientId: p, medication: byRef(medB) }),
    medicationDispense({ id: `${p}-md1`, patientId: p, medication: byRef(medA), whenHandedOver: '2026-01-02' }),
    medicationDispense({ id: `${p}-md2`, patientId: p, medication: { concept: concept([], 'Metformin 500 mg') } }),
    medicationDispense({ id: `${p}-md3`, patientId: p, medication: { concept: concept([], 'Lisinopril 10 mg') } }),
    medicationAdministration({
      id: `${p}-ma1`,
      patientId: p,
      medication: byRef(medA),
      effective: '2026-01-03T08:00:00Z',
    }),
    medicationAdministration({
      id: `${p}-ma2`,
      patientId: p,
      medication: { concept: concept([], 'Ondansetron 4 mg') },
      effective: '2026-01-04T08:00:00Z',
    }),
    medicationAdministration({
      id: `${p}-ma3`,
      patientId: p,
      medication: { concept: concept([], 'Saline flush') },
      effective: '2026-01-05T08:00:00Z',
    }),
  ];
  return {
    patientId: p,
    resources,
    counts: {
      Condition: 4,
      MedicationRequest: 4,
      MedicationStatement: 3,
      MedicationDispense: 3,
      MedicationAdministration: 3,
      Medication: 2,
    },
  };
}

/** A chart whose orders name `n` distinct stored Medications by reference (for the batched read of missing ones). */
export function manyMedicationsChart(n: number, patientId = 'pat-many-meds'): TestChart {
  const p = patientId;
  const resources: Resource[] = [patient({ id: p, given: 'Test', family: 'Manymeds' })];
  for (let i = 0; i < n; i += 1) {
    const med = medication({ id: `${p}-med-${i}`, code: concept([], `Medication number ${i}`) });
    resources.push(
      med,
      medicationRequest({ id: `${p}-mr-${i}`, patientId: p, medication: { reference: `Medication/${med.id}` } }),
    );
  }
  return {
    patientId: p,
    resources,
    counts: {
      Condition: 0,
      MedicationRequest: n,
      MedicationStatement: 0,
      MedicationDispense: 0,
      MedicationAdministration: 0,
      Medication: n,
    },
  };
}

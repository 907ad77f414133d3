/**
 * The synthetic chart the assess benchmarks run on (bench/assess.bench.ts, bench/assess-cold.bench.ts): built from
 * the factories, a realistic mix of mostly non-opioids with local codes and text, some opioids by code and by
 * name, many dates, and conditions with codes and free text. Deterministic for a given size, so the cold runs of
 * two commits assess the same chart.
 */
import { emptyChart, type Chart } from '../src/core/chart.ts';
import {
  concept,
  condition,
  icd10,
  localCode,
  medication,
  medicationAdministration,
  medicationDispense,
  medicationRequest,
  medicationStatement,
  rxnorm,
  snomed,
} from '../fixtures/factories.ts';

export const BENCH_NOW = '2026-03-15T12:00:00Z';
const P = 'bench-patient';

/** `meds` medication records (requests, statements, dispenses, administrations of a Medication) and `conditions` Conditions. */
export function buildBenchChart(meds: number, conditions: number): Chart {
  const chart = emptyChart();
  // Distinct free texts defeat any per-text memo the way a real chart's varied texts do.
  const names = [
    () => concept([localCode('44120', 'DULOXETINE 30 MG CAPSULE')], 'duloxetine 30 mg capsule'),
    () => concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]),
    () => concept([], 'Acetaminophen / HYDROcodone 325 mg-5 mg tablet'),
    () => concept([rxnorm('314076', 'lisinopril 10 MG Oral Tablet')]),
    () => concept([localCode('55021', 'GABAPENTIN 300 MG CAPSULE')]),
    (i: number) => concept([], `vitamin D3 ${(i * 7919) % 5000} unit tablet`),
    () => concept([rxnorm('835603')]),
    () => concept([], 'metFORMIN ER 500 mg tablet'),
  ];
  const statuses = ['active', 'completed', 'stopped', 'on-hold', 'cancelled', 'entered-in-error'] as const;
  for (let i = 0; i < meds; i++) {
    const c = names[i % names.length]!(i);
    const day = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    switch (i % 4) {
      case 0:
        chart.medicationRequests.push(
          medicationRequest({
            patientId: P,
            medication: { concept: c },
            status: statuses[i % statuses.length],
            authoredOn: day,
            daysSupply: 30,
          }),
        );
        break;
      case 1:
        chart.medicationStatements.push(
          medicationStatement({
            patientId: P,
            medication: { concept: c },
            status: i % 3 ? 'completed' : 'active',
            effective: { start: day, end: day },
          }),
        );
        break;
      case 2:
        chart.medicationDispenses.push(
          medicationDispense({ patientId: P, medication: { concept: c }, whenHandedOver: day, daysSupply: 30 }),
        );
        break;
      default: {
        const med = medication({ id: `bench-med-${i}`, code: c });
        chart.medications.push(med);
        chart.medicationAdministrations.push(
          medicationAdministration({ patientId: P, medication: { reference: `Medication/${med.id}` }, effective: day }),
        );
      }
    }
  }
  const codes = [
    () => concept([icd10('M79.7', 'Fibromyalgia'), snomed('203082005', 'Fibromyalgia')]),
    () => concept([icd10('I10', 'Essential (primary) hypertension')]),
    () => concept([snomed('44054006', 'Diabetes mellitus type 2')]),
    () => concept([icd10('K50.90')], "Crohn's disease"),
    (i: number) => concept([], `Encounter note ${(i * 7919) % 1000}`),
  ];
  for (let i = 0; i < conditions; i++) {
    chart.conditions.push(
      condition({ patientId: P, code: codes[i % codes.length]!(i), clinicalStatus: i % 7 ? 'active' : 'resolved' }),
    );
  }
  return chart;
}

/**
 * A warm-up for the launch (issue 14 item 1): assesses a small made-up chart once, so that by the time the
 * patient's chart arrives the core's functions are compiled and its code tables and name indexes built. The app
 * runs it while the chart read is still on the wire (src/ui/model/use-assessment.ts), where the browser would
 * otherwise sit idle: in Chromium a first assess() of a 200-record chart took 12.3 ms cold and 2.1 ms after a
 * 10 ms warm-up, a 10,000-record one 44.3 and 29.3 ms (bench figures, medians of 9 fresh browsers). The result is
 * thrown away; nothing in it is a patient's. Caches it fills are keyed by content, so no later answer changes.
 */
import type { Resource } from 'fhir/r4';
import { emptyChart, type Chart } from '../chart.ts';
import { isoDay, nowDay } from '../fhir/dates.ts';
import { findExistingLdnOrders } from '../order/existing-ldn.ts';
import { assess } from './assess.ts';
import { medicationUses } from './medication-uses.ts';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SNOMED = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const WHO = { reference: 'Patient/warm-up' };

/** One record of each kind the reader and the rules take, by code, by text and by reference, dated around `day`. */
export function warmUpChart(day: number): Chart {
  const on = (offset: number): string => isoDay(day + offset);
  const oxycodone = {
    coding: [{ system: RXNORM, code: '1049621', display: 'oxycodone hydrochloride 5 MG Oral Tablet' }],
  };
  const chart = emptyChart();
  const r = <T extends Resource>(x: T): T => x;
  chart.medications.push(
    r({ resourceType: 'Medication', id: 'warm-up-med', code: { text: 'naltrexone 4.5 mg compounded capsule' } }),
  );
  chart.medicationRequests.push(
    r({
      resourceType: 'MedicationRequest',
      id: 'warm-up-mr',
      status: 'active',
      intent: 'order',
      subject: WHO,
      medicationCodeableConcept: oxycodone,
      authoredOn: on(-3),
      dispenseRequest: { expectedSupplyDuration: { value: 30, unit: 'days', code: 'd' } },
    }),
    r({
      resourceType: 'MedicationRequest',
      id: 'warm-up-ldn',
      status: 'active',
      intent: 'order',
      subject: WHO,
      medicationReference: { reference: 'Medication/warm-up-med' },
      authoredOn: on(-40),
      note: [{ text: 'compounded low-dose naltrexone' }],
    }),
  );
  chart.medicationStatements.push(
    r({
      resourceType: 'MedicationStatement',
      id: 'warm-up-ms',
      status: 'completed',
      subject: WHO,
      medicationCodeableConcept: { text: 'Acetaminophen / HYDROcodone 325 mg-5 mg tablet' },
      effectivePeriod: { start: on(-12), end: on(-2) },
    }),
  );
  chart.medicationDispenses.push(
    r({
      resourceType: 'MedicationDispense',
      id: 'warm-up-md',
      status: 'completed',
      subject: WHO,
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: '314076' }], text: 'lisinopril 10 mg tablet' },
      whenHandedOver: on(-5),
      daysSupply: { value: 30, unit: 'days', code: 'd' },
    }),
  );
  chart.medicationAdministrations.push(
    r({
      resourceType: 'MedicationAdministration',
      id: 'warm-up-mad',
      status: 'completed',
      subject: WHO,
      medicationReference: { reference: 'Medication/warm-up-med' },
      effectiveDateTime: on(-2),
    }),
  );
  chart.conditions.push(
    r({
      resourceType: 'Condition',
      id: 'warm-up-fm',
      subject: WHO,
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: {
        coding: [
          { system: ICD10, code: 'M79.7' },
          { system: SNOMED, code: '203082005', display: 'Fibromyalgia' },
        ],
      },
      onsetDateTime: on(-400),
    }),
    r({
      resourceType: 'Condition',
      id: 'warm-up-cd',
      subject: WHO,
      code: { text: "Crohn's disease" },
      recordedDate: on(-90),
    }),
  );
  chart.allergies.push(
    r({ resourceType: 'AllergyIntolerance', id: 'warm-up-al', patient: WHO, code: { text: 'penicillin' } }),
  );
  chart.serviceRequests.push(
    r({
      resourceType: 'ServiceRequest',
      id: 'warm-up-sr',
      status: 'active',
      intent: 'order',
      subject: WHO,
      code: { text: 'total knee replacement' },
      occurrenceDateTime: on(20),
    }),
  );
  return chart;
}

/** Assesses the made-up chart once (and reads its medication uses and LDN orders, as the screen does). */
export function warmUp(now: Date | string): void {
  const { day } = nowDay(now);
  const chart = warmUpChart(day);
  assess(chart, now);
  medicationUses(chart, day);
  findExistingLdnOrders(chart, now);
}

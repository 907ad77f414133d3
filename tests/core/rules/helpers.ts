/** Small helpers for rule tests: a one-patient chart from factories, assessed at a fixed `now`. */
import type {
  AllergyIntolerance,
  Appointment,
  Condition,
  MedicationRequest,
  MedicationStatement,
  MedicationDispense,
  MedicationAdministration,
  Medication,
  Procedure,
  ServiceRequest,
} from 'fhir/r4';
import { assess } from '../../../src/core/assess/index.ts';
import type { Assessment, Conflict } from '../../../src/core/assess/types.ts';
import { emptyChart, type Chart } from '../../../src/core/chart.ts';
import { concept, medicationRequest, type MedicationInput } from '../../../fixtures/factories.ts';

export const NOW = '2026-03-15T12:00:00Z';
export const P = 'patient-1';

type Res =
  | Condition
  | MedicationRequest
  | MedicationStatement
  | MedicationDispense
  | MedicationAdministration
  | Medication
  | AllergyIntolerance
  | ServiceRequest
  | Procedure
  | Appointment;

/** `now` of the rule tests as a Date, for fixtures/dates.ts (daysBefore / daysAfter). */
export const NOW_DATE = new Date('2026-03-15T12:00:00Z');

/** A chart holding the given resources, sorted into their lists. */
export function chartOf(...resources: Res[]): Chart {
  const chart = emptyChart();
  for (const r of resources) {
    if (r.resourceType === 'Condition') chart.conditions.push(r);
    else if (r.resourceType === 'MedicationRequest') chart.medicationRequests.push(r);
    else if (r.resourceType === 'MedicationStatement') chart.medicationStatements.push(r);
    else if (r.resourceType === 'MedicationDispense') chart.medicationDispenses.push(r);
    else if (r.resourceType === 'MedicationAdministration') chart.medicationAdministrations.push(r);
    else if (r.resourceType === 'AllergyIntolerance') chart.allergies.push(r);
    else if (r.resourceType === 'ServiceRequest') chart.serviceRequests.push(r);
    else if (r.resourceType === 'Procedure') chart.procedures.push(r);
    else if (r.resourceType === 'Appointment') chart.appointments.push(r);
    else chart.medications.push(r);
  }
  return chart;
}

export function run(...resources: Res[]): Assessment {
  return assess(chartOf(...resources), NOW);
}

/** The rule ids found, in order. */
export const rules = (a: Assessment): string[] => a.conflicts.map((c) => c.ruleId);

export const only = (a: Assessment, ruleId: string): Conflict => {
  const found = a.conflicts.filter((c) => c.ruleId === ruleId);
  if (found.length !== 1) throw new Error(`expected one ${ruleId}, got [${rules(a).join(', ')}]`);
  return found[0] as Conflict;
};

/** An active order for a medication named by text only. */
export const orderText = (
  text: string,
  extra: Partial<Parameters<typeof medicationRequest>[0]> = {},
): MedicationRequest => medicationRequest({ patientId: P, medication: { concept: concept([], text) }, ...extra });

export const orderOf = (
  medication: MedicationInput,
  extra: Partial<Parameters<typeof medicationRequest>[0]> = {},
): MedicationRequest => medicationRequest({ patientId: P, medication, ...extra });

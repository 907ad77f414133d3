/**
 * The discovery document (CDS Hooks 2.0 "Discovery"): one service per hook, each with the prefetch templates the
 * card rules need: the patient, every medication resource type with its Medication (_include), conditions and
 * allergies, planned procedures. The same searches as the chart reader (src/edge/chart-reader.ts), so prefetch and fallback agree.
 */
import { MEDICATION_REQUEST_STATUSES, PLANNED_STATUSES } from '../chart-reader.ts';

export type ServiceId = 'ldn-order-select' | 'ldn-order-sign' | 'ldn-patient-view';

export interface ServiceDefinition {
  hook: 'order-select' | 'order-sign' | 'patient-view';
  id: ServiceId;
  title: string;
  description: string;
  prefetch: Record<string, string>;
  usageRequirements?: string;
}

const P = '{{context.patientId}}';

/** Prefetch key -> FHIR query template. Keys are the contract with src/edge/cds/prefetch.ts. */
export const PREFETCH: Readonly<Record<string, string>> = {
  patient: `Patient/${P}`,
  medicationRequests: `MedicationRequest?patient=${P}&status=${MEDICATION_REQUEST_STATUSES.join(',')}&_include=MedicationRequest:medication`,
  medicationStatements: `MedicationStatement?patient=${P}&_include=MedicationStatement:medication`,
  medicationDispenses: `MedicationDispense?patient=${P}&_include=MedicationDispense:medication`,
  medicationAdministrations: `MedicationAdministration?patient=${P}&_include=MedicationAdministration:medication`,
  conditions: `Condition?patient=${P}`,
  allergies: `AllergyIntolerance?patient=${P}`,
  // Planned procedures decide when LDN may start (the app's surgery rules); the chart reader's planned statuses.
  serviceRequests: `ServiceRequest?patient=${P}&status=${PLANNED_STATUSES.ServiceRequest.join(',')}`,
  procedures: `Procedure?patient=${P}&status=${PLANNED_STATUSES.Procedure.join(',')}`,
  appointments: `Appointment?patient=${P}&status=${PLANNED_STATUSES.Appointment.join(',')}`,
};

const USAGE =
  'Send the prefetch keys, or fhirServer with fhirAuthorization (patient/*.read or patient/*.rs scopes) so the service can read what is missing.';

export const SERVICES: readonly ServiceDefinition[] = [
  {
    hook: 'order-select',
    id: 'ldn-order-select',
    title: 'Naltrexone (LDN) and opioid conflict check: order selected',
    description:
      'Warns when an opioid is selected for a patient on naltrexone (low dose or any), or naltrexone for a patient with current or recent opioid use or opioid use disorder on agonist therapy.',
    prefetch: { ...PREFETCH },
    usageRequirements: USAGE,
  },
  {
    hook: 'order-sign',
    id: 'ldn-order-sign',
    title: 'Naltrexone (LDN) and opioid conflict check: order signed',
    description: 'The same check when the orders are signed.',
    prefetch: { ...PREFETCH },
    usageRequirements: USAGE,
  },
  {
    hook: 'patient-view',
    id: 'ldn-patient-view',
    title: 'Naltrexone (LDN) with an opioid in the chart',
    description: 'Speaks only for a patient with a current naltrexone order and opioid use already in the chart.',
    prefetch: { ...PREFETCH },
    usageRequirements: USAGE,
  },
];

/** The discovery response body. */
export function discovery(): { services: ServiceDefinition[] } {
  return { services: SERVICES.map((s) => ({ ...s, prefetch: { ...s.prefetch } })) };
}

export function serviceById(id: string): ServiceDefinition | undefined {
  return SERVICES.find((s) => s.id === id);
}

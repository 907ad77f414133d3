/** Resource builders for the sandbox tests, from the shared factories. */
import type { DetectedIssue } from 'fhir/r4';
export { concept, medicationRequest } from '../../fixtures/factories.ts';

/** A minimal valid DetectedIssue for a patient (the factories have none). */
export function minimalDetectedIssue(patientId: string): DetectedIssue {
  return {
    resourceType: 'DetectedIssue',
    status: 'final',
    patient: { reference: `Patient/${patientId}` },
    detail: 'override recorded in a test',
  };
}

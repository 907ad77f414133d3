/**
 * Which patient a resource belongs to, for the engine's per-patient index and for the SMART scope checks.
 * Only the direct subject/patient reference counts (FHIR R4 Patient compartment, the elements our types use).
 */

/** Types with a `patient` link in the R4 Patient compartment that the sandbox and the app use. */
const PATIENT_FIELDS: Record<string, readonly string[]> = {
  Condition: ['subject'],
  MedicationRequest: ['subject'],
  MedicationStatement: ['subject'],
  MedicationDispense: ['subject'],
  MedicationAdministration: ['subject'],
  Observation: ['subject'],
  Encounter: ['subject'],
  AllergyIntolerance: ['patient'],
  DetectedIssue: ['patient'],
  Procedure: ['subject'],
  Immunization: ['patient'],
  DiagnosticReport: ['subject'],
  ServiceRequest: ['subject'],
  CarePlan: ['subject'],
};

/** Whether resources of this type belong to a patient's compartment. */
export function isPatientCompartmentType(resourceType: string): boolean {
  return resourceType === 'Patient' || resourceType === 'Appointment' || resourceType in PATIENT_FIELDS;
}

/** The compartment patient as "Patient/<id>", or undefined (no subject, a Group subject, or not a compartment type). */
export function compartmentPatient(
  resource: { resourceType?: string; id?: string } & Record<string, unknown>,
): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id ? `Patient/${resource.id}` : undefined;
  // Appointment names its patient as a participant's actor (R4 compartmentdefinition-patient: "actor").
  if (resource.resourceType === 'Appointment') {
    const actors = Array.isArray(resource.participant)
      ? (resource.participant as { actor?: { reference?: unknown } }[])
      : [];
    const ref = actors
      .map((p) => p?.actor?.reference)
      .find((r): r is string => typeof r === 'string' && /^Patient\/[^/]+$/.test(r));
    return ref;
  }
  const fields = PATIENT_FIELDS[resource.resourceType ?? ''];
  if (!fields) return undefined;
  for (const f of fields) {
    const ref = (resource[f] as { reference?: unknown } | undefined)?.reference;
    if (typeof ref === 'string' && /^Patient\/[^/]+$/.test(ref)) return ref;
  }
  return undefined;
}

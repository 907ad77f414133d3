/**
 * The one FHIR id pattern (issue 14 item 2). FHIR R4 datatypes, "id": 1 to 64
 * characters of A-Z, a-z, 0-9, "-" and "."; a resource type is a capitalised name. Every check of an id or a
 * literal reference in the app goes through here or src/core/fhir/references.ts (the reference forms built on it),
 * so none can be looser than another. Kept tiny: the launch page loads it.
 */

/** The id pattern as a regular-expression source, unanchored. */
export const FHIR_ID_SOURCE = '[A-Za-z0-9\\-.]{1,64}';
/** A resource type name as a regular-expression source. */
export const TYPE_SOURCE = '[A-Z][A-Za-z]{1,40}';
const ID = new RegExp(`^${FHIR_ID_SOURCE}$`);

/** True for a valid FHIR id. */
export function isFhirId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

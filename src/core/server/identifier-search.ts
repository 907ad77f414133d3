/**
 * Whether a server's `identifier` search really filters (issue 10 item 4). A server that ignores the parameter
 * answers with whatever it has, and a writer that trusts it would call an unrelated order "already in the chart".
 * One decision, used by check-server (a search for an identifier that cannot exist must come back empty) and
 * available to the order writer (a found order counts only if it carries the identifier exactly). Pure.
 */
import { isRecord } from '../fhir/read.ts';

/** A system|value pair no server holds: check-server searches for it and expects nothing back. */
export const PROBE_IDENTIFIER = {
  system: 'urn:ietf:rfc:3986',
  value: 'urn:uuid:6c1d3e0a-ldn-app-check-server-no-such-order',
} as const;

/** The probe search, relative to the FHIR base (FHIR R4 search.html, token search `identifier=system|value`). */
export function identifierProbePath(): string {
  return `MedicationRequest?identifier=${encodeURIComponent(`${PROBE_IDENTIFIER.system}|${PROBE_IDENTIFIER.value}`)}&_count=5`;
}

export type IdentifierSearchVerdict =
  /** Every match carries the identifier exactly (none, for the probe): the server filtered. */
  | { kind: 'filters'; matches: number }
  /** At least one match does not carry it: the server ignored the parameter. */
  | { kind: 'ignored'; matches: number; strangers: number }
  /** The answer is not a search Bundle: nothing can be said. */
  | { kind: 'unknown' };

const carries = (resource: Record<string, unknown>, system: string, value: string): boolean =>
  Array.isArray(resource.identifier) &&
  resource.identifier.some((i) => isRecord(i) && i.system === system && i.value === value);

/**
 * Reads a searchset answer to `<resourceType>?identifier=<system>|<value>`: the matches (entries of that type that
 * are not `_include`d or outcomes) and how many of them do not carry the identifier exactly.
 */
export function identifierSearchVerdict(
  bundle: unknown,
  resourceType: string,
  identifier: { system: string; value: string },
): IdentifierSearchVerdict {
  if (
    !isRecord(bundle) ||
    bundle.resourceType !== 'Bundle' ||
    (bundle.entry !== undefined && !Array.isArray(bundle.entry))
  )
    return { kind: 'unknown' };
  const entries = (bundle.entry ?? []) as unknown[];
  const matches = entries
    .filter(
      (e): e is Record<string, unknown> =>
        isRecord(e) && isRecord(e.resource) && e.resource.resourceType === resourceType,
    )
    .filter((e) => !isRecord(e.search) || (e.search.mode !== 'include' && e.search.mode !== 'outcome'))
    .map((e) => e.resource as Record<string, unknown>);
  const strangers = matches.filter((r) => !carries(r, identifier.system, identifier.value)).length;
  return strangers > 0
    ? { kind: 'ignored', matches: matches.length, strangers }
    : { kind: 'filters', matches: matches.length };
}

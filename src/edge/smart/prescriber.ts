/**
 * The prescriber's name for the order (requester.display) and the printout (issue 11 item 3), read from the
 * launch's fhirUser ("Practitioner/123") through the FhirHttp port, with a deadline. Read only when the granted
 * scopes allow reading Practitioners (SMART App Launch 2: the fhirUser claim names the resource, a scope must still
 * permit reading it): the app asks for patient-level scopes, under which the read is refused every time (a 403 in
 * every launch's log). Otherwise, and on any failure, the caller keeps the id_token's `name` claim, or no name:
 * never a guess. Only Practitioner references are read (a patient launching the app is not a prescriber).
 */
import type { Practitioner } from 'fhir/r4';
import { referenceId } from '../../core/fhir/references.ts';
import { scopeAllows } from '../../core/smart/scopes.ts';
import type { FhirHttp } from '../types.ts';

/** Longer than any answer a working server gives, short enough that a hung one does not hold the name back. */
export const PRESCRIBER_TIMEOUT_MS = 8_000;

/** "Dr Ada Example" from a Practitioner: the official name (else the first), its text, else prefix and parts. */
export function practitionerName(p: Practitioner): string {
  const n = p.name?.find((x) => x.use === 'official') ?? p.name?.[0];
  if (!n) return '';
  if (n.text) return n.text;
  return [...(n.prefix ?? []), ...(n.given ?? []), n.family ?? ''].join(' ').replace(/\s+/g, ' ').trim();
}

/** Whether the fhirUser is a Practitioner the granted scopes let the app read. */
export function canReadPrescriber(fhirUser: string | undefined, granted: readonly string[]): fhirUser is string {
  return referenceId(fhirUser, 'Practitioner') !== undefined && scopeAllows(granted, 'Practitioner', 'r');
}

/** The name of the launching Practitioner, or undefined (not readable, refused, failed, late, or another resource). */
export async function readPrescriberName(
  http: FhirHttp,
  fhirUser: string | undefined,
  granted: readonly string[],
  opts: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<string | undefined> {
  if (!canReadPrescriber(fhirUser, granted)) return undefined;
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? PRESCRIBER_TIMEOUT_MS);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    const res = await http.fetch(fhirUser, { headers: { accept: 'application/fhir+json' }, signal });
    if (!res.ok) return undefined;
    const body = (await res.json()) as Practitioner | null;
    // The answer must be the Practitioner asked for, not whatever the server chose to return.
    if (body?.resourceType !== 'Practitioner' || `Practitioner/${body.id ?? ''}` !== fhirUser) return undefined;
    return practitionerName(body).slice(0, 200) || undefined;
  } catch {
    return undefined; // no answer, cut off, or not JSON: the name stays unknown
  }
}

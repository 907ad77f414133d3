/**
 * The prescriber's name for the order (requester.display) and the printout (issue 11 item 3): the fhirUser of the
 * launch ("Practitioner/123") read through the FhirHttp port. Only Practitioner references are read (a patient
 * launching the app is not a prescriber); a failed or refused read leaves the name unknown, never guessed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Practitioner } from 'fhir/r4';
import type { FhirHttp } from '../../edge/types.ts';
import { displayName } from './use-patient.ts';
import { referenceId } from '../../core/fhir/references.ts';

/** "Dr Ada Example" from a Practitioner, with the prefix when charted. */
export function practitionerName(p: Practitioner): string {
  const n = p.name?.find((x) => x.use === 'official') ?? p.name?.[0];
  if (!n) return '';
  if (n.text) return n.text;
  return [...(n.prefix ?? []), displayName([n])].join(' ').trim();
}

/** The name of the launching Practitioner, once read; undefined while reading, on failure or without fhirUser. */
export function usePrescriberName(http: FhirHttp, fhirUser: string | undefined): string | undefined {
  const [name, setName] = useState<string | undefined>(undefined);
  useEffect(() => {
    setName(undefined);
    if (!fhirUser || referenceId(fhirUser, 'Practitioner') === undefined) return;
    let live = true;
    http
      .fetch(fhirUser, { headers: { accept: 'application/fhir+json' } })
      .then(async (res) => {
        if (!res.ok) return;
        const body = (await res.json()) as Practitioner;
        // The answer must be the Practitioner asked for, not whatever the server chose to return.
        if (body?.resourceType !== 'Practitioner' || `Practitioner/${body.id ?? ''}` !== fhirUser) return;
        const n = practitionerName(body).slice(0, 200);
        if (live && n) setName(n);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [http, fhirUser]);
  return name;
}

/**
 * The prescriber's name for the plan part, from the edge (src/edge/smart/prescriber.ts: read only when the scopes
 * allow it, with a deadline); undefined while reading and when it cannot be read. The read is dropped when the
 * screen goes away.
 */
import { useEffect, useState } from 'preact/hooks';
import { readPrescriberName } from '../../edge/smart/prescriber.ts';
import type { FhirHttp } from '../../edge/types.ts';

export function usePrescriberName(
  http: FhirHttp,
  fhirUser: string | undefined,
  grantedScopes: readonly string[],
): string | undefined {
  const [name, setName] = useState<string | undefined>(undefined);
  useEffect(() => {
    setName(undefined);
    const stop = new AbortController();
    void readPrescriberName(http, fhirUser, grantedScopes, { signal: stop.signal }).then((n) => {
      if (!stop.signal.aborted && n) setName(n);
    });
    return () => stop.abort();
  }, [http, fhirUser, grantedScopes]);
  return name;
}

/**
 * The patient banner's data: Patient/<id> read through the FhirHttp port, reduced to name, gender and birth date.
 * Only used when the launch says need_patient_banner; otherwise the EHR shows its own banner.
 */
import { useEffect, useState } from 'preact/hooks';
import type { HumanName, Patient } from 'fhir/r4';
import type { FhirHttp } from '../../edge/types.ts';

export interface BannerPatient {
  name: string;
  gender?: string;
  birthDate?: string;
}

export type PatientState = { phase: 'loading' } | { phase: 'ready'; patient: BannerPatient } | { phase: 'failed' };

/** "Given Family" from the official (else first) name; text when given. */
export function displayName(names: HumanName[] | undefined): string {
  const n = names?.find((x) => x.use === 'official') ?? names?.[0];
  if (!n) return '';
  if (n.text) return n.text;
  return [...(n.given ?? []), n.family ?? ''].join(' ').trim();
}

export function toBannerPatient(p: Patient): BannerPatient {
  return {
    name: displayName(p.name),
    ...(p.gender ? { gender: p.gender } : {}),
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
  };
}

export function usePatient(http: FhirHttp, patientId: string, enabled: boolean): PatientState {
  const [state, setState] = useState<PatientState>({ phase: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    http
      .fetch(`Patient/${encodeURIComponent(patientId)}`, { headers: { accept: 'application/fhir+json' } })
      .then(async (res) => {
        if (!res.ok) throw new Error(`Patient read answered ${res.status}`);
        const body = (await res.json()) as Patient;
        if (body?.resourceType !== 'Patient') throw new Error('not a Patient');
        if (live) setState({ phase: 'ready', patient: toBannerPatient(body) });
      })
      .catch(() => {
        if (live) setState({ phase: 'failed' });
      });
    return () => {
      live = false;
    };
  }, [http, patientId, enabled]);
  return state;
}

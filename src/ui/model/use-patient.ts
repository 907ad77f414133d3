/**
 * The patient banner's data, from the Patient the chart reader read and checked (Chart.patient), reduced to name,
 * gender and birth date. The banner no longer fetches by itself (issue 14 item 3): the Patient is read with the
 * chart's searches and their deadline, and only a Patient with the launch patient's id reaches the chart, so the
 * banner can never name another patient (issue 10 item 1).
 */
import type { HumanName, Patient } from 'fhir/r4';
import type { AssessmentState } from './use-assessment.ts';

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

/**
 * The banner's state for the screen's assessment state: loading while the chart is read; the checked Patient once
 * it is; failed when the read broke or brought no Patient with the launch patient's id (the chart then carries a
 * gap, and the verdict is incomplete).
 */
export function usePatient(state: AssessmentState): PatientState {
  if (state.phase === 'reading') return { phase: 'loading' };
  if (state.phase === 'ready' && state.patient) return { phase: 'ready', patient: toBannerPatient(state.patient) };
  return { phase: 'failed' };
}

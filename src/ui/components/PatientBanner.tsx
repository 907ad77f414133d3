/**
 * The patient banner, shown only when the EHR asked for one (need_patient_banner); all values as text.
 */
import { formatDate } from '../format.ts';
import type { PatientState } from '../model/use-patient.ts';
import { S } from '../strings.ts';

export function PatientBanner({ state }: { state: PatientState }) {
  return (
    <section class="banner" aria-label={S.bannerLabel}>
      {state.phase === 'loading' && <p>{S.bannerLoading}</p>}
      {state.phase === 'failed' && <p>{S.bannerFailed}</p>}
      {state.phase === 'ready' && (
        <p>
          <strong class="banner__name">{state.patient.name}</strong>
          {state.patient.gender && (
            <span class="banner__item">
              {S.bannerGender}: {state.patient.gender}
            </span>
          )}
          {state.patient.birthDate && (
            <span class="banner__item">
              {S.bannerBorn}: {formatDate(state.patient.birthDate)}
            </span>
          )}
        </p>
      )}
    </section>
  );
}

/**
 * Beyond-use limits of the compounded forms (ldn-clinical.md section 5) and the pharmacy's storage words.
 * Capsules: Cote et al., IJPC 2018;22:252. Liquid: Fawcett et al., Ann Pharmacother 1997;31:1291.
 */
import type { Source } from '../assess/types.ts';
import type { DoseForm, LiquidStorage } from './types.ts';

/** Capsules in microcrystalline cellulose: default beyond-use date 180 days (stable 360 days in the study). */
export const CAPSULE_BEYOND_USE_DAYS = 180;
/** 1 mg/mL liquid: 30 days at room temperature, 60 days refrigerated (turns yellow; chemically stable 90 days). */
export const LIQUID_BEYOND_USE_DAYS = { 'room-temperature': 30, refrigerated: 60 } as const;

export const BEYOND_USE_SOURCES: Record<'capsule' | 'liquid', Source> = {
  capsule: {
    label: 'Cote et al., naltrexone HCl capsules in microcrystalline cellulose, IJPC 2018;22:252',
    kind: 'review',
    verified: true,
  },
  liquid: {
    label: 'Fawcett et al., naltrexone 1 mg/mL oral liquid stability, Ann Pharmacother 1997;31:1291',
    kind: 'review',
    verified: true,
  },
};

/** The liquid's storage, room temperature unless the clinician chose the refrigerator. */
export function liquidStorage(form: DoseForm): LiquidStorage | undefined {
  return form.kind === 'liquid' ? (form.storage ?? 'room-temperature') : undefined;
}

/** The form's beyond-use limit in days: the longest one fill may last. */
export function beyondUseDays(form: DoseForm): number {
  return form.kind === 'capsule' ? CAPSULE_BEYOND_USE_DAYS : LIQUID_BEYOND_USE_DAYS[form.storage ?? 'room-temperature'];
}

/** How the pharmacy and the patient keep it, e.g. "Store refrigerated (2-8 °C)". */
export function storageWords(form: DoseForm): string {
  if (form.kind === 'capsule') return 'Store at room temperature, protected from light';
  return form.storage === 'refrigerated' ? 'Store refrigerated (2-8 °C)' : 'Store at room temperature';
}

/**
 * The beyond-use rule in words with its source, e.g. "Beyond-use: 30 days from compounding at room temperature
 * (Fawcett et al., ...)". The dated beyond-use date of each fill is given with the fill.
 */
export function beyondUseNote(form: DoseForm): string {
  if (form.kind === 'capsule') {
    return `Beyond-use: ${CAPSULE_BEYOND_USE_DAYS} days from compounding at room temperature, protected from light (${BEYOND_USE_SOURCES.capsule.label}).`;
  }
  const where = form.storage === 'refrigerated' ? 'refrigerated' : 'at room temperature';
  return `Beyond-use: ${beyondUseDays(form)} days from compounding ${where} (${BEYOND_USE_SOURCES.liquid.label}).`;
}

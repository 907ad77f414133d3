/**
 * Beyond-use limits of the compounded forms (ldn-clinical.md section 5), and warnings when one fill would
 * outlast them.
 */
import type { Source } from '../assess/types.ts';

/** Capsules in microcrystalline cellulose: default beyond-use date 180 days (stable 360 days in the study). */
export const CAPSULE_BEYOND_USE_DAYS = 180;
/** 1 mg/mL liquid: 30 days at room temperature, 60 days refrigerated (turns yellow; chemically stable 90 days). */
export const LIQUID_BEYOND_USE_DAYS = { 'room-temperature': 30, refrigerated: 60 } as const;

export const BEYOND_USE_SOURCES: Record<'capsule' | 'liquid', Source> = {
  capsule: { label: 'Cote et al., naltrexone HCl capsules in microcrystalline cellulose, IJPC 2018;22:252', kind: 'review', verified: true },
  liquid: { label: 'Fawcett et al., naltrexone 1 mg/mL oral liquid stability, Ann Pharmacother 1997;31:1291', kind: 'review', verified: true },
};

/** The beyond-use note for the dispense request, e.g. "Beyond-use: 30 days at room temperature or 60 days refrigerated". */
export function beyondUseNote(kind: 'capsule' | 'liquid', storage?: 'room-temperature' | 'refrigerated'): string {
  if (kind === 'capsule') {
    return `Beyond-use date: ${CAPSULE_BEYOND_USE_DAYS} days at room temperature, protected from light (${BEYOND_USE_SOURCES.capsule.label}).`;
  }
  const room = LIQUID_BEYOND_USE_DAYS['room-temperature'];
  const cold = LIQUID_BEYOND_USE_DAYS.refrigerated;
  const kept = storage === 'refrigerated' ? `${cold} days refrigerated` : storage === 'room-temperature' ? `${room} days at room temperature` : `${room} days at room temperature or ${cold} days refrigerated`;
  return `Beyond-use date: ${kept} (${BEYOND_USE_SOURCES.liquid.label}).`;
}

/** Warnings when the supply lasts longer than the form keeps: the pharmacy should dispense it in fills. */
export function supplyWarnings(kind: 'capsule' | 'liquid', totalDays: number): string[] {
  const limit = kind === 'capsule' ? CAPSULE_BEYOND_USE_DAYS : LIQUID_BEYOND_USE_DAYS['room-temperature'];
  if (totalDays <= limit) return [];
  const where = kind === 'capsule' ? `${limit} days` : `${limit} days at room temperature (${LIQUID_BEYOND_USE_DAYS.refrigerated} refrigerated)`;
  return [`The plan covers ${totalDays} days but the ${kind === 'capsule' ? 'capsules keep' : 'liquid keeps'} ${where}: dispense in several fills.`];
}

/**
 * One Dosage per titration step (ldn-clinical.md section 7): increasing `sequence`, once daily for the step's
 * days (boundsDuration), the dose in mg (UCUM), route and the step's sig as text. The maintenance step has no
 * bounds: the dose continues after the dispensed month.
 */
import type { Dosage } from 'fhir/r4';
import type { DoseTiming, TitrationStep } from '../titration/types.ts';
import { days, mg } from './codes.ts';

/** FHIR event-timing: HS "before the hour of sleep", MORN "morning". */
const WHEN: Record<DoseTiming, 'HS' | 'MORN'> = { bedtime: 'HS', morning: 'MORN' };

export function dosageFor(step: TitrationStep, timing: DoseTiming): Dosage {
  return {
    sequence: step.sequence,
    text: step.sig,
    timing: {
      repeat: {
        ...(step.phase === 'titration' ? { boundsDuration: days(step.days) } : {}),
        frequency: 1,
        period: 1,
        periodUnit: 'd',
        when: [WHEN[timing]],
      },
    },
    route: { text: 'Oral' },
    doseAndRate: [{ doseQuantity: mg(step.doseMg) }],
  };
}

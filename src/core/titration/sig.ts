/** Plain-language instructions: one sig per step, and the whole plan in words. */
import { clinicalDate } from '../fhir/dates.ts';
import type { DoseForm, DoseTiming, TitrationStep } from './types.ts';

const WHEN: Record<DoseTiming, string> = { bedtime: 'at bedtime', morning: 'in the morning' };

/** "at bedtime" / "in the morning". */
export const timingPhrase = (timing: DoseTiming): string => WHEN[timing];

/** "Naltrexone HCl 1 mg/mL oral liquid (compounded)", "Naltrexone HCl 1.5 mg and 3 mg oral capsules (compounded)". */
export function formDescription(form: DoseForm): string {
  if (form.kind === 'liquid') return `Naltrexone HCl ${form.mgPerMl} mg/mL oral liquid (compounded)`;
  const strengths = [...new Set(form.strengthsMg)].sort((a, b) => a - b).map((s) => `${s} mg`);
  const list =
    strengths.length > 1 ? `${strengths.slice(0, -1).join(', ')} and ${strengths[strengths.length - 1]}` : strengths[0];
  return `Naltrexone HCl ${list} oral ${strengths.length > 1 ? 'capsules' : 'capsule'} (compounded)`;
}

type StepFacts = Pick<TitrationStep, 'phase' | 'doseMg' | 'howToTake' | 'days' | 'startDate' | 'endDate'>;

/**
 * The instruction for one step, e.g. "Take 1.5 mL of 1 mg/mL (1.5 mg) by mouth once daily at bedtime for 7 days
 * (1 Dec 2026 to 7 Dec 2026)." The maintenance step says to continue: the supply is a month, the therapy is not.
 */
export function stepSig(step: StepFacts, timing: DoseTiming, first: boolean): string {
  const take = `${first ? 'Take' : 'Then take'} ${step.howToTake} (${step.doseMg} mg) by mouth once daily ${timingPhrase(timing)}`;
  if (step.phase === 'titration') {
    return `${take} for ${step.days} ${step.days === 1 ? 'day' : 'days'} (${clinicalDate(step.startDate)} to ${clinicalDate(step.endDate)}).`;
  }
  return `${take} from ${clinicalDate(step.startDate)} and continue at this dose (this supply lasts to ${clinicalDate(step.endDate)}).`;
}

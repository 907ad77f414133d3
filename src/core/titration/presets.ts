/**
 * Titration presets from ldn-clinical.md section 4 ("Titration in practice"), each with its source. A preset fixes
 * the schedule; the clinician adds the start date and timing and may change the form.
 */
import type { Source } from '../assess/types.ts';
import type { DoseForm, TitrationInput } from './types.ts';

export interface TitrationPreset {
  id: string;
  label: string;
  /** The schedule fields a preset fixes. */
  schedule: Pick<TitrationInput, 'startMg' | 'stepMg' | 'intervalDays' | 'targetMg' | 'ladderMg'>;
  /** A form that gives every dose of the schedule exactly (checked in tests). */
  suggestedForm: DoseForm;
  description: string;
  sources: Source[];
}

const CLINIC_WRITE_UP: Source = {
  label:
    "The clinic's LDN write-up: start as low as 0.25 mg/day, titrate weekly as tolerated to 4.5 mg/day (not published evidence)",
  kind: 'web',
  // ldn-clinical.md section 1 lists "start 0.25 mg" among the seed claims not verified in the literature.
  verified: false,
};
const LDN_RESEARCH_TRUST: Source = {
  label:
    'LDN Research Trust dosing sheet 2021: 0.5-1 mg start, +0.5-1 mg every 2 weeks, to 4.5 mg or the highest tolerated dose >= 3 mg',
  kind: 'web',
  verified: true,
};

/** The presets offered to the clinician, the clinic's own first. */
export const TITRATION_PRESETS: readonly TitrationPreset[] = [
  {
    id: 'clinic-weekly',
    label: 'Clinic: 0.25 mg start, weekly 0.25 mg steps to 4.5 mg',
    schedule: { startMg: 0.25, stepMg: 0.25, intervalDays: 7, targetMg: 4.5 },
    // (design) 0.25 mg at 1 mg/mL would be 0.25 mL, not measurable in 0.1 mL steps; 0.5 mg/mL gives 0.5 mL per 0.25 mg.
    suggestedForm: { kind: 'liquid', mgPerMl: 0.5 },
    description:
      'Start at 0.25 mg a day and increase by 0.25 mg each week as tolerated up to 4.5 mg. The write-up gives no step ' +
      'size: 0.25 mg is a design choice, the smallest the clinic uses; some patients stay at 1.5 mg or 3 mg.',
    sources: [CLINIC_WRITE_UP],
  },
  {
    id: 'ldn-research-trust',
    label: 'LDN Research Trust: 0.5 mg steps every 2 weeks to 4.5 mg',
    schedule: { startMg: 0.5, stepMg: 0.5, intervalDays: 14, targetMg: 4.5 },
    suggestedForm: { kind: 'liquid', mgPerMl: 1 },
    description:
      'Start at 0.5 mg and add 0.5 mg every 2 weeks to 4.5 mg, or hold at the highest dose tolerated (at least 3 mg).',
    sources: [LDN_RESEARCH_TRUST],
  },
  {
    id: 'nct04678895',
    label: 'NCT04678895: 1.5 mg weekly steps to 4.5 mg',
    schedule: { startMg: 1.5, stepMg: 1.5, intervalDays: 7, targetMg: 4.5 },
    suggestedForm: { kind: 'capsule', strengthsMg: [1.5, 3, 4.5] },
    description: '1.5 mg for a week, 3 mg for a week, then 4.5 mg.',
    sources: [
      {
        label: 'Trial NCT04678895: 1.5 mg, +1.5 mg weekly to 4.5 mg',
        kind: 'trial',
        id: 'NCT04678895',
        url: 'https://clinicaltrials.gov/study/NCT04678895',
        verified: true,
      },
    ],
  },
  {
    id: 'nct05430152',
    label: 'NCT05430152: 1 mg weekly steps, 4.5 mg from week 4',
    schedule: { startMg: 1, stepMg: 1, intervalDays: 7, targetMg: 4.5, ladderMg: [1, 2, 3] },
    suggestedForm: { kind: 'liquid', mgPerMl: 1 },
    description: '1 mg, 2 mg and 3 mg for a week each, then 4.5 mg from week 4.',
    sources: [
      {
        label: 'Trial NCT05430152 (long COVID): 1 mg, +1 mg weekly, 4.5 mg from week 4',
        kind: 'trial',
        id: 'NCT05430152',
        url: 'https://clinicaltrials.gov/study/NCT05430152',
        verified: true,
      },
    ],
  },
  {
    id: 'fixed-4.5',
    label: 'Fixed 4.5 mg from day 1',
    schedule: { startMg: 4.5, stepMg: 0, intervalDays: 7, targetMg: 4.5 },
    suggestedForm: { kind: 'capsule', strengthsMg: [4.5] },
    description: '4.5 mg a day from the first day, with no titration, as in several randomised trials.',
    sources: [
      // ldn-clinical.md section 4 says "several RCTs gave fixed 4.5 mg from day 1" without naming them.
      {
        label: 'Several randomised trials gave a fixed 4.5 mg from day 1 (the research summary does not name them)',
        kind: 'review',
        verified: false,
      },
      {
        label: 'Cree et al., Ann Neurol 2010;68:145: 4.5 mg nightly (multiple sclerosis crossover)',
        kind: 'pmid',
        id: '20695007',
        url: 'https://pubmed.ncbi.nlm.nih.gov/20695007/',
        verified: true,
      },
    ],
  },
];

/** The preset with this id, or undefined. */
export function findPreset(id: string): TitrationPreset | undefined {
  return TITRATION_PRESETS.find((p) => p.id === id);
}

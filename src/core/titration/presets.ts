/** Titration presets from ldn-clinical.md section 4, each with its source. */
import type { Source } from '../assess/types.ts';
import type { DoseForm, TitrationInput } from './types.ts';

export interface TitrationPreset {
  id: string;
  label: string;
  /** The schedule fields a preset fixes; the clinician adds start date, timing and may change the form. */
  schedule: Pick<TitrationInput, 'startMg' | 'stepMg' | 'intervalDays' | 'targetMg' | 'ladderMg'>;
  /** A form that can give every dose of the schedule. */
  suggestedForm: DoseForm;
  description: string;
  sources: Source[];
}

export const TITRATION_PRESETS: readonly TitrationPreset[] = [];

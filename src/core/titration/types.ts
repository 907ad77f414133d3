/**
 * The titration planner's contract: what the clinician chooses (TitrationInput) and the plan it yields
 * (TitrationPlan), or the reasons it cannot (PlanProblem[]). Used by the order builder, the UI and `plan`.
 */

/** When the daily dose is taken. Trials dosed at night; morning is the usual switch for sleep problems. */
export type DoseTiming = 'bedtime' | 'morning';

/**
 * The compounded form.
 * - capsule: one or more strengths the pharmacy makes (mg per capsule); one dose may combine up to
 *   `maxCapsulesPerDose` capsules (default {@link DEFAULT_MAX_CAPSULES_PER_DOSE}).
 * - liquid: an oral liquid at `mgPerMl`; every dose must be a volume measurable in 0.1 mL steps
 *   ({@link LIQUID_RESOLUTION_ML}).
 */
export type DoseForm =
  | { kind: 'capsule'; strengthsMg: number[]; maxCapsulesPerDose?: number }
  | { kind: 'liquid'; mgPerMl: number };

/** Design: at most three capsules per dose, so a dose stays easy to take. */
export const DEFAULT_MAX_CAPSULES_PER_DOSE = 3;
/** Design: home oral syringes are read in 0.1 mL steps; a finer volume is refused, not rounded. */
export const LIQUID_RESOLUTION_ML = 0.1;
/** Default target: 4.5 mg/day is the dose of the trials and the LDN Research Trust sheet (ldn-clinical.md §4). */
export const DEFAULT_TARGET_MG = 4.5;
/** Above this the clinician must give a reason. */
export const USUAL_MAX_MG = 4.5;
/** "Low dose" is at most 10 mg/day (LDN Research Trust, ldn-clinical.md §4): above it the planner refuses. */
export const LOW_DOSE_LIMIT_MG = 10;
/** The lowest start dose the clinic uses (0.25 mg/day, clinic write-up, ldn-clinical.md §4). */
export const MIN_START_MG = 0.25;
export const DEFAULT_MAINTENANCE_DAYS = 30;
export const DEFAULT_HOLD_NOTE =
  'Increase only as tolerated. If a step causes side effects (for example trouble sleeping or vivid dreams), ' +
  'go back to the previous dose and stay at the highest dose you tolerate; contact the clinic before changing.';

export interface TitrationInput {
  /** First daily dose, mg (>= 0.25). */
  startMg: number;
  /** Increase per step, mg (> 0 unless start equals target). */
  stepMg: number;
  /** Days at each titration dose (whole days, 1 to 90). */
  intervalDays: number;
  /** Maintenance daily dose, mg. Default 4.5; above 4.5 needs `targetReason`; above 10 is refused. */
  targetMg?: number;
  targetReason?: string;
  timing: DoseTiming;
  form: DoseForm;
  /** First day of the plan, ISO date (YYYY-MM-DD). A parameter: the core never reads the clock. */
  startDate: string;
  /** Days of maintenance to dispense after titration. Default 30 (a maintenance month). */
  maintenanceDays?: number;
  /** Hold-at-tolerated-dose note shown with the plan. Default {@link DEFAULT_HOLD_NOTE}. */
  holdNote?: string;
  /**
   * Optional explicit titration doses (mg), replacing start + k * step, e.g. [1, 2, 3] for NCT05430152
   * (4.5 mg from week 4). Must start at `startMg`, rise strictly and stay below the target.
   */
  ladderMg?: number[];
}

/** How one dose is made up from the form. */
export type PerDoseUnits =
  | { kind: 'capsule'; capsules: { strengthMg: number; count: number }[] }
  | { kind: 'liquid'; ml: number; mgPerMl: number };

/** A quantity to dispense: capsules per strength, or mL of liquid. */
export type DispenseQuantity =
  | { kind: 'capsule'; perStrength: { strengthMg: number; count: number }[]; totalCapsules: number }
  | { kind: 'liquid'; ml: number; mgPerMl: number };

export interface TitrationStep {
  /** 1-based, increasing; the maintenance step is last. */
  sequence: number;
  phase: 'titration' | 'maintenance';
  /** ISO dates, both inclusive. For maintenance: the end of the dispensed maintenance period. */
  startDate: string;
  endDate: string;
  days: number;
  /** Daily dose, mg. */
  doseMg: number;
  /** e.g. "1 capsule of 1.5 mg", "1 capsule of 3 mg and 1 capsule of 1.5 mg", "1.5 mL of 1 mg/mL". */
  howToTake: string;
  perDoseUnits: PerDoseUnits;
  /** What this step needs dispensed (per-dose units x days). */
  quantity: DispenseQuantity;
  /** Plain-language instruction for this step. */
  sig: string;
}

export interface TitrationPlan {
  /** The input with every default filled in. */
  input: Required<Omit<TitrationInput, 'targetReason' | 'ladderMg'>> & Pick<TitrationInput, 'targetReason' | 'ladderMg'>;
  /** Titration steps then the maintenance step. */
  steps: TitrationStep[];
  titrationDays: number;
  /** Titration plus maintenance days: the expected supply duration. */
  totalDays: number;
  /** Last day covered by the dispensed quantity (ISO date). */
  endDate: string;
  /** Sum of every step's quantity: titration plus a maintenance month. */
  dispense: DispenseQuantity;
  /** e.g. "Naltrexone 1 mg/mL oral liquid (compounded)". */
  formDescription: string;
  /** The whole plan in words, one line per step plus the hold note (and the reason for a target above 4.5 mg). */
  planText: string;
  /** Things to tell the prescriber that do not stop the plan (e.g. supply longer than the liquid keeps). */
  warnings: string[];
}

export type PlanProblemCode =
  | 'invalid-number' // not a finite number, or finer than 1 microgram / 1 day
  | 'not-positive' // zero or negative dose, step or concentration
  | 'start-too-low' // start below 0.25 mg
  | 'start-above-target'
  | 'target-needs-reason' // above 4.5 mg without a reason
  | 'target-above-limit' // above 10 mg: not low dose
  | 'step-missing' // start below target with no step
  | 'interval-invalid'
  | 'maintenance-invalid'
  | 'date-invalid'
  | 'form-invalid'
  | 'ladder-invalid'
  | 'not-deliverable' // a dose the form cannot give exactly
  | 'too-many-steps';

/** Why a plan cannot be made: a code, the input field at fault (dotted path) and a sentence for the clinician. */
export interface PlanProblem {
  code: PlanProblemCode;
  field: string;
  message: string;
}

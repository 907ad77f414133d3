/**
 * The titration planner's contract: what the clinician chooses (TitrationInput) and the plan it yields
 * (TitrationPlan), or the reasons it cannot (PlanProblem[]). Used by the order builder, the UI and `plan`.
 */
import type { PlanCode, Problem } from '../problem.ts';

/** When the daily dose is taken. Trials dosed at night; morning is the usual switch for sleep problems. */
export type DoseTiming = 'bedtime' | 'morning';

/** Where the liquid is kept, which sets its beyond-use date (30 days room temperature, 60 refrigerated). */
export type LiquidStorage = 'room-temperature' | 'refrigerated';

/**
 * The compounded form.
 * - capsule: one or more strengths the pharmacy makes (mg per capsule). By default every dose is ONE capsule (a
 *   pharmacy makes one strength per step); a dose may combine up to `maxCapsulesPerDose` capsules only when the
 *   clinician asks for it. `filler` is the inactive ingredient (default microcrystalline cellulose).
 * - liquid: an oral liquid at `mgPerMl`; every dose must be a volume measurable in 0.1 mL steps
 *   ({@link LIQUID_RESOLUTION_ML}); `storage` sets the beyond-use date (default room temperature).
 */
export type DoseForm =
  | { kind: 'capsule'; strengthsMg: number[]; maxCapsulesPerDose?: number; filler?: string }
  | { kind: 'liquid'; mgPerMl: number; storage?: LiquidStorage };

/** Design (issue 11): one capsule per dose unless the clinician allows more (then up to {@link MULTI_CAPSULE_MAX}). */
export const DEFAULT_MAX_CAPSULES_PER_DOSE = 1;
/** Design: when the clinician allows several capsules per dose, at most three, so a dose stays easy to take. */
export const MULTI_CAPSULE_MAX = 3;
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
  /**
   * The first day LDN may start (Assessment.opioidFreeFrom, ISO date), when the chart has an opioid-free window.
   * A start date before it is refused unless `startBeforeOpioidFree` records the clinician's choice to go ahead.
   */
  opioidFreeFrom?: string;
  /** The clinician chose to start inside the opioid-free window anyway (recorded in the plan text, and so the order note). */
  startBeforeOpioidFree?: boolean;
}

/** One dispensing of the compound: consecutive days, never longer than the form's beyond-use limit. */
export interface Fill {
  /** 1-based. Fill 1 is the initial fill, the others are repeats. */
  number: number;
  /** ISO dates, both inclusive: the days this fill's doses cover. */
  startDate: string;
  endDate: string;
  days: number;
  quantity: DispenseQuantity;
  /**
   * The beyond-use date when the fill is compounded on its first day of use (ISO date): the form's limit in days
   * after `startDate`. Always after `endDate`.
   */
  beyondUseDate: string;
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

type OptionalInput = 'targetReason' | 'ladderMg' | 'opioidFreeFrom' | 'startBeforeOpioidFree';

export interface TitrationPlan {
  /** The input with every default filled in. */
  input: Required<Omit<TitrationInput, OptionalInput>> & Pick<TitrationInput, OptionalInput>;
  /** Titration steps then the maintenance step. */
  steps: TitrationStep[];
  titrationDays: number;
  /** Titration plus maintenance days: the expected supply duration. */
  totalDays: number;
  /** Last day covered by the dispensed quantity (ISO date). */
  endDate: string;
  /** Sum of every step's quantity: titration plus a maintenance month. */
  dispense: DispenseQuantity;
  /** The supply split into fills, each inside the form's beyond-use limit; their quantities add up to `dispense`. */
  fills: Fill[];
  /** The form's beyond-use limit in days (capsules 180; liquid 30 room temperature, 60 refrigerated). */
  beyondUseDays: number;
  /** Liquid only: where it is kept. */
  storage?: LiquidStorage;
  /** e.g. "Naltrexone 1 mg/mL oral liquid (compounded)". */
  formDescription: string;
  /** The whole plan in words, one line per step plus the hold note (and the reason for a target above 4.5 mg). */
  planText: string;
  /** Things to tell the prescriber that do not stop the plan (e.g. supply longer than the liquid keeps). */
  warnings: string[];
}

/** Why a plan cannot be made: the planner's codes in the shared problem vocabulary (src/core/problem.ts). */
export type PlanProblemCode = PlanCode;

/**
 * Why a plan cannot be made: a code, the input field at fault (`target`, a dotted path such as "form.mgPerMl") and
 * the facts the wording needs (`params`, e.g. the dose in mg). Worded by each surface's `describeProblem`.
 */
export interface PlanProblem extends Problem<PlanCode> {
  severity: 'error';
  target: string;
}

/**
 * Input checks for the planner: every number becomes whole micrograms or days, every problem is reported at once
 * with the field at fault, and doses the form cannot give exactly are refused (never rounded).
 */
import { problem as makeProblem, type ProblemParams } from '../problem.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { isIsoDate } from './dates.ts';
import type { PlanProblem, TitrationInput } from './types.ts';
import {
  DEFAULT_MAINTENANCE_DAYS,
  DEFAULT_MAX_CAPSULES_PER_DOSE,
  DEFAULT_TARGET_MG,
  LOW_DOSE_LIMIT_MG,
  MIN_START_MG,
  USUAL_MAX_MG,
} from './types.ts';
import { capsuleCombination, formatMg, liquidTenthsOfMl, toMicrograms } from './units.ts';

/** Enough for 0.25 mg weekly steps to 10 mg; more is a typing mistake, not a plan. */
export const MAX_TITRATION_STEPS = 60;
const MAX_INTERVAL_DAYS = 90;
const MAX_MAINTENANCE_DAYS = 365;
const MAX_STRENGTHS = 6;
const MAX_CAPSULES_LIMIT = 6;
const MAX_FILLER_CHARS = 100;

export type ExactForm =
  { kind: 'capsule'; strengthsUg: number[]; maxPerDose: number } | { kind: 'liquid'; concentrationUgPerMl: number };

/** The input in exact units, with the titration doses worked out (each below the target, rising). */
export interface ExactInput {
  startUg: number;
  stepUg: number;
  targetUg: number;
  intervalDays: number;
  maintenanceDays: number;
  form: ExactForm;
  /** The daily doses of the titration steps, in order; empty when the plan starts at the target. */
  titrationUg: number[];
}

/** The value typed, as a param; left out for NaN (an empty field), which the wording calls "missing". */
function got(value: number): ProblemParams {
  return Number.isNaN(value) ? {} : { value: String(value) };
}

const problem = (code: PlanProblem['code'], field: string, params?: ProblemParams): PlanProblem =>
  makeProblem(code, 'error', params, field) as PlanProblem;

/** A dose in mg as whole micrograms that must be above zero; pushes a problem otherwise. */
function positiveUg(value: number, field: string, problems: PlanProblem[]): number | undefined {
  const ug = toMicrograms(value);
  if (ug === undefined) {
    problems.push(problem('plan/invalid-number', field, got(value)));
    return undefined;
  }
  if (ug <= 0) {
    problems.push(problem('plan/not-positive', field, { mg: formatMg(ug) }));
    return undefined;
  }
  return ug;
}

function wholeDays(
  value: number,
  min: number,
  max: number,
  field: string,
  code: PlanProblem['code'],
  problems: PlanProblem[],
): number | undefined {
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(problem(code, field, { ...got(value), min, max }));
    return undefined;
  }
  return value;
}

function exactForm(input: TitrationInput, problems: PlanProblem[]): ExactForm | undefined {
  const form = input.form;
  if (form.kind === 'liquid') {
    if (form.storage !== undefined && form.storage !== 'room-temperature' && form.storage !== 'refrigerated') {
      problems.push(problem('plan/form-invalid', 'form.storage'));
    }
    const conc = positiveUg(form.mgPerMl, 'form.mgPerMl', problems);
    return conc === undefined ? undefined : { kind: 'liquid', concentrationUgPerMl: conc };
  }
  if (form.kind !== 'capsule') {
    problems.push(problem('plan/form-invalid', 'form.kind'));
    return undefined;
  }
  const before = problems.length;
  if (form.strengthsMg.length === 0 || form.strengthsMg.length > MAX_STRENGTHS) {
    problems.push(problem('plan/form-invalid', 'form.strengthsMg', { max: MAX_STRENGTHS }));
  }
  const strengthsUg = form.strengthsMg.map((s) => positiveUg(s, 'form.strengthsMg', problems));
  const maxPerDose = form.maxCapsulesPerDose ?? DEFAULT_MAX_CAPSULES_PER_DOSE;
  if (!Number.isInteger(maxPerDose) || maxPerDose < 1 || maxPerDose > MAX_CAPSULES_LIMIT) {
    problems.push(problem('plan/form-invalid', 'form.maxCapsulesPerDose', { max: MAX_CAPSULES_LIMIT }));
  }
  if (form.filler !== undefined && (!form.filler.trim() || form.filler.length > MAX_FILLER_CHARS)) {
    problems.push(problem('plan/form-invalid', 'form.filler', { max: MAX_FILLER_CHARS }));
  }
  if (problems.length > before) return undefined;
  return { kind: 'capsule', strengthsUg: strengthsUg as number[], maxPerDose };
}

/**
 * Why a dose cannot be given by the form, as the facts of a "plan/not-deliverable" problem, or undefined when it
 * can be given exactly. `strengthsMg` lists the capsule strengths in mg, comma-separated; `maxPerDose` 1 is the
 * default (one capsule per dose, so the pharmacy makes one strength per step and the fix is that strength).
 */
export function undeliverable(doseUg: number, form: ExactForm): ProblemParams | undefined {
  if (form.kind === 'liquid') {
    if (liquidTenthsOfMl(doseUg, form.concentrationUgPerMl) !== undefined) return undefined;
    const ml = (doseUg / form.concentrationUgPerMl).toFixed(3).replace(/0+$/, '');
    return { form: 'liquid', doseMg: formatMg(doseUg), mgPerMl: formatMg(form.concentrationUgPerMl), ml };
  }
  if (capsuleCombination(doseUg, form.strengthsUg, form.maxPerDose)) return undefined;
  const strengthsMg = form.strengthsUg.map(formatMg).join(',');
  return { form: 'capsule', doseMg: formatMg(doseUg), strengthsMg, maxPerDose: form.maxPerDose };
}

/** The titration doses from start + k * step (or the explicit ladder), all below the target. */
function titrationDoses(
  input: TitrationInput,
  startUg: number,
  stepUg: number,
  targetUg: number,
  problems: PlanProblem[],
): number[] | undefined {
  if (input.ladderMg) {
    const ladder = input.ladderMg.map((d) => toMicrograms(d));
    const ok =
      ladder.length > 0 &&
      ladder.every((d): d is number => d !== undefined && d > 0 && d < targetUg) &&
      ladder[0] === startUg &&
      ladder.every((d, i) => i === 0 || (d as number) > (ladder[i - 1] as number));
    if (!ok) {
      problems.push(problem('plan/ladder-invalid', 'ladderMg'));
      return undefined;
    }
    return ladder as number[];
  }
  if (startUg === targetUg) return [];
  if (stepUg === 0) {
    problems.push(problem('plan/step-missing', 'stepMg'));
    return undefined;
  }
  const count = Math.ceil((targetUg - startUg) / stepUg);
  if (count > MAX_TITRATION_STEPS) {
    problems.push(problem('plan/too-many-steps', 'stepMg', { count, max: MAX_TITRATION_STEPS }));
    return undefined;
  }
  return Array.from({ length: count }, (_, k) => startUg + k * stepUg);
}

/** Check the input and convert it to exact units, or list every problem found. */
export function exactInput(input: TitrationInput): Result<ExactInput, PlanProblem[]> {
  const problems: PlanProblem[] = [];
  const startUg = positiveUg(input.startMg, 'startMg', problems);
  if (startUg !== undefined && startUg < toMicrograms(MIN_START_MG)!) {
    problems.push(problem('plan/start-too-low', 'startMg', { mg: formatMg(startUg), min: MIN_START_MG }));
  }
  const targetUg = positiveUg(input.targetMg ?? DEFAULT_TARGET_MG, 'targetMg', problems);
  if (targetUg !== undefined && targetUg > toMicrograms(LOW_DOSE_LIMIT_MG)!) {
    // Low dose is at most 10 mg a day (LDN Research Trust): the wording cites it.
    problems.push(problem('plan/target-above-limit', 'targetMg', { mg: formatMg(targetUg), limit: LOW_DOSE_LIMIT_MG }));
  } else if (targetUg !== undefined && targetUg > toMicrograms(USUAL_MAX_MG)! && !input.targetReason?.trim()) {
    problems.push(problem('plan/target-needs-reason', 'targetReason', { max: USUAL_MAX_MG }));
  }
  if (startUg !== undefined && targetUg !== undefined && startUg > targetUg) {
    problems.push(
      problem('plan/start-above-target', 'startMg', { startMg: formatMg(startUg), targetMg: formatMg(targetUg) }),
    );
  }
  let stepUg = toMicrograms(input.stepMg);
  if (stepUg === undefined) problems.push(problem('plan/invalid-number', 'stepMg', got(input.stepMg)));
  else if (stepUg < 0) problems.push(problem('plan/not-positive', 'stepMg', { mg: formatMg(stepUg) }));
  if (stepUg !== undefined && stepUg < 0) stepUg = undefined;
  const intervalDays = wholeDays(
    input.intervalDays,
    1,
    MAX_INTERVAL_DAYS,
    'intervalDays',
    'plan/interval-invalid',
    problems,
  );
  const maintenanceDays = wholeDays(
    input.maintenanceDays ?? DEFAULT_MAINTENANCE_DAYS,
    1,
    MAX_MAINTENANCE_DAYS,
    'maintenanceDays',
    'plan/maintenance-invalid',
    problems,
  );
  if (!isIsoDate(input.startDate))
    problems.push(problem('plan/date-invalid', 'startDate', { value: String(input.startDate) }));
  if (input.opioidFreeFrom !== undefined && !isIsoDate(input.opioidFreeFrom))
    problems.push(problem('plan/date-invalid', 'opioidFreeFrom', { value: String(input.opioidFreeFrom) }));
  if (input.timing !== 'bedtime' && input.timing !== 'morning') problems.push(problem('plan/form-invalid', 'timing'));
  const form = exactForm(input, problems);
  if (problems.length > 0 || startUg === undefined || targetUg === undefined || stepUg === undefined || !form)
    return err(problems);

  const titrationUg = titrationDoses(input, startUg, stepUg, targetUg, problems);
  if (!titrationUg) return err(problems);
  const field = (ug: number, i: number): string =>
    ug === targetUg ? 'targetMg' : i === 0 ? 'startMg' : input.ladderMg ? 'ladderMg' : 'stepMg';
  [...titrationUg, targetUg].forEach((ug, i) => {
    const why = undeliverable(ug, form);
    if (why) problems.push(problem('plan/not-deliverable', field(ug, i), why));
  });
  if (problems.length > 0) return err(problems);
  return ok({
    startUg,
    stepUg,
    targetUg,
    intervalDays: intervalDays!,
    maintenanceDays: maintenanceDays!,
    form,
    titrationUg,
  });
}

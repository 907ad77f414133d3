/**
 * Input checks for the planner: every number becomes whole micrograms or days, every problem is reported at once
 * with the field at fault, and doses the form cannot give exactly are refused (never rounded).
 */
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

/** "The start dose is missing or not a number." for NaN (an empty field), else what is expected and what came. */
function numberMessage(what: string, expected: string, value: number): string {
  return Number.isNaN(value)
    ? `${what} is missing or not a number.`
    : `${what} must be a number ${expected} (got ${String(value)}).`;
}

const problem = (code: PlanProblem['code'], field: string, message: string): PlanProblem => ({ code, field, message });

/** A dose in mg as whole micrograms that must be above zero; pushes a problem otherwise. */
function positiveUg(value: number, field: string, what: string, problems: PlanProblem[]): number | undefined {
  const ug = toMicrograms(value);
  if (ug === undefined) {
    problems.push(problem('invalid-number', field, numberMessage(what, 'in mg with at most 3 decimals', value)));
    return undefined;
  }
  if (ug <= 0) {
    problems.push(problem('not-positive', field, `${what} must be more than 0 mg (got ${formatMg(ug)} mg).`));
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
  what: string,
  problems: PlanProblem[],
): number | undefined {
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(problem(code, field, numberMessage(what, `of whole days from ${min} to ${max}`, value)));
    return undefined;
  }
  return value;
}

function exactForm(input: TitrationInput, problems: PlanProblem[]): ExactForm | undefined {
  const form = input.form;
  if (form.kind === 'liquid') {
    if (form.storage !== undefined && form.storage !== 'room-temperature' && form.storage !== 'refrigerated') {
      problems.push(problem('form-invalid', 'form.storage', 'The liquid is kept at room temperature or refrigerated.'));
    }
    const conc = positiveUg(form.mgPerMl, 'form.mgPerMl', 'The concentration', problems);
    return conc === undefined ? undefined : { kind: 'liquid', concentrationUgPerMl: conc };
  }
  if (form.kind !== 'capsule') {
    problems.push(problem('form-invalid', 'form.kind', 'The form must be capsules or an oral liquid.'));
    return undefined;
  }
  const before = problems.length;
  if (form.strengthsMg.length === 0 || form.strengthsMg.length > MAX_STRENGTHS) {
    problems.push(problem('form-invalid', 'form.strengthsMg', `Choose 1 to ${MAX_STRENGTHS} capsule strengths.`));
  }
  const strengthsUg = form.strengthsMg.map((s) => positiveUg(s, 'form.strengthsMg', 'A capsule strength', problems));
  const maxPerDose = form.maxCapsulesPerDose ?? DEFAULT_MAX_CAPSULES_PER_DOSE;
  if (!Number.isInteger(maxPerDose) || maxPerDose < 1 || maxPerDose > MAX_CAPSULES_LIMIT) {
    problems.push(
      problem(
        'form-invalid',
        'form.maxCapsulesPerDose',
        `Capsules per dose must be a whole number from 1 to ${MAX_CAPSULES_LIMIT}.`,
      ),
    );
  }
  if (form.filler !== undefined && (!form.filler.trim() || form.filler.length > 100)) {
    problems.push(problem('form-invalid', 'form.filler', 'Name the capsule filler in at most 100 characters.'));
  }
  if (problems.length > before) return undefined;
  return { kind: 'capsule', strengthsUg: strengthsUg as number[], maxPerDose };
}

/** Why a dose cannot be given by the form, or undefined when it can be given exactly. */
export function undeliverable(doseUg: number, form: ExactForm): string | undefined {
  if (form.kind === 'liquid') {
    if (liquidTenthsOfMl(doseUg, form.concentrationUgPerMl) !== undefined) return undefined;
    const ml = (doseUg / form.concentrationUgPerMl).toFixed(3).replace(/0+$/, '');
    return (
      `${formatMg(doseUg)} mg at ${formatMg(form.concentrationUgPerMl)} mg/mL is ${ml} mL, which cannot be measured ` +
      'in 0.1 mL steps: choose a concentration that gives whole tenths of a mL, or capsules.'
    );
  }
  if (capsuleCombination(doseUg, form.strengthsUg, form.maxPerDose)) return undefined;
  const strengths = form.strengthsUg.map((s) => `${formatMg(s)} mg`).join(', ');
  if (form.maxPerDose === 1) {
    // One capsule per dose (the default): the pharmacy makes one strength per step, so the fix is that strength.
    return `${formatMg(doseUg)} mg is not one of the capsule strengths (${strengths}): add a ${formatMg(doseUg)} mg capsule, allow several capsules per dose, or choose an oral liquid.`;
  }
  return (
    `${formatMg(doseUg)} mg cannot be made exactly from capsules of ${strengths} ` +
    `(at most ${form.maxPerDose} per dose): choose strengths that add up to it, or an oral liquid.`
  );
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
      problems.push(
        problem(
          'ladder-invalid',
          'ladderMg',
          'The dose ladder must start at the start dose, rise at every step and stay below the target.',
        ),
      );
      return undefined;
    }
    return ladder as number[];
  }
  if (startUg === targetUg) return [];
  if (stepUg === 0) {
    problems.push(problem('step-missing', 'stepMg', 'The start dose is below the target: give a step above 0 mg.'));
    return undefined;
  }
  const count = Math.ceil((targetUg - startUg) / stepUg);
  if (count > MAX_TITRATION_STEPS) {
    problems.push(
      problem(
        'too-many-steps',
        'stepMg',
        `This step gives ${count} titration steps; at most ${MAX_TITRATION_STEPS} are allowed.`,
      ),
    );
    return undefined;
  }
  return Array.from({ length: count }, (_, k) => startUg + k * stepUg);
}

/** Check the input and convert it to exact units, or list every problem found. */
export function exactInput(input: TitrationInput): Result<ExactInput, PlanProblem[]> {
  const problems: PlanProblem[] = [];
  const startUg = positiveUg(input.startMg, 'startMg', 'The start dose', problems);
  if (startUg !== undefined && startUg < toMicrograms(MIN_START_MG)!) {
    problems.push(
      problem(
        'start-too-low',
        'startMg',
        `The start dose must be at least ${MIN_START_MG} mg (got ${formatMg(startUg)} mg).`,
      ),
    );
  }
  const targetUg = positiveUg(input.targetMg ?? DEFAULT_TARGET_MG, 'targetMg', 'The target dose', problems);
  if (targetUg !== undefined && targetUg > toMicrograms(LOW_DOSE_LIMIT_MG)!) {
    problems.push(
      problem(
        'target-above-limit',
        'targetMg',
        `The target ${formatMg(targetUg)} mg is above ${LOW_DOSE_LIMIT_MG} mg: low-dose naltrexone is at most ${LOW_DOSE_LIMIT_MG} mg a day (LDN Research Trust).`,
      ),
    );
  } else if (targetUg !== undefined && targetUg > toMicrograms(USUAL_MAX_MG)! && !input.targetReason?.trim()) {
    problems.push(problem('target-needs-reason', 'targetReason', `A target above ${USUAL_MAX_MG} mg needs a reason.`));
  }
  if (startUg !== undefined && targetUg !== undefined && startUg > targetUg) {
    problems.push(
      problem(
        'start-above-target',
        'startMg',
        `The start dose ${formatMg(startUg)} mg is above the target ${formatMg(targetUg)} mg.`,
      ),
    );
  }
  let stepUg = toMicrograms(input.stepMg);
  if (stepUg === undefined)
    problems.push(
      problem('invalid-number', 'stepMg', numberMessage('The step', 'in mg with at most 3 decimals', input.stepMg)),
    );
  else if (stepUg < 0)
    problems.push(problem('not-positive', 'stepMg', `The step must not be negative (got ${formatMg(stepUg)} mg).`));
  if (stepUg !== undefined && stepUg < 0) stepUg = undefined;
  const intervalDays = wholeDays(
    input.intervalDays,
    1,
    MAX_INTERVAL_DAYS,
    'intervalDays',
    'interval-invalid',
    'The interval',
    problems,
  );
  const maintenanceDays = wholeDays(
    input.maintenanceDays ?? DEFAULT_MAINTENANCE_DAYS,
    1,
    MAX_MAINTENANCE_DAYS,
    'maintenanceDays',
    'maintenance-invalid',
    'The maintenance period',
    problems,
  );
  if (!isIsoDate(input.startDate))
    problems.push(
      problem(
        'date-invalid',
        'startDate',
        `The start date must be a date written YYYY-MM-DD (got "${input.startDate}").`,
      ),
    );
  if (input.opioidFreeFrom !== undefined && !isIsoDate(input.opioidFreeFrom))
    problems.push(
      problem(
        'date-invalid',
        'opioidFreeFrom',
        `The opioid-free date must be written YYYY-MM-DD (got "${input.opioidFreeFrom}").`,
      ),
    );
  if (input.timing !== 'bedtime' && input.timing !== 'morning')
    problems.push(problem('form-invalid', 'timing', 'The timing must be bedtime or morning.'));
  const form = exactForm(input, problems);
  if (problems.length > 0 || startUg === undefined || targetUg === undefined || stepUg === undefined || !form)
    return err(problems);

  const titrationUg = titrationDoses(input, startUg, stepUg, targetUg, problems);
  if (!titrationUg) return err(problems);
  const field = (ug: number, i: number): string =>
    ug === targetUg ? 'targetMg' : i === 0 ? 'startMg' : input.ladderMg ? 'ladderMg' : 'stepMg';
  [...titrationUg, targetUg].forEach((ug, i) => {
    const why = undeliverable(ug, form);
    if (why) problems.push(problem('not-deliverable', field(ug, i), why));
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

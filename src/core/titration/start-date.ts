/**
 * The plan's start date against the opioid-free window (issue 10 item 5): naltrexone must not start while an
 * opioid may still be in the body (naltrexone label: opioid-free 7-10 days, 14 after methadone or buprenorphine;
 * ldn-clinical.md section 2 and 2b). The assessment gives the first allowed day (Assessment.opioidFreeFrom); the
 * planner defaults to it and refuses an earlier start unless the clinician records the choice to go ahead.
 */
import { clinicalDate } from '../fhir/dates.ts';
import { isIsoDate } from './dates.ts';
import type { PlanProblem } from './types.ts';

/** The default start date: the opioid-free date when it is later than today, else today. */
export function defaultStartDate(today: string, opioidFreeFrom: string | undefined): string {
  return opioidFreeFrom && isIsoDate(opioidFreeFrom) && opioidFreeFrom > today ? opioidFreeFrom : today;
}

export type StartDateCheck =
  | { kind: 'ok' }
  /** Before the opioid-free date, and the clinician has not chosen to go ahead: the plan is refused. */
  | { kind: 'refused'; problem: PlanProblem }
  /** Before the opioid-free date by the clinician's choice: the plan goes ahead with this sentence in its text. */
  | { kind: 'warned'; note: string };

/** Judge a start date (ISO) against the opioid-free date; `goAhead` is the clinician's recorded choice. */
export function checkStartDate(
  startDate: string,
  opioidFreeFrom: string | undefined,
  goAhead: boolean | undefined,
): StartDateCheck {
  if (!opioidFreeFrom || !isIsoDate(opioidFreeFrom) || !isIsoDate(startDate) || startDate >= opioidFreeFrom)
    return { kind: 'ok' };
  const start = clinicalDate(startDate);
  const free = clinicalDate(opioidFreeFrom);
  if (goAhead) {
    return {
      kind: 'warned',
      note: `Start date ${start} is before the end of the opioid-free window (not before ${free}): the prescriber chose to start anyway.`,
    };
  }
  return {
    kind: 'refused',
    problem: {
      code: 'plan/start-in-window',
      severity: 'error',
      target: 'startDate',
      params: { startDate, opioidFreeFrom },
    },
  };
}

/**
 * The titration planner: start dose, steps, target, form -> dated steps, quantities and sigs, or the reasons why not.
 */
import type { Result } from '../result.ts';
import { err } from '../result.ts';
import type { PlanProblem, TitrationInput, TitrationPlan } from './types.ts';

/** Plan a titration. Pure: the start date is a parameter. Doses a form cannot give exactly are refused. */
export function planTitration(input: TitrationInput): Result<TitrationPlan, PlanProblem[]> {
  void input;
  return err([{ code: 'form-invalid', field: 'form', message: 'not implemented yet' }]);
}

/**
 * The titration planner: start dose, steps, target, form -> dated steps, quantities and sigs, or the reasons why not.
 *
 * Titration steps are the doses below the target (start + k * step, or an explicit ladder); the maintenance step is
 * the target, dispensed for `maintenanceDays` (default a month). Every dose is checked against the form first and
 * refused when the form cannot give it exactly (validate.ts); nothing is rounded. The supply is split into fills
 * inside the form's beyond-use limit (fills.ts), and a start before the opioid-free date is refused unless the
 * clinician chose it (start-date.ts).
 */
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { clinicalDate } from '../fhir/dates.ts';
import { addDays } from './dates.ts';
import { splitFills } from './fills.ts';
import { checkStartDate } from './start-date.ts';
import { formDescription, stepSig } from './sig.ts';
import type { PerDoseUnits, PlanProblem, TitrationInput, TitrationPlan, TitrationStep } from './types.ts';
import { DEFAULT_HOLD_NOTE, DEFAULT_MAINTENANCE_DAYS, DEFAULT_TARGET_MG } from './types.ts';
import type { ExactForm } from './validate.ts';
import { exactInput } from './validate.ts';
import {
  addQuantities,
  capsuleCombination,
  describeDose,
  describeQuantity,
  liquidTenthsOfMl,
  quantityFor,
  ugToMg,
} from './units.ts';
import { beyondUseDays, liquidStorage } from './supply.ts';

/** How one (deliverable) dose is taken. */
function unitsFor(doseUg: number, form: ExactForm): PerDoseUnits {
  if (form.kind === 'liquid') {
    const tenths = liquidTenthsOfMl(doseUg, form.concentrationUgPerMl);
    if (tenths === undefined) throw new Error(`unitsFor: ${doseUg} ug was not checked against the liquid`);
    return { kind: 'liquid', ml: tenths / 10, mgPerMl: ugToMg(form.concentrationUgPerMl) };
  }
  const combo = capsuleCombination(doseUg, form.strengthsUg, form.maxPerDose);
  if (!combo) throw new Error(`unitsFor: ${doseUg} ug was not checked against the capsules`);
  return { kind: 'capsule', capsules: combo.map((c) => ({ strengthMg: ugToMg(c.strengthUg), count: c.count })) };
}

/** Plan a titration. Pure: the start date is a parameter. Doses a form cannot give exactly are refused. */
export function planTitration(input: TitrationInput): Result<TitrationPlan, PlanProblem[]> {
  const checked = exactInput(input);
  const start = checkStartDate(input.startDate, input.opioidFreeFrom, input.startBeforeOpioidFree);
  if (!checked.ok) return start.kind === 'refused' ? err([...checked.error, start.problem]) : checked;
  if (start.kind === 'refused') return err([start.problem]);
  const x = checked.value;
  const doses = [
    ...x.titrationUg.map((ug) => ({ ug, days: x.intervalDays, phase: 'titration' as const })),
    { ug: x.targetUg, days: x.maintenanceDays, phase: 'maintenance' as const },
  ];

  const steps: TitrationStep[] = [];
  let day = 0;
  doses.forEach((d, i) => {
    const perDoseUnits = unitsFor(d.ug, x.form);
    const facts = {
      phase: d.phase,
      doseMg: ugToMg(d.ug),
      howToTake: describeDose(perDoseUnits),
      days: d.days,
      startDate: addDays(input.startDate, day),
      endDate: addDays(input.startDate, day + d.days - 1),
    };
    steps.push({
      sequence: i + 1,
      ...facts,
      perDoseUnits,
      quantity: quantityFor(perDoseUnits, d.days),
      sig: stepSig(facts, input.timing, i === 0),
    });
    day += d.days;
  });

  const titrationDays = x.titrationUg.length * x.intervalDays;
  const totalDays = titrationDays + x.maintenanceDays;
  const mgPerMl = x.form.kind === 'liquid' ? ugToMg(x.form.concentrationUgPerMl) : 0;
  const dispense = addQuantities(
    steps.map((s) => s.quantity),
    x.form.kind,
    mgPerMl,
  );
  const holdNote = input.holdNote?.trim() || DEFAULT_HOLD_NOTE;
  const normalized: TitrationPlan['input'] = {
    ...input,
    targetMg: input.targetMg ?? DEFAULT_TARGET_MG,
    maintenanceDays: input.maintenanceDays ?? DEFAULT_MAINTENANCE_DAYS,
    holdNote,
  };
  const description = formDescription(input.form);
  const reason = input.targetReason?.trim();
  const limit = beyondUseDays(input.form);
  const fills = splitFills(steps, input.startDate, limit, mgPerMl);
  const planText = [
    `${description}.`,
    ...(start.kind === 'warned' ? [start.note] : []),
    ...steps.map((s) => `Step ${s.sequence}: ${s.sig}`),
    ...(reason ? [`Target above 4.5 mg because: ${reason}`] : []),
    holdNote,
    `Dispense ${describeQuantity(dispense)} for ${totalDays} days (titration ${titrationDays} days plus ${x.maintenanceDays} days at the target)` +
      (fills.length > 1
        ? `, in ${fills.length} fills of at most ${limit} days, from ${clinicalDate(input.startDate)}.`
        : '.'),
  ].join('\n');
  const storage = liquidStorage(input.form);

  return ok({
    input: normalized,
    steps,
    titrationDays,
    totalDays,
    endDate: addDays(input.startDate, totalDays - 1),
    dispense,
    fills,
    beyondUseDays: limit,
    ...(storage ? { storage } : {}),
    formDescription: description,
    planText,
    warnings: start.kind === 'warned' ? [start.note] : [],
  });
}

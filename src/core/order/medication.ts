/**
 * The compound as a contained Medication (ldn-clinical.md section 7): code.text names it (US Core allows text only
 * for a compound), naltrexone RxNorm 7243 with its strength as a Ratio, the capsule filler as an inactive ingredient.
 */
import type { Medication, MedicationIngredient } from 'fhir/r4';
import type { TitrationPlan } from '../titration/types.ts';
import { NALTREXONE, capsules, mg, ml } from './codes.ts';

export const CONTAINED_MEDICATION_ID = 'ldn-compound';
/** Capsules are compounded in microcrystalline cellulose (Avicel), the filler of the stability study (section 5). */
export const DEFAULT_CAPSULE_FILLER = 'microcrystalline cellulose';

/** The contained Medication for the plan's form. Several capsule strengths: the strength is left out (one Ratio only). */
export function compoundMedication(plan: TitrationPlan, capsuleFiller = DEFAULT_CAPSULE_FILLER): Medication {
  const form = plan.input.form;
  const active: MedicationIngredient = {
    itemCodeableConcept: { coding: [NALTREXONE], text: 'naltrexone hydrochloride' },
    isActive: true,
  };
  const ingredient: MedicationIngredient[] = [active];
  if (form.kind === 'liquid') {
    active.strength = { numerator: mg(form.mgPerMl), denominator: ml(1) };
  } else {
    const strengths = [...new Set(form.strengthsMg)];
    if (strengths.length === 1) active.strength = { numerator: mg(strengths[0]!), denominator: capsules(1) };
    ingredient.push({ itemCodeableConcept: { text: capsuleFiller }, isActive: false });
  }
  return {
    resourceType: 'Medication',
    id: CONTAINED_MEDICATION_ID,
    code: { text: plan.formDescription },
    form: { text: form.kind === 'liquid' ? 'Oral liquid' : 'Oral capsule' },
    ingredient,
  };
}

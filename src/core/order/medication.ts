/**
 * The compound as a contained Medication (ldn-clinical.md sections 5 and 7): code.text names it as a pharmacist
 * would (US Core allows text only for a compound), naltrexone RxNorm 7243 with its strength as a Ratio, and the
 * vehicle or filler as inactive ingredients: capsules in microcrystalline cellulose (the filler of the stability
 * study, Cote et al., IJPC 2018) unless the clinician picks another; the liquid made from tablets with ascorbic
 * acid, a preservative and glycerol (Fawcett et al., Ann Pharmacother 1997).
 */
import type { Medication, MedicationIngredient } from 'fhir/r4';
import type { DoseForm } from '../titration/types.ts';
import type { TitrationPlan } from '../titration/types.ts';
import { NALTREXONE, capsules, mg, ml } from './codes.ts';

export const CONTAINED_MEDICATION_ID = 'ldn-compound';
/** Capsules are compounded in microcrystalline cellulose (Avicel), the filler of the stability study (section 5). */
export const DEFAULT_CAPSULE_FILLER = 'microcrystalline cellulose';
/** The 1 mg/mL liquid of the stability study: from tablets, with ascorbic acid, a preservative and glycerol (section 5). */
export const LIQUID_VEHICLE = ['ascorbic acid', 'glycerol', 'preservative'] as const;

const inactive = (text: string): MedicationIngredient => ({ itemCodeableConcept: { text }, isActive: false });

/** The capsule filler: the form's, else the caller's, else microcrystalline cellulose. */
export function fillerOf(form: DoseForm, fallback?: string): string {
  return (form.kind === 'capsule' ? form.filler?.trim() : undefined) || fallback?.trim() || DEFAULT_CAPSULE_FILLER;
}

/** "Naltrexone HCl 0.5 mg/mL oral liquid in ascorbic acid, glycerol and preservative (compounded)". */
export function compoundName(plan: TitrationPlan, capsuleFiller?: string): string {
  const form = plan.input.form;
  const base = plan.formDescription.replace(/ \(compounded\)$/, '');
  const vehicle =
    form.kind === 'liquid'
      ? `${LIQUID_VEHICLE.slice(0, -1).join(', ')} and ${LIQUID_VEHICLE.at(-1)}`
      : fillerOf(form, capsuleFiller);
  return `${base} in ${vehicle} (compounded)`;
}

/** The contained Medication for the plan's form. Several capsule strengths: the strength is left out (one Ratio only). */
export function compoundMedication(plan: TitrationPlan, capsuleFiller?: string): Medication {
  const form = plan.input.form;
  const active: MedicationIngredient = {
    itemCodeableConcept: { coding: [NALTREXONE], text: 'naltrexone hydrochloride' },
    isActive: true,
  };
  const ingredient: MedicationIngredient[] = [active];
  if (form.kind === 'liquid') {
    active.strength = { numerator: mg(form.mgPerMl), denominator: ml(1) };
    ingredient.push(...LIQUID_VEHICLE.map(inactive));
  } else {
    const strengths = [...new Set(form.strengthsMg)];
    if (strengths.length === 1) active.strength = { numerator: mg(strengths[0]!), denominator: capsules(1) };
    ingredient.push(inactive(fillerOf(form, capsuleFiller)));
  }
  return {
    resourceType: 'Medication',
    id: CONTAINED_MEDICATION_ID,
    code: { text: compoundName(plan, capsuleFiller) },
    form: { text: form.kind === 'liquid' ? 'Oral liquid' : 'Oral capsule' },
    ingredient,
  };
}

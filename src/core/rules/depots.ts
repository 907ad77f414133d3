/**
 * Long-acting depots and implants (ldn-clinical.md 2b; windows are (design) there, see knowledge/depots.ts).
 * A depot record counts from the day of its dose, whatever its status says (a completed administration of a
 * monthly injection is still acting); an active order or an in-progress administration counts as current.
 * - buprenorphine (Sublocade, Brixadi, Probuphine): within the active window contraindicated "buprenorphine-depot"
 *   (also agonist therapy for the OUD rule), with the window as its opioid-free window; Sublocade up to 12 months
 *   and Brixadi monthly up to 6 months: major "buprenorphine-depot-residual";
 * - Probuphine: in place 6 months from insertion unless a removal is charted (effectivePeriod.end), then 14 days;
 * - naltrexone (Vivitrol): within 28 days major "naltrexone-depot" (duplicate antagonist), 29-56 days info.
 */
import type { Conflict } from '../assess/types.ts';
import { clinicalDay, isoDay } from '../fhir/dates.ts';
import { DEPOT_INGREDIENTS, type MedEntry } from '../fhir/medication-entries.ts';
import { DEPOT_WINDOWS, IMPLANT_REMOVAL_DAYS, type DepotKind } from '../knowledge/depots.ts';
import { INGREDIENT_BY_ID, type IngredientRole } from '../knowledge/ingredients.ts';
import { medConflict, withRoles, type RuleContext } from './context.ts';

/** The dose (or insertion) day of a depot record and whether its end (implant removal) is charted. */
function doseDay(med: MedEntry): number | undefined {
  const last = med.timing.last;
  if (!last) return med.timing.lastUse;
  return last.from ?? last.day;
}

export interface DepotState {
  med: MedEntry;
  depot: DepotKind;
  /** 'active' inside the active window (or current by status), 'residual' after it, undefined when over. */
  phase: 'active' | 'residual' | undefined;
  dose?: number;
  endsOn?: number;
}

/**
 * The roles of the ingredients a record must name to get a depot (DEPOT_INGREDIENTS), or undefined if one has no
 * role (then every record is looked at).
 */
const DEPOT_ROLES: ReadonlySet<IngredientRole> | undefined = (() => {
  const roles = DEPOT_INGREDIENTS.map((id) => INGREDIENT_BY_ID.get(id)?.role);
  return roles.every((r) => r !== undefined) ? new Set(roles as IngredientRole[]) : undefined;
})();

/** Where each depot record stands today. */
export function depotStates(ctx: RuleContext): DepotState[] {
  const out: DepotState[] = [];
  // Only the records that can be depots (one bit test per record), not every matched record through its getters:
  // a long chart's opioids are mostly not depots (issue 14 item 1).
  const meds = DEPOT_ROLES ? withRoles(ctx.meds, DEPOT_ROLES) : ctx.meds;
  for (let i = 0; i < meds.length; i++) {
    const med = meds[i]!;
    const depot = med.depot;
    if (!depot || med.timing.state === 'never') continue;
    const w = DEPOT_WINDOWS[depot];
    const dose = doseDay(med);
    if (dose === undefined) {
      // Current by status, or ended without a date: fail safe, it may still be acting.
      out.push({ med, depot, phase: 'active' });
      continue;
    }
    // Windows are inclusive ("within 8 weeks" = up to day 56); endsOn is the first day after the window.
    let endsOn = dose + w.activeDays + 1;
    if (depot === 'probuphine' && med.timing.last?.label === 'end of effectivePeriod')
      endsOn = med.timing.last.day + IMPLANT_REMOVAL_DAYS + 1;
    if (med.timing.state === 'current' && med.timing.why !== 'supply')
      endsOn = Math.max(endsOn, ctx.today + w.activeDays + 1);
    if (ctx.today < endsOn) out.push({ med, depot, phase: 'active', dose, endsOn });
    else if (w.residualDays !== undefined && ctx.today <= dose + w.residualDays)
      out.push({ med, depot, phase: 'residual', dose, endsOn: dose + w.residualDays + 1 });
  }
  return out;
}

export function depotRules(ctx: RuleContext): Conflict[] {
  const out: Conflict[] = [];
  for (const s of depotStates(ctx)) {
    const { med, depot } = s;
    const w = DEPOT_WINDOWS[depot];
    const naltrexone = depot === 'vivitrol';
    const evidence = med.matches.get(naltrexone ? 'naltrexone' : 'buprenorphine') ?? [...med.matches.values()][0];
    if (!evidence) continue;
    const given =
      s.dose !== undefined
        ? `${w.label}, dose ${clinicalDay(s.dose)}`
        : `${w.label}, ${med.timing.state === 'current' ? 'current' : 'date of the dose not charted'}`;
    if (s.phase === 'active') {
      const rule = naltrexone ? 'naltrexone-depot' : 'buprenorphine-depot';
      const until = s.endsOn !== undefined ? `; counts until ${clinicalDay(s.endsOn - 1)}` : '';
      const window =
        !naltrexone && s.dose !== undefined && s.endsOn !== undefined
          ? {
              lastUse: isoDay(s.dose),
              lastUseBasis: `${w.label}: dose`,
              days: s.endsOn - s.dose,
              endsOn: isoDay(s.endsOn),
              rationale: `${w.label}: counts as current buprenorphine for its dosing interval and the opioid-free interval after it (a design choice of this tool).`,
            }
          : undefined;
      out.push(medConflict(rule, med, evidence, `${given}${until}.`, window));
    } else if (s.phase === 'residual') {
      out.push(
        medConflict(
          naltrexone ? 'naltrexone-depot-residual' : 'buprenorphine-depot-residual',
          med,
          evidence,
          `${given}; residual effect possible until ${clinicalDay((s.endsOn ?? 1) - 1)}.`,
        ),
      );
    }
  }
  return out;
}

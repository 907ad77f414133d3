/**
 * Opioid rules (ldn-clinical.md section 2).
 * When a medication that contains an opioid agonist, partial agonist or mixed agonist-antagonist is current,
 * then contraindicated: "opioid-naltrexone-product" when it also contains naltrexone (Embeda, Troxyca),
 * "opioid-partial-or-mixed" for buprenorphine (incl. buprenorphine/naloxone), butorphanol, pentazocine, nalbuphine,
 * else "opioid-agonist" (analgesics, antitussives, combinations incl. cough and cold, tramadol, tapentadol,
 * methadone). When it ended but its last use is inside the opioid-free window, then major "recent-opioid-use"
 * with the window. Naloxone inside an opioid product is part of that product, never a separate "rescue" finding.
 */
import type { Conflict } from '../assess/types.ts';
import type { MedEntry } from '../fhir/medication-entries.ts';
import { medConflict, OPIOID_ROLES, rolesOf, withRoles, type RuleContext } from './context.ts';
import { clinicalDate } from '../fhir/dates.ts';
import { timingBasis } from '../fhir/medication-timing.ts';
import { washoutDays, washoutFor } from './washout.ts';

/** The opioid ingredients of a record, in the order it names them (computed once per concept). */
function opioidIngredients(med: MedEntry): readonly string[] {
  return med.idsWithRoles(OPIOID_ROLES);
}

/** The current-opioid rule a medication triggers, if it contains an opioid. */
export function currentOpioidRule(
  med: MedEntry,
): 'opioid-naltrexone-product' | 'opioid-partial-or-mixed' | 'opioid-agonist' | undefined {
  const roles = rolesOf(med);
  if (roles.has('opioid-agonist') && roles.has('naltrexone')) return 'opioid-naltrexone-product';
  if (roles.has('opioid-agonist')) return 'opioid-agonist';
  if (roles.has('opioid-partial-agonist') || roles.has('opioid-mixed')) return 'opioid-partial-or-mixed';
  return undefined;
}

export function opioidRules(ctx: RuleContext): Conflict[] {
  const out: Conflict[] = [];
  const meds = withRoles(ctx.meds, OPIOID_ROLES);
  for (let i = 0; i < meds.length; i++) {
    const med = meds[i]!;
    if (med.matches.size === 0 || med.depot || med.timing.state === 'never') continue; // depots and implants: rules/depots.ts
    const ids = opioidIngredients(med);
    if (!ids.length) continue;
    const firstId = ids[0] as string;
    const evidence = med.matches.get(firstId);
    if (!evidence) continue;
    if (med.timing.state === 'current') {
      const rule = currentOpioidRule(med);
      if (rule) out.push(medConflict(rule, med, evidence, `Counts as current: ${timingBasis(med.timing)}.`));
      continue;
    }
    // Ended: inside the window, or date unknown (fail safe: an undated stopped opioid might be recent).
    if (med.timing.lastUse === undefined) {
      out.push(
        medConflict(
          'recent-opioid-use',
          med,
          evidence,
          `The record ended (${timingBasis(med.timing)}), so the end of the opioid-free window cannot be computed: confirm the last dose.`,
        ),
      );
      continue;
    }
    const patch = med.patch;
    if (ctx.today >= med.timing.lastUse + washoutDays(ids, patch)) continue; // outside the window: no finding
    const window = washoutFor(ids, med.timing.lastUse, timingBasis(med.timing), patch);
    out.push(
      medConflict(
        'recent-opioid-use',
        med,
        evidence,
        `Last use ${clinicalDate(window.lastUse)} (${window.lastUseBasis}); opioid-free from ${clinicalDate(window.endsOn)}.`,
        window,
      ),
    );
  }
  return out;
}
